"""Interchange with other tools' formats: GIFT (Moodle) quizzes."""
