"""Every number of the seed article and of the second article, read as a fact."""

from __future__ import annotations

import json
from functools import cache

import pytest

from qa.facts import Fact
from qa.ingest import clean, load_corpus
from qa.types import Article
from tests.support import SECOND_DIR, SEED_DIR, read_facts

SEED = "china-gene-medicine-valley-wenzhou"
HARBOR = "harbor-solar-farm"


@cache
def article(folder: str, article_id: str) -> Article:
    return next(a for a in load_corpus(folder) if a.id == article_id)


@cache
def facts_of(folder: str, article_id: str) -> tuple[Fact, ...]:
    return tuple(read_facts(article(folder, article_id)))


def seed_facts() -> tuple[Fact, ...]:
    return facts_of(str(SEED_DIR), SEED)


def harbor_facts() -> tuple[Fact, ...]:
    return facts_of(str(SECOND_DIR), HARBOR)


def by_surface(facts: tuple[Fact, ...], surface: str, nth: int = 0) -> Fact:
    found = [f for f in facts if f.surface == surface]
    assert found, f"no fact reads {surface!r}: {[f.surface for f in facts]}"
    return found[nth]


# surface, value, unit, kind, measure, owner, time, time_kind, sentence index
# "The valley" and "the farm" are the valley and the farm the articles named first.
VALLEY = "China Gene Medicine Valley"
FARM = "Baisha Harbor Floating Solar Farm"
SEED_TABLE = [
    (
        "100 billion yuan",
        1e11,
        "yuan",
        "money",
        "target value",
        "the city's health industry",
        "2025",
        "target",
        1,
    ),
    (
        "$15.78 billion",
        1.578e10,
        "US dollars",
        "money",
        "target value",
        "the city's health industry",
        "2025",
        "target",
        1,
    ),
    (
        "2025",
        2025,
        None,
        "date",
        "raise the value of its health industry",
        "the city",
        "2025",
        "target",
        1,
    ),
    ("2019", 2019, None, "date", "established", VALLEY, "2019", "year", 2),
    ("5 square kilometers", 5, "square kilometers", "area", "area", VALLEY, None, None, 2),
    ("15 billion yuan", 1.5e10, "yuan", "money", "investment", VALLEY, None, None, 2),
    (
        "June 2020",
        2020,
        None,
        "date",
        "attracted to the valley",
        "Uren Biotech",
        "2020-06",
        "month",
        5,
    ),
    (
        "last year",
        2021,
        None,
        "date",
        "authorized by the China National Intellectual Property Administration",
        "Uren Biotech's CAR-T technology",
        "2021",
        "resolved-relative",
        7,
    ),
    (
        "1.2 million yuan",
        1.2e6,
        "yuan",
        "money",
        "price per injection",
        None,
        "2022-03-08",
        "current",
        8,
    ),
    (
        "$189,000",
        189000,
        "US dollars",
        "money",
        "price per injection",
        None,
        "2022-03-08",
        "current",
        8,
    ),
    ("6,053", 6053, "professionals", "count", "count", VALLEY, "2022-03-08", "current", 10),
    ("two", 2, "academicians", "count", "count", VALLEY, "2022-03-08", "current", 10),
    ("69", 69, "talents", "count", "count", VALLEY, "2022-03-08", "current", 10),
    ("187", 187, "graduates", "count", "count", VALLEY, "2022-03-08", "current", 10),
    ("589", 589, "graduates", "count", "count", VALLEY, "2022-03-08", "current", 10),
    ("125", 125, "enterprises", "count", "count", VALLEY, "2021", "year", 11),
    (
        "10.23 billion yuan",
        1.023e10,
        "yuan",
        "money",
        "operating revenue",
        "the biopharmaceutical enterprises in the valley",
        "2021",
        "year",
        11,
    ),
    (
        "548 million yuan",
        5.48e8,
        "yuan",
        "money",
        "tax revenue",
        "the biopharmaceutical enterprises in the valley",
        "2021",
        "year",
        11,
    ),
    (
        "2021",
        2021,
        None,
        "date",
        "generated operating and tax revenues",
        "the biopharmaceutical enterprises in the valley",
        "2021",
        "year",
        11,
    ),
    (
        "34.7 percent",
        34.7,
        "percent",
        "percent",
        "operating revenue growth",
        "the biopharmaceutical enterprises in the valley",
        "2021",
        "year",
        11,
    ),
    (
        "31.4 percent",
        31.4,
        "percent",
        "percent",
        "tax revenue growth",
        "the biopharmaceutical enterprises in the valley",
        "2021",
        "year",
        11,
    ),
]

HARBOR_TABLE = [
    (
        "Tuesday",
        2023,
        None,
        "date",
        "connected to the power grid",
        "a floating solar farm",
        "2023-09-12",
        "resolved-relative",
        0,
    ),
    ("1.8 square kilometers", 1.8, "square kilometers", "area", "area", FARM, None, None, 1),
    ("2.4 billion yuan", 2.4e9, "yuan", "money", "cost", FARM, None, None, 1),
    ("$330 million", 3.3e8, "US dollars", "money", "cost", FARM, None, None, 1),
    ("April 2021", 2021, None, "date", "started", "Construction", "2021-04", "month", 2),
    ("420,000", 420000, "panels", "count", "count", FARM, None, None, 3),
    ("600 megawatts", 600, "megawatts", "power", "installed capacity", FARM, None, None, 3),
    (
        "720 million kilowatt-hours",
        7.2e8,
        "kilowatt-hours",
        "energy",
        "annual generation",
        FARM,
        None,
        "expected",
        4,
    ),
    ("300,000", 300000, "households", "count", "count", FARM, None, "expected", 4),
    ("1.5 billion yuan", 1.5e9, "yuan", "money", "cost", "the project", None, None, 5),
    ("600 million yuan", 6e8, "yuan", "money", "cost", "the project", None, None, 5),
    (
        "the first half of 2023",
        2023,
        None,
        "date",
        "reached",
        "Fuzhou and Xiamen",
        "2023-H1",
        "half-year",
        6,
    ),
    (
        "5.6 billion kWh",
        5.6e9,
        "kilowatt-hours",
        "energy",
        "renewable power generation",
        "Fuzhou",
        "2023-H1",
        "half-year",
        6,
    ),
    (
        "3.2 billion kWh",
        3.2e9,
        "kilowatt-hours",
        "energy",
        "renewable power generation",
        "Xiamen",
        "2023-H1",
        "half-year",
        6,
    ),
    (
        "18.5 percent",
        18.5,
        "percent",
        "percent",
        "renewable power generation growth",
        "Fuzhou",
        "2023-H1",
        "half-year",
        6,
    ),
    (
        "12.2 percent",
        12.2,
        "percent",
        "percent",
        "renewable power generation growth",
        "Xiamen",
        "2023-H1",
        "half-year",
        6,
    ),
    ("350", 350, "jobs", "count", "count", FARM, None, "expected", 9),
    (
        "400 megawatts",
        400,
        "megawatts",
        "power",
        "target capacity",
        "a second phase",
        "2026",
        "target",
        10,
    ),
    ("2026", 2026, None, "date", "build a second phase", "the company", "2026", "target", 10),
    (
        "1.6 billion yuan",
        1.6e9,
        "yuan",
        "money",
        "target investment",
        "the company",
        "2026",
        "target",
        10,
    ),
    (
        "$220 million",
        2.2e8,
        "US dollars",
        "money",
        "target investment",
        "the company",
        "2026",
        "target",
        10,
    ),
]


def _check(facts: tuple[Fact, ...], article_id: str, row: tuple) -> None:
    surface, value, unit, kind, measure, owner, time, time_kind, sentence = row
    nth = 1 if (article_id, surface) == (HARBOR, "2.4 billion yuan") and sentence == 5 else 0
    f = by_surface(facts, surface, nth)
    assert f.value == pytest.approx(value)
    assert (f.unit, f.kind, f.measure, f.owner) == (unit, kind, measure, owner)
    assert (f.time, f.time_kind) == (time, time_kind)
    assert f.sentence == f"{article_id}:s{sentence}"


@pytest.mark.parametrize("row", SEED_TABLE, ids=[r[0] for r in SEED_TABLE])
def test_every_number_of_the_seed_article(row: tuple) -> None:
    _check(seed_facts(), SEED, row)


@pytest.mark.parametrize("row", HARBOR_TABLE, ids=[r[0] for r in HARBOR_TABLE])
def test_every_number_of_the_second_article(row: tuple) -> None:
    _check(harbor_facts(), HARBOR, row)


def test_no_number_is_missed_or_invented() -> None:
    assert sorted(f.surface for f in seed_facts()) == sorted(r[0] for r in SEED_TABLE)
    harbor = sorted(f.surface for f in harbor_facts())
    # The second article repeats "2.4 billion yuan" and says "five years".
    assert harbor == sorted([*(r[0] for r in HARBOR_TABLE), "2.4 billion yuan", "five years"])


@pytest.mark.parametrize("facts", [seed_facts, harbor_facts])
def test_offsets_point_into_the_article_text(facts) -> None:  # type: ignore[no-untyped-def]
    for f in facts():
        folder = SEED_DIR if f.article == SEED else SECOND_DIR
        assert article(str(folder), f.article).text[f.start : f.end] == f.surface
        assert f.id.startswith(f"{f.article}:f")
    ids = [f.id for f in facts()]
    assert len(ids) == len(set(ids))


def test_respectively_pairs_and_their_changes() -> None:
    facts = seed_facts()
    operating = by_surface(facts, "10.23 billion yuan")
    tax = by_surface(facts, "548 million yuan")
    assert operating.change is not None and tax.change is not None
    assert (operating.change.value, operating.change.direction, operating.change.basis) == (
        34.7,
        "up",
        "year-on-year",
    )
    assert tax.change.value == 31.4
    assert by_surface(facts, "34.7 percent").change_of == operating.id
    assert by_surface(facts, "31.4 percent").change_of == tax.id
    assert operating.change.fact == by_surface(facts, "34.7 percent").id


def test_lists_have_parts_that_belong_to_the_whole() -> None:
    facts = seed_facts()
    whole = by_surface(facts, "6,053")
    parts = [f for f in facts if f.part_of == whole.id]
    assert [(p.surface, p.qualifier, p.unit) for p in parts] == [
        ("two", None, "academicians"),
        ("69", "national or provincial leading", "talents"),
        ("187", "doctoral", "graduates"),
        ("589", "master's", "graduates"),
    ]
    harbor = harbor_facts()
    cost = by_surface(harbor, "2.4 billion yuan", 1)
    loans = by_surface(harbor, "1.5 billion yuan")
    assert loans.part_of == cost.id and loans.qualifier == "from bank loans"
    assert by_surface(harbor, "600 million yuan").qualifier == "from the provincial government"


def test_parenthetical_equivalents() -> None:
    facts = seed_facts()
    assert (
        by_surface(facts, "$15.78 billion").equivalent_of
        == by_surface(facts, "100 billion yuan").id
    )
    assert by_surface(facts, "$189,000").equivalent_of == by_surface(facts, "1.2 million yuan").id
    assert (
        by_surface(harbor_facts(), "$330 million").equivalent_of
        == by_surface(harbor_facts(), "2.4 billion yuan").id
    )


def test_facts_print_as_json() -> None:
    d = by_surface(seed_facts(), "10.23 billion yuan").to_dict()
    assert json.loads(json.dumps(d))["change"]["basis"] == "year-on-year"
    assert d["value"] == 10230000000
    assert set(d) >= {
        "id",
        "value",
        "unit",
        "measure",
        "owner",
        "time",
        "time_kind",
        "change",
        "part_of",
        "equivalent_of",
        "sentence",
        "start",
        "end",
        "surface",
    }


def test_a_new_article_gets_its_facts_the_same_way() -> None:
    raw = (
        "Northgate Wind Park\n\nREUTERS|Updated: May 2, 2024\n\n"
        "The Northgate wind park, which opened in 2018, covers 12 square kilometers and cost "
        "900 million euros ($970 million).\n\n"
        "The park employs 240 people, including 35 engineers and 12 technicians.\n\n"
        "Its output reached 410 million kilowatt-hours last year, down 4.5 percent "
        "year-on-year.\n"
    )
    a = clean(raw, "northgate")
    got = {f.surface: f for f in read_facts(a)}
    assert got["2018"].measure == "opened" and got["2018"].owner == "Northgate Wind Park"
    assert (got["12 square kilometers"].measure, got["12 square kilometers"].unit) == (
        "area",
        "square kilometers",
    )
    assert got["900 million euros"].measure == "cost"
    assert got["$970 million"].equivalent_of == got["900 million euros"].id
    # "The park" is the park named before ("The Northgate wind park", as the text writes it).
    assert got["240"].unit == "people" and got["240"].owner.lower() == "northgate wind park"
    assert got["35"].part_of == got["240"].id and got["12"].unit == "technicians"
    output = got["410 million kilowatt-hours"]
    assert output.measure == "output" and (output.time, output.time_kind) == (
        "2023",
        "resolved-relative",
    )
    assert output.change is not None and output.change.direction == "down"


def test_the_facts_command_prints_them() -> None:
    from click.testing import CliRunner

    from qa.cli.facts import facts

    result = CliRunner().invoke(facts, ["--json", "--corpus", str(SEED_DIR)])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert [f["surface"] for f in printed] == [f.surface for f in seed_facts()]
    result = CliRunner().invoke(facts, ["--corpus", str(SECOND_DIR)])
    assert result.exit_code == 0
    assert "'600 megawatts'  = 600 megawatts" in result.output
    assert "measure: installed capacity" in result.output


# --- constructions of news and encyclopedia text -----------------------------------------


def facts_in(body: str, title: str = "Local news", date: str = "May 1, 2024") -> dict[str, Fact]:
    """The facts of a small article, by surface."""
    a = clean(f"{title}\n\nNEWS|Updated: {date}\n\n{body}\n", "t")
    return {f.surface: f for f in read_facts(a)}


def test_ages_of_people() -> None:
    said = facts_in('"We built this for the fans," said head coach Tom Price, 47.')["47"]
    assert (said.kind, said.unit, said.measure) == ("age", "years", "age")
    assert said.owner == "head coach Tom Price" and said.time_kind == "current"
    retired = facts_in("The judge retired in 1990 at the age of 61.")["61"]
    assert (retired.kind, retired.owner, retired.verb, retired.time) == (
        "age",
        "the judge",
        "retired",
        "1990",
    )


def test_earlier_values_take_what_the_later_one_measures() -> None:
    got = facts_in("The library now lends 2,400 books a week, compared with 1,600 before the move.")
    now, before = got["2,400"], got["1,600"]
    assert before.earlier_of == now.id and now.earlier_of is None
    assert (before.unit, before.rate, before.owner) == ("books", "a week", "the library")
    assert now.time_kind == "current" and before.time_kind == "earlier"
    got = facts_in(
        "Sales reached 40 million euros in 2023, up from 32 million euros a year earlier."
    )
    assert got["32 million euros"].earlier_of == got["40 million euros"].id
    # "a year earlier" is the year before the sentence's own year, not the article's.
    assert (got["40 million euros"].time, got["32 million euros"].time) == ("2023", "2022")
    assert got["40 million euros"].measure == "sales"
    got = facts_in("The mill sold 9,000 tonnes of flour last year, up from 7,500 a year earlier.")
    assert (got["9,000 tonnes"].time, got["7,500"].time) == ("2023", "2022")  # dated May 2024


def test_from_one_count_to_another_the_first_is_the_earlier() -> None:
    # "from 120 to 310 people": the parser hangs "120 to" from the number before the noun
    # it counts; the first end is still the earlier value, and counts what the second does.
    got = facts_in("The cooperative's staff has grown from 120 to 310 people.")
    before, now = got["120"], got["310"]
    assert before.earlier_of == now.id and now.earlier_of is None
    assert before.time_kind == "earlier" and now.time_kind != "earlier"
    assert (before.kind, before.unit) == ("count", "people")
    got = facts_in("The depot expects deliveries to rise from about 40 to 65 vans a day.")
    assert got["40"].earlier_of == got["65"].id and got["65"].earlier_of is None


def test_a_size_before_a_noun_is_the_nouns() -> None:
    crossing = facts_in("The 27-kilometre crossing takes about an hour.")["27-kilometre"]
    assert (crossing.measure, crossing.owner) == ("length", "the crossing")
    shed = facts_in("The town sits beside a 9,000-square-metre shed.")["9,000-square-metre"]
    assert (shed.measure, shed.owner) == ("area", "a shed")  # not the town's area


def test_both_ends_of_a_range_are_in_its_unit() -> None:
    # "between 30 and 85 euros": the parser makes "euros" the noun 30 counts.
    low = facts_in("Tickets cost between 30 and 85 euros each.")["30"]
    assert (low.kind, low.unit) == ("money", "euros")
    low = facts_in("Adult otters weigh between 5 and 9 kilograms.")["5"]
    assert (low.kind, low.unit) == ("mass", "kilograms")


def test_pounds_after_a_word_of_money_with_a_decimal_between_are_money() -> None:
    fare = facts_in("The bus fare rose from 1.80 pounds to 1.95 pounds.")["1.95 pounds"]
    assert fare.kind == "money"
    price = facts_in("The average price rose by 3.5 percent to 212,000 pounds.")["212,000 pounds"]
    assert price.kind == "money"


def test_a_lone_number_the_recogniser_takes_for_a_name_is_still_a_number() -> None:
    # The recogniser labels "210" a product here; a name has words ("Pier 4").
    jobs = facts_in("The council says the rebuild will create a further 210 jobs.")["210"]
    assert (jobs.kind, jobs.unit) == ("count", "jobs")
    assert "4" not in facts_in("The ferry leaves from Pier 4 at noon.")


def test_a_currencys_hundredth_is_money() -> None:
    dividend = facts_in("The board will pay a dividend of 14 cents a share.")["14 cents"]
    assert (dividend.kind, dividend.unit) == ("money", "cents")
    shares = facts_in("Its shares fell 2 percent to 418 pence.")["418 pence"]
    assert shares.kind == "money"


def test_a_later_value_has_its_own_date_and_the_measure_of_the_first() -> None:
    got = facts_in("Ridership should reach 50,000 a day in 2026, rising to 75,000 by 2030.")
    first, later = got["50,000"], got["75,000"]
    assert (first.measure, first.rate, first.time) == ("ridership", "a day", "2026")
    assert (later.measure, later.rate, later.time, later.time_kind) == (
        "target ridership",
        "a day",
        "2030",
        "target",
    )


def test_a_part_of_a_span_is_no_duration() -> None:
    got = facts_in("In its first month the shop served 9,000 customers.")
    assert list(got) == ["9,000"] and got["9,000"].period == "first month"


def test_parts_of_any_unit() -> None:
    got = facts_in("The festival drew 30,000 visitors, including 4,000 from abroad.")
    part = got["4,000"]
    assert part.part_of == got["30,000"].id
    assert (part.unit, part.qualifier) == ("visitors", "from abroad")
    got = facts_in("The plan costs 90 million euros, of which 50 million euros goes to roads.")
    assert got["50 million euros"].part_of == got["90 million euros"].id
    assert got["50 million euros"].qualifier == "to roads"
    got = facts_in(
        "The bridge cost 300 million dollars, with the state paying 70 percent and the city "
        "covering the rest."
    )
    share = got["70 percent"]
    assert share.part_of == got["300 million dollars"].id
    assert (share.measure, share.qualifier) == ("share of cost", "the state")


def test_a_percentage_more_than_a_named_amount_is_a_change() -> None:
    got = facts_in("The tunnel cost 5 billion yuan, 25 percent more than the original estimate.")
    change = got["25 percent"]
    assert change.measure == "increase over original estimate"
    assert change.change_of == got["5 billion yuan"].id
    cost = got["5 billion yuan"].change
    assert cost is not None and (cost.value, cost.direction) == (25, "up")
    got = facts_in(
        "Exports made up 40 percent of sales. Revenue rose 6 percent to 2.2 billion euros."
    )
    assert got["40 percent"].measure == "share of sales" and got["40 percent"].change is None
    assert got["2.2 billion euros"].measure == "revenue"
    assert got["6 percent"].change_of == got["2.2 billion euros"].id


def test_names_rates_speeds_dimensions_and_substances() -> None:
    got = facts_in("Terminal 2 handles 18 million passengers a year.")
    assert list(got) == ["18 million"]
    assert (got["18 million"].owner, got["18 million"].rate) == ("Terminal 2", "a year")
    speed = facts_in("The train can reach 320 kilometres an hour.")["320 kilometres an hour"]
    assert (speed.kind, speed.unit) == ("speed", "kilometers per hour")
    got = facts_in("The canal is 80 kilometres long and 30 metres wide.")
    assert (got["80 kilometres"].measure, got["30 metres"].measure) == ("length", "width")
    grain = facts_in("The ship carried 4,500 tonnes of grain.")["4,500 tonnes"]
    assert grain.qualifier == "grain"
    assert facts_in("There are 12 bridges in the city.")["12"].owner == "the city"


def test_clauses_keep_their_own_subjects_and_dates() -> None:
    got = facts_in("The port handled 2 million containers in 2021, and it employs 3,000 dockers.")
    assert got["2 million"].time == "2021"
    assert got["3,000"].time is None and got["3,000"].measure == "employees"
    got = facts_in(
        "The line cost $3 billion to build, 20 percent more than the budget of $2.5 billion "
        "approved in 2019."
    )
    assert got["$2.5 billion"].time == "2019" and got["$3 billion"].time is None


def test_an_encyclopedia_life() -> None:
    got = facts_in(
        "Ida Berg (4 June 1880 - 9 May 1950) was a Danish painter. She had three daughters.",
        title="Ida Berg",
    )
    assert (got["4 June 1880"].measure, got["9 May 1950"].measure) == ("born", "died")
    assert (got["three"].owner, got["three"].verb) == ("Ida Berg", "had")


def test_a_day_without_a_year_is_read_against_the_article_date() -> None:
    got = facts_in("The museum reopened on April 20 after two years of work.")
    assert got["April 20"].time == "2024-04-20" and got["April 20"].measure == "reopened"
