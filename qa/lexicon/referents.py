"""Common nouns that stand for a thing named before them."""

# Common nouns that stand in for a name said earlier ("the city" for the city the headline
# names): a name from the headline or lead may match a figure whose sentence says one of
# these.
STAND_INS: frozenset[str] = frozenset(
    (
        "airport arena bridge building capital city college company country county "
        "district facility factory firm government ground group hospital library line "
        "mission municipality museum nation network park plant port project province "
        "region scheme school site stadium state station town university venue"
    ).split()
)

# Things an article may call by a common noun after its headline names them ("the
# building" for a new clinic). Not firms or places: "the company" is not "the mill".
FACILITIES: frozenset[str] = frozenset(
    (
        "airport arena bridge building campus center centre complex facility ground "
        "hospital library line museum network plant port project scheme school site "
        "stadium station terminal tower venue"
    ).split()
)

# Nouns that name the same kind of thing, so that a description by one refers to a name
# given the other ("the MV Skerry Lass, its newest ship ... the vessel"). Only plain
# synonyms: "the ferry" is a kind of ship, but not every ship is a ferry.
SAME_KIND: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "vessel ship boat",
        "company firm business",
        "factory plant",
        "centre center",
        "stadium ground arena",
        "project scheme",
    )
)

# What a question may call a story's first subject by, from the kind of name it is: "the
# company" for "Norrvik Foods" (an organisation), "the town" for "Harsund" (a place).
CALLED_BY_KIND: dict[str, frozenset[str]] = {
    "ORG": frozenset("company firm business group".split()),
    "GPE": frozenset(
        "city town village country county district municipality nation province region "
        "state".split()
    ),
}
