"""Interchange with other tools' formats: GIFT (Moodle) quizzes in and out, Anki decks out."""
