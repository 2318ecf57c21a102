"""Words that tie a sentence to the ones before it."""

# Verbs that frame a clause someone reports ('figures show that', 'the mayor said'); the
# reported clause's subject is what the sentence is about.
REPORTING_VERBS: frozenset[str] = frozenset(
    """
    say show report indicate suggest tell announce add note state find reveal estimate write
    argue claim believe explain describe recall observe conclude assert
    """.split()
)

# Which earlier mention a pronoun takes: 'thing' (it, its, they, their, this, these) the last
# subject, 'person' (he, she, his, her) the last person named.
PRONOUNS: dict[str, str] = {
    "it": "thing",
    "its": "thing",
    "they": "thing",
    "their": "thing",
    "them": "thing",
    "this": "thing",
    "these": "thing",
    "that": "thing",
    "he": "person",
    "she": "person",
    "his": "person",
    "her": "person",
    "him": "person",
}

# The gender a personal pronoun gives the person it stands for.
PRONOUN_GENDERS: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
