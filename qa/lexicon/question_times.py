"""Words of time a numeric question uses: months, nouns of time, ordinals."""

# The months, in order.
MONTHS: frozenset[str] = frozenset(
    (
        "april august december february january july june march may november october september"
    ).split()
)

# Nouns of time: "the previous year" marks a time, not a former state of a thing.
TIME_NOUNS: frozenset[str] = frozenset(
    ("day days month months quarter season week weeks year years").split()
)

# Ordinal words by their number; "last" and "final" of a year's quarters are the fourth.
ORDINALS: dict[str, tuple[str, ...]] = {
    "1": tuple("first 1st".split()),
    "2": tuple("second 2nd".split()),
    "3": tuple("third 3rd".split()),
    "4": tuple("fourth 4th last final".split()),
}
