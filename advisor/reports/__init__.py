"""Reports: a recommendation rendered for people (Markdown) and for programs (JSON)."""
