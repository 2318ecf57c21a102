"""Words that shape a numeric question without naming what it is about."""

# Words that say what kind of answer a numeric question wants, not what it is about:
# "how many", "what percentage", "altogether", "per", "ago". A question's terms leave them
# out.
QUESTION_WORDS: frozenset[str] = frozenset(
    (
        "about add ago almost altogether amount approximately around average beat "
        "between big bigger combined compare compared convert converted count counting "
        "current currently date day deadline difference each earlier exceed existing "
        "far faster fewer figure fraction gap higher how large larger later left less "
        "long lower many money month more much nearly now number old own part per "
        "percent percentage plus portion present proportion quick quickly rate rates "
        "remain remaining roughly share since slower smaller sum than there till time "
        "today together total until up wat what what's whats when which year years"
    ).split()
)

# Light verbs: they carry no measure of their own ("work in", "have", "host", "make"), so a
# question's main verb among them says nothing of what is asked.
LIGHT_VERBS: frozenset[str] = frozenset(
    (
        "achieve base based be become becomes been being bring did do does employ "
        "employs exist get gets got had has have here hold holds host hosted hosts keep "
        "made make makes put reach reached reaches take takes there work worked working "
        "works"
    ).split()
)

# Verbs whose "how much" asks for an amount of money: "How much did it cost?", "How much
# did the state pay?". Lemmas.
MONEY_VERBS: frozenset[str] = frozenset(
    (
        "award borrow charge contribute cost donate earn fine fund grant invest lend owe pay "
        "raise receive refund repay spend win"
    ).split()
)

# Phrases a person uses for what an article says in other words, read before a question's
# words are: "phrase: the words it is read as". One phrase a line; whole words only, in
# lower case.
QUESTION_PHRASES: dict[str, str] = {
    "set up": "established",
    "take home": "earn",
    "took home": "earned",
    "takes home": "earns",
    "put into": "invested in",
    "poured into": "invested in",
    "pumped into": "invested in",
    "sunk into": "invested in",
    "went into": "invested in",
    "gone into": "invested in",
    "go into": "invested in",
    "goes into": "invested in",
    "flowed into": "invested in",
    "take in": "revenue",
    "took in": "revenue",
    "bring in": "revenue",
    "brought in": "revenue",
    "rake in": "revenue",
    "raked in": "revenue",
    "take up": "cover",
    "takes up": "cover",
    "come to": "moved to",
    "came to": "moved to",
    "come into": "moved to",
    "came into": "moved to",
    "academy member": "academicians",
    "academy members": "academicians",
    "right now": "now",
    "at present": "now",
    "these days": "now",
    "go up": "increase",
    "gone up": "increase",
    "went up": "increase",
    "go down": "decrease",
    "gone down": "decrease",
    "went down": "decrease",
    "how much money": "how much",
    "reopen": "reopened",
    "reopened": "reopened",
    "reopens": "reopened",
    "reopening": "reopened",
    "re-open": "reopened",
    "re-opened": "reopened",
    "re-opens": "reopened",
    "re-opening": "reopened",
    "open again": "reopened",
    "open its again": "reopened",
    "open their again": "reopened",
    "open the again": "reopened",
    "open doors again": "reopened",
    "open its doors again": "reopened",
    "open their doors again": "reopened",
    "open the doors again": "reopened",
    "opened again": "reopened",
    "opened its again": "reopened",
    "opened their again": "reopened",
    "opened the again": "reopened",
    "opened doors again": "reopened",
    "opened its doors again": "reopened",
    "opened their doors again": "reopened",
    "opened the doors again": "reopened",
    "opens again": "reopened",
    "opens its again": "reopened",
    "opens their again": "reopened",
    "opens the again": "reopened",
    "opens doors again": "reopened",
    "opens its doors again": "reopened",
    "opens their doors again": "reopened",
    "opens the doors again": "reopened",
    "end up costing": "cost",
    "ended up costing": "cost",
    "ends up costing": "cost",
    "work out at": "cost",
    "worked out at": "cost",
    "go over": "exceed",
    "goes over": "exceed",
    "went over": "exceed",
    "gone over": "exceed",
    "market value": "valuation",
    "market capitalisation": "valuation",
    "market capitalization": "valuation",
    "market cap": "valuation",
    "worth on the market": "valuation",
    "worth on the stock market": "valuation",
    "percentage point": "percent",
    "percentage points": "percent",
}

# Verbs of making a work: a year said of the work itself ("The Salt Orchard is a 1958
# novel") is when it was made, whichever of these a question asks it by. Lemmas.
MAKING_VERBS: frozenset[str] = frozenset(
    (
        "build compose create design film make paint premiere produce publish record release "
        "shoot write"
    ).split()
)
