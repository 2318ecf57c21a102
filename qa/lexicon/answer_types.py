"""What kind of answer a question asks for: its wh-word, or the noun after "which"/"what".

Kinds are coarse ("person", "place", "date", ...); ``LABELS`` maps each to the spaCy
(OntoNotes) entity labels an answer of that kind carries.
"""

LABELS: dict[str, frozenset[str]] = {
    "person": frozenset({"PERSON", "ORG", "NORP"}),
    "org": frozenset({"ORG"}),
    "place": frozenset({"GPE", "LOC", "FAC"}),
    "date": frozenset({"DATE", "TIME"}),
    "count": frozenset({"CARDINAL", "QUANTITY"}),
    "amount": frozenset({"MONEY", "QUANTITY", "PERCENT", "CARDINAL"}),
    "money": frozenset({"MONEY"}),
    "percent": frozenset({"PERCENT"}),
    "duration": frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL"}),
    "age": frozenset({"DATE", "CARDINAL"}),
    "measure": frozenset({"QUANTITY", "CARDINAL"}),
    "group": frozenset({"NORP", "ORG"}),
    "language": frozenset({"LANGUAGE", "NORP"}),
    "work": frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "ORG"}),
    "event": frozenset({"EVENT", "DATE"}),
    "ordinal": frozenset({"ORDINAL"}),
}

# The kind asked for by a wh-word alone (after "how", by the word that follows it).
WH_KINDS: dict[str, str] = {
    "who": "person",
    "whom": "person",
    "whose": "person",
    "when": "date",
    "where": "place",
    "why": "reason",
    "how": "manner",
    "how many": "count",
    "how much": "amount",
    "how long": "duration",
    "how old": "age",
    "how far": "measure",
    "how big": "measure",
    "how large": "measure",
    "how tall": "measure",
    "how high": "measure",
    "how wide": "measure",
    "how deep": "measure",
    "how heavy": "measure",
    "how fast": "measure",
    "how often": "frequency",
    "what": "thing",
    "which": "thing",
}

# Nouns after "which"/"what"/"what kind of" that ask for a kind of answer, by lemma.
NOUN_KINDS: dict[str, frozenset[str]] = {
    "person": frozenset(
        """person people man woman men women boy girl child son daughter father mother
        brother sister wife husband parent family friend partner leader ruler king queen
        emperor prince princess president minister chancellor mayor governor senator
        official officer general soldier player athlete coach manager director producer
        writer author poet novelist composer musician singer artist actor actress painter
        sculptor architect designer engineer scientist inventor founder owner chairman
        ceo executive teacher student pupil professor scholar critic journalist reporter
        editor lawyer judge doctor physician priest monk pope bishop lama saint god
        character hero villain protagonist member figure individual citizen resident
        worker employee spokesperson spokesman spokeswoman pianist rapper dancer
        historian philosopher economist politician candidate winner champion rival
        teammate successor predecessor heir relative uncle aunt cousin grandfather
        grandmother mentor tutor""".split()
    ),
    "org": frozenset(
        """company firm business corporation enterprise organization organisation
        institution agency department ministry government party team club band group
        label publisher studio network channel newspaper magazine university college
        school academy hospital bank court council committee army navy church
        association union league federation brand retailer manufacturer maker developer
        station""".split()
    ),
    "place": frozenset(
        """place city town village country nation state province region area district
        county island continent capital location site venue building street road river
        lake sea ocean mountain valley park zone neighborhood neighbourhood borough
        territory kingdom empire port harbor harbour airport stadium arena theater
        theatre hall museum church temple palace castle bridge station campus
        hemisphere coast border""".split()
    ),
    "date": frozenset(
        """year date day month week decade century era period time season age
        birthday anniversary morning evening night hour""".split()
    ),
    "count": frozenset("number count total".split()),
    "amount": frozenset("amount sum figure value size".split()),
    "money": frozenset("money price cost fee salary revenue budget income profit fund".split()),
    "percent": frozenset("percentage percent proportion share rate".split()),
    "language": frozenset("language tongue dialect".split()),
    "group": frozenset("nationality ethnicity religion faith tribe dynasty".split()),
    "work": frozenset(
        """song album single record film movie book novel game play show series opera
        symphony sonata concerto painting poem work title episode track""".split()
    ),
    "event": frozenset("event war battle festival tournament competition election".split()),
    "reason": frozenset("reason purpose point aim cause motive motivation goal".split()),
}

# Kinds of answer that are names, not figures or phrases ("which king", "what language").
NAME_KINDS = frozenset({"person", "org", "place", "group", "language", "work", "event"})

# Nouns that ask what a person is, as an apposition or a copula says it ("Ada Kell,
# chief engineer of the port"): "What position does she hold?". Not "role", which a play
# or a film gives as a character.
ROLE_NOUNS = frozenset("position job post occupation profession".split())

# Nouns that only say "the name of ...": the noun of their "of" phrase says the kind.
NAME_NOUNS = frozenset("name title term word kind type sort form".split())
