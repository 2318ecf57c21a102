"""Words that place a figure in time without a date."""

# The figure is as of the article's date ('currently', 'now').
CURRENT: frozenset[str] = frozenset("currently now today current".split())

CURRENT_PHRASES: tuple[str, ...] = (
    "at present",
    "so far",
    "to date",
)

# The figure is a plan or forecast ('will', 'expects', 'aims').
EXPECTED: frozenset[str] = frozenset(
    "will expect expected plan planned aim target forecast project projected would goal due".split()
)

# What an amount is given per ('a year', 'daily'), by the word after 'a', 'per' or 'each', or by
# adverb.
RATES: dict[str, str] = {
    "year": "a year",
    "month": "a month",
    "week": "a week",
    "day": "a day",
    "hour": "a hour",
    "annually": "a year",
    "yearly": "a year",
    "daily": "a day",
    "weekly": "a week",
    "monthly": "a month",
}

# Nouns of a span of time that an ordinal adjective makes a stated part of ('in its first two
# weeks'), and those adjectives by what they mean.
PERIODS: frozenset[str] = frozenset("day week weekend month year hour season quarter".split())

PERIOD_ORDINALS: dict[str, str] = {
    "first": "first",
    "opening": "first",
    "initial": "first",
    "maiden": "first",
    "last": "last",
    "final": "last",
}

# Spans 'this' names ('this season').
THIS_PERIODS: frozenset[str] = frozenset("season week weekend".split())

# Words that join the two ends of a period ('1431-1460', 'from 1402 to 1431'); 'and' does
# after 'between' only.
PERIOD_JOINS: tuple[str, ...] = ("-", "–", "—", "to", "until", "till", "through")

# Seasons a figure may be given for ('14 crossings a day in summer and 8 in winter'). Not
# 'fall', which is more often a change.
SEASONS: frozenset[str] = frozenset("spring summer autumn winter".split())

# Adverbs kept in an event's words ('first played', 'last rebuilt').
EVENT_ADVERBS: frozenset[str] = frozenset(
    "first last originally initially officially finally formally".split()
)

# Words after which a bare four-digit number is a year ('in 2019', 'by 2025'); after a 'weak'
# one a number before a plural noun counts it ('with 1500 members'), unless the noun is one of
# 'year_nouns' ('against 2010 levels').
YEAR_CUES: frozenset[str] = frozenset(
    {
        "in",
        "by",
        "since",
        "from",
        "until",
        "till",
        "through",
        "to",
        "of",
        "before",
        "after",
        "between",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "year",
        "fiscal",
        "the",
        "as of",
        "during",
        "for",
        "around",
        "circa",
        "end of",
        "start of",
        "beginning of",
        "with",
        "against",
        "versus",
    }
)

WEAK_YEAR_CUES: frozenset[str] = frozenset("with against versus".split())

YEAR_NOUNS: frozenset[str] = frozenset(
    """
    levels figures prices values rates terms dollars results standards elections games
    olympics accounts earnings sales
    """.split()
)

# Words that open a clause with its own time ('before the fire began').
SUBORDINATORS: frozenset[str] = frozenset(
    """
    before after when until till since while as once because although though unless whereas
    whenever
    """.split()
)

# Phrases for the year before another ('a year earlier').
EARLIER_YEARS: tuple[str, ...] = (
    "a year earlier",
    "a year before",
    "the previous year",
    "the prior year",
    "the year before",
)

# Verbs that date the beginning of something's life, tenure or use ('opened in 1894',
# 'formed in 1979', 'seized it in 1810'), and of its end ('closed in 1962', 'split up in
# 1989', 'sold it in 1712'): the years between are how long it lasted. Base forms.
BEGIN_VERBS: frozenset[str] = frozenset(
    """
    open found form establish create start begin launch build complete inaugurate introduce
    born marry join enter appoint elect acquire buy purchase seize capture occupy conquer
    annex inherit settle colonise colonize take debut premiere commission
    """.split()
)
# Verbs of coming into being: the time since "formed about 12,000 years ago" is an age.
ORIGIN_VERBS: frozenset[str] = frozenset(
    "form found establish create build construct bear born".split()
)

END_VERBS: frozenset[str] = frozenset(
    """
    close end split disband dissolve abolish demolish destroy sell leave retire resign die
    cease shut stop finish abandon withdraw lose cede decommission discontinue expire
    dismantle scrap divorce break
    """.split()
)
