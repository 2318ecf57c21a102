"""What a numeric question asks a figure to be: a measure, a dimension, a state."""

# Nouns that name a measure a question asks for ("the revenue", "its population", "the
# fare"): a figure must be a measure of one of these to answer it.
ASKED_MEASURES: frozenset[str] = frozenset(
    (
        "age altitude area attendance audience budget capacity circumference cost crowd "
        "debt depth diameter distance dividend earnings elevation enrollment enrolment "
        "fare fee fees funding gdp height income investment length lifespan mass "
        "membership output population price profit profits rainfall revenue revenues "
        "ridership salary sales size speed spending tax taxes temperature thickness "
        "turnover valuation value volume wage wages weight width wingspan workforce "
        "worth"
    ).split()
)

# What "how long/far/wide/deep/tall/high" asks for: the nouns and verbs that say that
# dimension. "How deep is the lake" is not answered by its length, and a tower that
# "rises" 148 metres is 148 metres tall.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "long": tuple("length distance long".split()),
    "far": tuple("distance length far long".split()),  # "a crossing 21 km long"
    "wide": tuple("width diameter wide".split()),
    "deep": tuple("depth deep".split()),
    "tall": tuple("height elevation altitude tall rise".split()),
    "high": tuple("height elevation altitude high rise".split()),
    "thick": tuple("thickness thick".split()),
}

# Words whose opposite a matching figure must not be about: a figure for "the new ground"
# does not answer a question about "the old stadium".
OPPOSITES: dict[str, tuple[str, ...]] = {
    "old": tuple("new".split()),
    "new": tuple("old".split()),
    "former": tuple("current".split()),
    "previous": tuple("next".split()),
    "adult": tuple("child".split()),
    "adults": tuple("children".split()),
    "child": tuple("adult".split()),
    "children": tuple("adults".split()),
    "minimum": tuple("maximum".split()),
    "maximum": tuple("minimum".split()),
    "lowest": tuple("highest".split()),
    "highest": tuple("lowest".split()),
}

# Words that ask for one end of a range ("prices ranged from 35 to 120 pounds"): the top
# for "the most expensive ticket", the bottom for "the cheapest".
EXTREMES: dict[str, tuple[str, ...]] = {
    "high": tuple(
        "highest maximum max top dearest priciest largest biggest greatest longest oldest "
        "heaviest upper most-expensive".split()
    ),
    "low": tuple(
        "lowest minimum min cheapest smallest shortest youngest lightest fewest lower "
        "least-expensive".split()
    ),
}

# Adjectives that mark which of two states of a thing a question is about ("the old
# stadium"); the figure's sentence must say the same.
MARKED_STATES: frozenset[str] = frozenset(("former old original previous").split())

# Verbs of two outcomes where one is the other's "not": a question that asks for one of a
# whole answers from the stated count of the other ("How many failed?" when "2,873 passed").
OUTCOMES: tuple[tuple[str, str], ...] = (
    ("pass passed passes passing", "fail failed fails failing"),
    ("win won wins winning", "lose lost loses losing"),
    ("survive survived survives surviving", "lose lost destroy destroyed demolish demolished"),
    ("finish finished finishes", "quit abandon abandoned retire retired"),
    ("accept accepted accepts", "reject rejected refuse refused decline declined"),
    ("fill filled fills", "vacant empty unfilled open"),
    ("keep kept keeps", "lose lost"),
    ("keep kept keeps", "sell sold sells"),
    ("attend attended attends", "miss missed skip skipped"),
)
