"""Synonyms a person uses for what an article says in other words, by group: ``SYNONYMS``
for matching a numeric question to a fact, ``SYNONYM_GROUPS`` for retrieval."""

# Groups for matching a question to a fact: a person asks for "staff" where an article says
# "employees", for "sales" where it says "revenue", for "a stretch" of a route where it says
# "a section". A word may sit in several groups ("size" is an area and a value). The groups
# of people by what they do (work, live, visit, watch, ride, study) or what befell them (die,
# injure, evacuate) also say who a count of people is: "how many people work at X" asks for
# staff, not visitors.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "people": tuple(
        (
            "people person persons staff employee employees worker workers personnel "
            "professional professionals workforce talent talents academician academicians "
            "graduate graduates grad grads expert experts scientist scientists researcher "
            "researchers engineer engineers member members resident residents holder "
            "holders specialist specialists runner runners participant participants "
            "competitor competitors athlete athletes player players entrant entrants passenger "
            "passengers visitor visitors student students pupil pupils spectator spectators "
            "patient patients ppl"
        ).split()
    ),
    "professional": tuple("professional professionals skilled specialist specialists".split()),
    "company": tuple(
        (
            "company companies firm firms enterprise enterprises business businesses "
            "corporation corporations"
        ).split()
    ),
    "revenue": tuple("revenue revenues income sales turnover".split()),
    "invest": tuple("invest invested investing investment investments".split()),
    "area": tuple("area size span spans cover covers covering land".split()),
    "found": tuple(
        (
            "found founded establish established establishment setup create created "
            "launch launched start started exist existed inception introduce introduced "
            "unveil unveiled"
        ).split()
    ),
    "sound": tuple("sound noise loud loudness volume decibel decibels".split()),
    "arrive": tuple(
        (
            "move moved relocate relocated arrive arrived come came join joined attract "
            "attracted settle settled enter entered"
        ).split()
    ),
    "authorize": tuple(
        (
            "authorize authorized authorise authorised authorization authorisation "
            "approve approved approval license licensed grant granted"
        ).split()
    ),
    "price": tuple("price prices cost costs charge charges fee fees bill bills".split()),
    "outlay": tuple(
        (
            "cost costs investment investments spending spend spent outlay expenditure "
            "pay paid pays paying contribute contributed contributes contributing bill "
            "bills price"
        ).split()
    ),
    "growth": tuple(
        (
            "grow grew grown growth increase increased rise rose risen up gain gained "
            "jump jumped climb climbed"
        ).split()
    ),
    "decline": tuple(
        ("fall fell decline declined decrease decreased drop dropped down shrink shrank").split()
    ),
    "target": tuple(
        (
            "target targets goal goals aim aims aiming plan plans planned objective want "
            "wants hope hopes hoping deadline"
        ).split()
    ),
    "value": tuple("value worth valued size valuation valuing".split()),
    "doctoral": tuple("doctoral doctor doctors doctorate doctorates phd phds".split()),
    "master": tuple("master masters".split()),
    "graduate": tuple(
        (
            "graduate graduates grad grads degree degrees holder holders postgraduate postgraduates"
        ).split()
    ),
    "injection": tuple("injection injections shot shots dose doses jab jabs".split()),
    "tax": tuple("tax taxes taxation".split()),
    "industry": tuple("industry industries sector sectors economy".split()),
    "health": tuple("health healthcare".split()),
    "operating": tuple("operating operational".split()),
    "generation": tuple(
        ("generate generated generation output produce produced production").split()
    ),
    "job": tuple("job jobs employment".split()),
    "complete": tuple("complete completed completing completion finish finished finishing".split()),
    "concert": tuple("concert concerts gig gigs show shows performance performances".split()),
    "salary": tuple("salary salaries pay wage wages".split()),
    "flight": tuple("flight flights departure departures".split()),
    "household": tuple("household households home homes".split()),
    "loan": tuple("loan loans borrowing borrowings".split()),
    "capacity": tuple(
        ("capacity capacities seat seats seating hold holds accommodate accommodates").split()
    ),
    "medicine": tuple(
        ("medicine medicines drug drugs treatment treatments therapy therapies medication").split()
    ),
    "work": tuple(
        (
            "work works worked working employ employs employed employing employee "
            "employees staff staffed staffing worker workers personnel workforce professional "
            "professionals hire hires hired"
        ).split()
    ),
    "live": tuple(
        (
            "live lives lived living resident residents inhabitant inhabitants population "
            "populations people"
        ).split()
    ),
    "visit": tuple(
        ("visit visits visited visiting visitor visitors tourist tourists people").split()
    ),
    "watch": tuple(
        (
            "watch watched watching attend attended attending attendance spectator "
            "spectators fan fans crowd crowds audience audiences viewer viewers people"
        ).split()
    ),
    "ride": tuple(
        (
            "ride rides rode riding rider riders passenger passengers journey journeys "
            "trip trips fare fares ticket tickets"
        ).split()
    ),
    "study": tuple(
        (
            "study studies studied studying student students pupil pupils enrol enrolled "
            "enroll enrolment enrollment"
        ).split()
    ),
    # What befell people is no more what they do: the 23 a flood drowned are not how many
    # live in a town, the injured not the dead.
    "die": tuple(
        (
            "die dies died dying dead death deaths kill kills killed killing drown drowns "
            "drowned drowning fatality fatalities"
        ).split()
    ),
    "injure": tuple("injure injures injured injuring injury injuries wound wounded hurt".split()),
    "evacuate": tuple(
        "evacuate evacuates evacuated evacuating evacuee evacuees displace displaced".split()
    ),
    "station": tuple("station stations stop stops halt halts".split()),
    "single": tuple("single one lone individual".split()),
    "weight": tuple("weigh weighs weighed weighing weight weights heavy mass".split()),
    "length": tuple("long length lengths".split()),
    "height": tuple("tall high height elevation altitude".split()),
    "speed": tuple("fast speed speeds quick quickly".split()),
    "reopen": tuple("reopen reopened reopening reopens".split()),
    "open": tuple("open opened opening opens inaugurate inaugurated".split()),
    "excess": tuple("overrun overran exceed exceeded exceeding excess increase".split()),
    "dividend": tuple("dividend dividends payout payouts".split()),
    "profit": tuple("profit profits earnings".split()),
    "child": tuple("child children kid kids son sons daughter daughters".split()),
    "duration": tuple("duration last lasts lasted lasting long".split()),
    "section": tuple(
        ("section sections stretch stretches segment segments extension extensions").split()
    ),
}

# Verbs that say who a count of people is, by what they do, under their synonym group:
# "how many people work at X" counts staff, not visitors or residents.
PEOPLE_VERBS: dict[str, tuple[str, ...]] = {
    "work": tuple("work works worked working employ employs employed".split()),
    "live": tuple("live lives lived living".split()),
    "visit": tuple("visit visits visited".split()),
    "watch": tuple("watch watched watching attend attended attending".split()),
    "ride": tuple("ride rides rode riding".split()),
    "study": tuple("study studies studied enrol enrolled enroll".split()),
    "die": tuple("die dies died kill kills killed drown drowns drowned".split()),
    "injure": tuple("injure injures injured wound wounded hurt".split()),
    "evacuate": tuple("evacuate evacuates evacuated displace displaced".split()),
}


# Groups for retrieval: a question word also matches the others of its group, at half
# weight (``qa.analysis.expand``), each group expanded to its stems.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("big", "large", "size", "area", "span", "cover", "square", "vast", "huge"),
    ("staff", "employee", "worker", "personnel", "people", "professional", "workforce"),
    ("company", "firm", "enterprise", "business", "corporation", "companies"),
    ("income", "sales", "revenue", "revenues", "earnings", "turnover"),
    (
        "found",
        "founded",
        "establish",
        "established",
        "set",
        "create",
        "launch",
        "start",
        "begin",
        "began",
        "commence",
    ),
    ("tech", "technology", "technique"),
    ("cost", "price", "expense", "expensive", "cheap", "affordable", "pay", "charge"),
    ("invest", "investment", "funding", "fund", "capital"),
    (
        "boss",
        "head",
        "chairman",
        "chair",
        "chief",
        "leader",
        "ceo",
        "president",
        "director",
        "run",
        "runs",
        "lead",
        "led",
        "manage",
        "manager",
        "charge",
        "responsible",
    ),
    ("goal", "target", "aim", "plan", "objective"),
    ("grow", "growth", "increase", "rise", "rose", "gain", "jump", "up"),
    ("fall", "fell", "decrease", "decline", "drop", "down", "shrink"),
    ("where", "located", "location", "situated", "based"),
    ("medicine", "drug", "treatment", "treat", "therapy", "medication", "medical"),
    ("disease", "illness", "condition", "cancer", "disorder"),
    ("doctor", "doctoral", "phd", "doctorate"),
    ("master", "masters"),
    ("graduate", "degree", "holder"),
    ("tax", "taxes", "levy"),
    ("worth", "value", "valued"),
    ("city", "town", "municipality"),
    ("build", "built", "construct", "construction", "develop", "development"),
    ("team", "group", "lab", "laboratory"),
    ("move", "moved", "relocate", "arrive", "join", "attract", "attracted"),
    ("work", "working", "cooperate", "collaborate", "partner", "partnership"),
    ("scientist", "researcher", "academician", "expert", "scholar"),
    ("school", "university", "college"),
    ("patent", "authorize", "authorized", "approve", "approved", "license"),
    ("speed", "accelerate", "faster", "quick"),
    ("shot", "injection", "dose", "jab"),
    ("talent", "talents", "expert"),
    ("president", "principal", "head", "chancellor", "rector"),
    ("kill", "killed", "dead", "death", "die", "died"),
    ("buy", "bought", "purchase", "acquire", "acquisition"),
    ("sell", "sold", "sale"),
    ("born", "birth"),
    ("job", "jobs", "employment"),
    ("car", "vehicle", "automobile"),
    ("today", "now", "currently", "current", "present", "presently", "nowadays"),
    ("launch", "launched", "lift", "lifted", "liftoff", "blast", "takeoff"),
    ("play", "played", "match", "game", "fixture"),
    ("tall", "tallest", "high", "highest", "height", "elevation", "altitude"),
    ("last", "latest", "recent", "recently"),
    ("end", "finish", "finished", "complete", "completed", "completion"),
    ("father", "dad", "daddy", "parent"),
    ("mother", "mom", "mum", "parent"),
    ("husband", "wife", "spouse", "married", "marry", "marriage", "wed"),
    ("child", "children", "son", "daughter", "kid", "kids"),
    ("buried", "bury", "burial", "grave", "tomb", "laid", "interred"),
    ("link", "connect", "connecting", "join"),
    ("open", "opened", "reopen", "reopened", "launch", "inaugurate", "start", "begin"),
    ("stop", "station"),
    ("renovate", "renovation", "refurbish", "refurbishment", "restore", "upgrade", "revamp"),
    ("ticket", "fare", "journey", "ride", "trip"),
    ("money", "fund", "funding", "budget", "yuan", "dollar"),
)
