"""Verbs and adjectives that say what a number measures."""

# By lemma, what the verb's object measures ('spans 20 hectares' is an area, 'cost 9 million
# euros' a cost).
VERB_MEASURES: dict[str, str] = {
    "span": "area",
    "cover": "area",
    "occupy": "area",
    "invest": "investment",
    "raise": "funding",
    "cost": "cost",
    "sell": "sales",
    "earn": "earnings",
    "generate": "revenue",
    "export": "exports",
    "import": "imports",
    "produce": "output",
    "pay": "payment",
    "spend": "spending",
    "borrow": "borrowing",
    "lose": "loss",
    "donate": "donation",
    "contribute": "contribution",
    "employ": "employees",
    "hire": "hires",
    "weigh": "weight",
    "last": "duration",
    "handle": "throughput",
    "gross": "revenue",
    "carry": "carried",
    "create": "jobs created",
}

# Phrasal verbs of money, by lemma and particle: "frozen foods brought in 9.8 billion".
PHRASAL_MONEY_MEASURES: dict[tuple[str, str], str] = {
    ("bring", "in"): "revenue",
    ("take", "in"): "revenue",
    ("rake", "in"): "revenue",
    ("pay", "out"): "payment",
}

# What a verb's bare count measures ('employs 350 people' counts employees, 'seats 2,000' is a
# capacity).
COUNT_VERBS: dict[str, str] = {
    "employ": "employees",
    "seat": "capacity",
    "hold": "capacity",
    "accommodate": "capacity",
}

# Verbs whose object is money, so a duration beside them is no measure of theirs.
MONEY_VERBS: frozenset[str] = frozenset(
    "spend pay cost invest raise earn lose donate borrow".split()
)

# Verbs that value a thing 'at' an amount, and what they measure.
VALUATION_VERBS: dict[str, str] = {
    "value": "valuation",
    "peg": "valuation",
    "put": "valuation",
    "price": "price",
    "estimate": "estimated value",
}

# A measure that depends on the amount's kind ('generates 90 million kWh' is generation,
# 'generates 5 million euros' revenue).
KIND_VERBS: dict[str, dict[str, str]] = {"generate": {"energy": "generation"}}

# Adjectives of size after an amount ('9 metres wide').
DIMENSIONS: dict[str, str] = {
    "long": "length",
    "wide": "width",
    "across": "width",
    "high": "height",
    "tall": "height",
    "deep": "depth",
    "thick": "thickness",
}

# Things whose size, said before them, is a height: "a 2,860-metre peak", "a 330-metre tower".
TALL_THINGS: frozenset[str] = frozenset(
    """mountain peak summit hill volcano tower spire steeple skyscraper mast chimney
    lighthouse minaret pylon obelisk statue waterfall cliff dam""".split()
)

# Participles that name a thing ('a ship named Aurelia'), kept in its description.
NAMING_VERBS: frozenset[str] = frozenset("name call dub know".split())

# A verbless phrase that gives a population.
HOME_TO: str = "population"
