"""Words of which a noun can be only one: a record is the men's or the women's, a phase
the first or the second, a bank the north or the south one. A sentence that gives a noun one
of them does not speak of the noun with another ("the men's course record" is no answer
about "the women's course record"). Lemmas, as the parser gives them, or the words as
written ("operating", which the parser may read as "operate")."""

from __future__ import annotations

_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth"

ALTERNATIVES: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "man woman",
        "male female",
        "boy girl",
        "son daughter",
        "north south",
        "east west",
        "northern southern",
        "eastern western",
        "upper lower",
        "inner outer",
        "junior senior",
        "indoor outdoor",
        "summer winter",
        "old new",
        "net gross operating",  # a profit
        "daily weekly monthly",  # a pass, a fare
        _ORDINALS,
    )
)
