"""Nouns that name what a number measures."""

# A money or physical amount can stand for one ('an investment of 40 million euros', 'a capacity
# of 50 MW').
MEASURE_NOUNS: frozenset[str] = frozenset(
    """
    investment investments value revenue revenues income sales turnover profit profits
    earnings output capacity cost costs price prices budget area population gdp debt debts
    loss losses spending expenditure funding fund funds capital valuation worth tax taxes
    subsidy subsidies salary salaries wage wages fee fees fine fines loan loans deposit
    deposits exports imports trade volume production generation consumption demand supply
    height length width depth distance weight speed temperature rate share stake deal
    contract bonus reward prize donation donations aid grant grants dividend dividends
    elevation altitude diameter radius circumference thickness score rating attendance
    ridership bill bills fare fares rent rents deficit surplus payroll premium premiums toll
    tolls
    """.split()
)

# Nouns for a group of people or things a bare number counts ('a crowd of 12,000', 'a workforce
# of 900').
GROUP_NOUNS: frozenset[str] = frozenset(
    """
    crowd audience attendance turnout workforce staff population membership enrolment
    enrollment capacity fleet headcount readership ridership viewership
    """.split()
)

# Nouns that count many in the singular ('90 staff', '300 cattle').
COLLECTIVE_NOUNS: frozenset[str] = frozenset(
    """
    people staff personnel police cattle sheep fish deer aircraft offspring youth crew
    livestock poultry cavalry infantry militia clergy faculty salmon trout
    """.split()
)

# Nouns too general to say what a number is ('a total of 300', 'grew to a peak of 21,000':
# the measure is the clause's).
GENERAL_NOUNS: frozenset[str] = frozenset(
    "total sum number amount figure level record tally peak high low maximum minimum".split()
)

# What an amount measures when nothing in the sentence says, by its kind.
KIND_MEASURES: dict[str, str] = {
    "area": "area",
    "length": "length",
    "power": "capacity",
    "energy": "energy",
    "mass": "weight",
    "volume": "volume",
    "speed": "speed",
    "temperature": "temperature",
    "sound": "sound level",
    "data": "size",
    "duration": "duration",
    "count": "count",
}

# Nouns whose money amount measures something else ('shares rose to 95 crowns' is a share
# price).
MONEY_MEASURES: dict[str, str] = {
    "shares": "share price",
    "share": "share price",
    "stock": "share price",
    "stocks": "share price",
}

# Nouns only a sum of money (or a bare number, a share, a multiple of one) can measure: 'some
# 80 kilometres north of the provincial capital' says no capital.
MONEY_NOUNS: frozenset[str] = frozenset(
    """
    investment investments revenue revenues income turnover profit profits earnings cost
    costs price prices budget gdp debt debts spending expenditure funding capital valuation
    worth tax taxes subsidy subsidies salary salaries wage wages fee fees fine fines loan
    loans dividend dividends fare fares rent rents deficit surplus payroll premium premiums
    """.split()
)
