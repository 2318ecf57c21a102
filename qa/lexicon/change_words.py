"""Words that state a change of a figure, and by which direction.

Words that state a change of a figure, by direction.
"""

# Lemmas of verbs of change ('rose 4 percent', 'fell to').
CHANGE_VERBS: dict[str, str] = {
    "rise": "up",
    "grow": "up",
    "increase": "up",
    "jump": "up",
    "climb": "up",
    "surge": "up",
    "gain": "up",
    "soar": "up",
    "expand": "up",
    "fall": "down",
    "drop": "down",
    "decline": "down",
    "decrease": "down",
    "slide": "down",
    "slump": "down",
    "shrink": "down",
    "sink": "down",
    "dip": "down",
    "plunge": "down",
    "slip": "down",
    "tumble": "down",
}

# Nouns of change ('an increase of 5 percent').
CHANGE_NOUNS: dict[str, str] = {
    "increase": "up",
    "rise": "up",
    "growth": "up",
    "jump": "up",
    "gain": "up",
    "drop": "down",
    "decline": "down",
    "decrease": "down",
    "fall": "down",
}

# 'up 6.2 percent', 'down 3 percent'.
CHANGE_ADVERBS: dict[str, str] = {"up": "up", "down": "down", "higher": "up", "lower": "down"}

# Verbs that change their object 'by' an amount ('cut water use by 25 percent'), with the noun
# for the change.
BY_VERBS: dict[str, str] = {
    "cut": "reduction",
    "reduce": "reduction",
    "lower": "reduction",
    "shrink": "reduction",
    "raise": "increase",
    "boost": "increase",
    "increase": "increase",
}

# Words that compare an amount with another ('15 percent more than the estimate').
COMPARATIVES: dict[str, str] = {
    "more": "up",
    "higher": "up",
    "greater": "up",
    "larger": "up",
    "bigger": "up",
    "above": "up",
    "over": "up",
    "less": "down",
    "lower": "down",
    "smaller": "down",
    "fewer": "down",
    "below": "down",
    "under": "down",
}

# Prepositions and participles that introduce an earlier value ('compared with 7,000', 'up from
# 54,000').
EARLIER_CUES: frozenset[str] = frozenset("compare against versus vs vs.".split())

# Verbs that take 'up' as a particle, not a change ('made up 40 percent of sales').
NOT_CHANGES: frozenset[str] = frozenset("make add set pick take end sum".split())
