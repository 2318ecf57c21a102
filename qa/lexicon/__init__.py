"""General English vocabulary the engine reads with, kept as data in one place.

Each module here holds word lists or tables for one purpose, and nothing about any article:
what kinds of answer a question's nouns ask for (``answer_types``), units and currencies,
measure nouns and verbs, question words and the synonyms a person uses for what a text
says. Code elsewhere imports the tables; it never spells words of its own.
"""
