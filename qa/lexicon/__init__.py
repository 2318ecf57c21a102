"""General English vocabulary the engine reads with, kept as data in one place.

Each module here holds word lists or tables for one purpose, and nothing about any article:
what kinds of answer a question's nouns ask for (``answer_types``), units and currencies
(``units``, ``currencies``), what a number measures (``measure_nouns``, ``measure_verbs``),
words of change and of time (``change_words``, ``time_words``), words that tie a sentence to
the ones before (``discourse_words``); what a numeric question asks (``question_words``,
``question_measures``, ``question_times``) and the synonyms a person uses for what a text
says (``synonyms``); irregular verbs (``irregular_verbs``); nouns that stand for a thing named
before them (``referents``); the last words of names that say what kind of thing a
name names (``name_heads``). Code elsewhere imports the tables; it never spells words of its
own.
"""
