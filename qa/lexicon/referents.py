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
