"""Units of measure, by kind, with their size in the kind's base unit.

Units of measure. Each: a regular expression (case-insensitive; the abbreviations under
'exact_case' must match as written), the canonical name, the kind, and for convertible units
its size in the kind's base unit (square meters, meters, kilograms, watts, kilowatt-hours,
bytes).
Longer patterns come first within a kind.
"""

UNITS: tuple[tuple[str, str, str, float | None], ...] = (
    (
        r"square[\s-]+kilomet(?:er|re)s?|sq\.?\s*km|km2|km²|square[\s-]+km",
        "square kilometers",
        "area",
        1000000.0,
    ),
    (r"square[\s-]+met(?:er|re)s?|sq\.?\s*m\b|sqm|m2|m²", "square meters", "area", 1.0),
    (r"square[\s-]+miles?|sq\.?\s*mi\b", "square miles", "area", 2589988.110336),
    (r"square[\s-]+f(?:ee|oo)t|sq\.?\s*ft", "square feet", "area", 0.09290304),
    (r"hectares?|ha\b", "hectares", "area", 10000.0),
    ("acres?", "acres", "area", 4046.8564224),
    (r"percentage\s+points?", "percentage points", "percent", None),
    (r"per\s*cent|percent|pct\b|%", "percent", "percent", None),
    (r"kilomet(?:er|re)s?\s+per\s+hour|km/h|kph", "kilometers per hour", "speed", None),
    (r"miles\s+per\s+hour|mph", "miles per hour", "speed", None),
    (r"knots?", "knots", "speed", None),
    (r"kilomet(?:er|re)s?|km\b", "kilometers", "length", 1000.0),
    (r"centimet(?:er|re)s?|cm\b", "centimeters", "length", 0.01),
    (r"millimet(?:er|re)s?|mm\b", "millimeters", "length", 0.001),
    (r"nanomet(?:er|re)s?|nm\b", "nanometers", "length", 1e-09),
    ("met(?:er|re)s?", "meters", "length", 1.0),
    (r"nautical\s+miles?", "nautical miles", "length", 1852.0),
    ("miles?", "miles", "length", 1609.344),
    ("yards?", "yards", "length", 0.9144),
    (r"f(?:ee|oo)t|ft\b", "feet", "length", 0.3048),
    (r"inch(?:es)?", "inches", "length", 0.0254),
    (r"metric\s+tons?|tonnes?|tons?", "tons", "mass", 1000.0),
    (r"kilograms?|kg\b", "kilograms", "mass", 1.0),
    ("grams?", "grams", "mass", 0.001),
    (r"terawatt[-\s]hours?|TWh", "terawatt-hours", "energy", 1000000000.0),
    (r"gigawatt[-\s]hours?|GWh", "gigawatt-hours", "energy", 1000000.0),
    (r"megawatt[-\s]hours?|MWh", "megawatt-hours", "energy", 1000.0),
    (r"kilowatt[-\s]hours?|kWh", "kilowatt-hours", "energy", 1.0),
    (r"gigawatts?|GW\b", "gigawatts", "power", 1000000000.0),
    (r"megawatts?|MW\b", "megawatts", "power", 1000000.0),
    (r"kilowatts?|kW\b", "kilowatts", "power", 1000.0),
    (r"cubic\s+met(?:er|re)s?|m3|m³", "cubic meters", "volume", None),
    ("lit(?:er|re)s?", "liters", "volume", None),
    ("barrels?", "barrels", "volume", None),
    (r"degrees?\s+Celsius|°C", "degrees Celsius", "temperature", None),
    (r"degrees?\s+Fahrenheit|°F", "degrees Fahrenheit", "temperature", None),
    (r"decibels?|dB\b", "decibels", "sound", None),
    (r"petabytes?|PB\b", "petabytes", "data", 1e15),
    (r"terabytes?|TB\b", "terabytes", "data", 1e12),
    (r"gigabytes?|GB\b", "gigabytes", "data", 1e9),
    (r"megabytes?|MB\b", "megabytes", "data", 1e6),
    (r"kilobytes?|KB\b", "kilobytes", "data", 1e3),
    ("decades?", "decades", "duration", None),
    ("years?", "years", "duration", None),
    ("months?", "months", "duration", None),
    ("weeks?", "weeks", "duration", None),
    ("days?", "days", "duration", None),
    ("hours?", "hours", "duration", None),
    ("minutes?", "minutes", "duration", None),
    ("seconds?", "seconds", "duration", None),
    ("times|-?fold", "times", "multiple", None),
)

# Abbreviations matched in any case but units only as written: "5 MW", not "5 mw".
EXACT_CASE: frozenset[str] = frozenset("TWh GWh MWh kWh GW MW kW ha PB TB GB MB KB dB".split())

# "pounds" is money or weight: the words before it decide.
POUNDS_PATTERN = r"pounds?|lbs?\b"
POUNDS_MONEY = "pounds"
POUNDS_WEIGHT = "pounds (weight)"
POUNDS_WEIGHT_TO_BASE = 0.45359237
