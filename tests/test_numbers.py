"""Numbers, units and dates read from real sentences of the seed and the second article."""

from __future__ import annotations

import pytest

from qa.numbers import (
    asked_unit,
    conversion_factor,
    find_dates,
    find_quantities,
    format_amount,
    format_number,
    is_year,
    parse_number,
)

SEED_S1 = (
    "The city is currently aiming to raise the value of its health industry to 100 billion "
    "yuan ($15.78 billion) by 2025."
)
SEED_S11 = (
    "The 125 biopharmaceutical enterprises in the valley generated operating and tax revenues "
    "of 10.23 billion yuan and 548 million yuan in 2021, up 34.7 percent and 31.4 percent "
    "year-on-year respectively."
)
HARBOR_S6 = (
    "In the first half of 2023, renewable power generation in Fuzhou and Xiamen reached 5.6 "
    "billion kWh and 3.2 billion kWh, up 18.5 percent and 12.2 percent year-on-year "
    "respectively."
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6,053", 6053),
        ("10.23 billion", 1.023e10),
        ("548 million", 5.48e8),
        ("two", 2),
        ("a dozen", 12),
        ("twenty-five", 25),
        ("one hundred and five", 105),
        ("420,000", 420000),
        ("half a million", 500000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_parse_number_rejects_words() -> None:
    assert parse_number("valley") is None


def test_money_and_parenthetical_equivalent_are_positive_amounts() -> None:
    found = find_quantities(SEED_S1, [(d.start, d.end) for d in find_dates(SEED_S1)])
    assert [(q.value, q.unit, q.kind, q.surface) for q in found] == [
        (1e11, "yuan", "money", "100 billion yuan"),
        (1.578e10, "US dollars", "money", "$15.78 billion"),
    ]


def test_percent_is_not_a_percentage_year() -> None:
    found = find_quantities(SEED_S11, [(d.start, d.end) for d in find_dates(SEED_S11)])
    percents = [q for q in found if q.kind == "percent"]
    assert [(q.value, q.unit, q.surface) for q in percents] == [
        (34.7, "percent", "34.7 percent"),
        (31.4, "percent", "31.4 percent"),
    ]
    assert [q.value for q in found if q.kind == "number"] == [125]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("spans 5 square kilometers", 5, "square kilometers", "area"),
        ("covers 1.8 square kilometers of the harbor", 1.8, "square kilometers", "area"),
        ("a plot of 3.2 km2", 3.2, "square kilometers", "area"),
        ("capacity of 600 megawatts", 600, "megawatts", "power"),
        ("720 million kilowatt-hours of electricity", 7.2e8, "kilowatt-hours", "energy"),
        ("reached 5.6 billion kWh", 5.6e9, "kilowatt-hours", "energy"),
        ("cost US$45 million", 4.5e7, "US dollars", "money"),
        ("a deal worth €3bn", 3e9, "euros", "money"),
        ("1.2 million yuan ($189,000) per injection", 1.2e6, "yuan", "money"),
        ("up 12% on the year", 12, "percent", "percent"),
        ("ships with a 256 GB drive", 256, "gigabytes", "data"),
        ("a 512GB memory card", 512, "gigabytes", "data"),
        ("archives 1.5 terabytes of scans", 1.5, "terabytes", "data"),
        ("visible 22 nautical miles out", 22, "nautical miles", "length"),
        ("a 100-yard dash", 100, "yards", "length"),
        ("a 12-inch record", 12, "inches", "length"),
        ("a top speed of 30 knots", 30, "knots", "speed"),
    ],
)
def test_units(text: str, value: float, unit: str, kind: str) -> None:
    q = find_quantities(text)[0]
    assert (q.value, q.unit, q.kind) == (pytest.approx(value), unit, kind)
    assert text[q.start : q.end] == q.surface


@pytest.mark.parametrize(
    "text",
    [
        "She won in 2:21:08, ahead of the champion.",
        "The doors open at 8:30 a.m. on Sunday.",
        "It treats type 2 diabetes and phase 3 trials.",
    ],
)
def test_times_of_day_race_times_and_labels_are_not_amounts(text: str) -> None:
    assert find_quantities(text) == []


def test_numbers_inside_names_are_not_quantities() -> None:
    text = "COVID-19 slowed the G20 talks on 5G and CAR-T therapy; one of them failed."
    assert find_quantities(text) == []


def test_dates_and_years_in_their_company() -> None:
    text = "Uren Biotech, which was attracted to the valley in June 2020, grew; March 8, 2022."
    assert [(d.time, d.kind, d.surface) for d in find_dates(text)] == [
        ("2020-06", "month", "June 2020"),
        ("2022-03-08", "date", "March 8, 2022"),
    ]
    assert [d.time for d in find_dates("The valley, which was established in 2019, spans")] == [
        "2019"
    ]
    assert [(d.time, d.preposition) for d in find_dates(SEED_S1)] == [("2025", "by")]
    # A four-digit count is not a year.
    assert find_dates("It employs 2019 workers") == []


def test_relative_dates_resolve_against_the_article_date() -> None:
    text = "technology, which was authorized by the administration last year, to treat"
    (d,) = find_dates(text, "2022-03-08")
    assert (d.time, d.kind, d.surface) == ("2021", "resolved-relative", "last year")
    (d,) = find_dates("was connected to the power grid on Tuesday", "2023-09-14")
    assert d.time == "2023-09-12"
    assert find_dates(text) == []  # no article date: nothing to resolve against


def test_a_day_without_its_year_is_the_next_one_when_its_clause_looks_ahead() -> None:
    # News reports what happened, so a day after the article's date is last year's, unless
    # the clause says it is to come; a comma ends the clause that "will" speaks for.
    ahead = "Dock workers will stop work for two days from June 20, the union said on Monday."
    assert [d.time for d in find_dates(ahead, "2025-06-04")] == ["2025-06-20", "2025-06-02"]
    assert [d.time for d in find_dates("The pier reopened on June 20.", "2025-06-04")] == [
        "2024-06-20"
    ]
    assert find_dates("The ferry is due to return on January 8.", "2025-12-19")[0].time == (
        "2026-01-08"
    )
    assert find_dates("The board will meet on Thursday", "2025-06-04")[0].time == "2025-06-05"
    assert find_dates("The board will meet on Wednesday", "2025-06-04")[0].time == "2025-06-11"


def test_a_day_in_reported_speech_of_what_would_happen_is_to_come() -> None:
    said = "The union said the strike would last until Friday."
    assert find_dates(said, "2025-06-04")[0].time == "2025-06-06"
    done = "The union said it had walked out on Friday, and talks would resume."
    assert find_dates(done, "2025-06-04")[0].time == "2025-05-30"


def test_periods_of_a_year() -> None:
    (d,) = find_dates(HARBOR_S6)
    assert (d.time, d.kind, d.surface) == ("2023-H1", "half-year", "the first half of 2023")
    assert find_dates("in the third quarter of 2021")[0].time == "2021-Q3"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("How much is that in dollars?", "US dollars"),
        ("what's the target in US dollars", "US dollars"),
        ("worth in usd", "US dollars"),
        ("how big in km2", "square kilometers"),
        ("in square miles?", "square miles"),
        ("the revenue in yuan", "yuan"),
        ("How big is it?", None),
        ("How many people does it employ in France?", None),
        ("What was the profit in Norwegian crowns?", "crowns"),
    ],
)
def test_asked_unit(question: str, unit: str | None) -> None:
    assert asked_unit(question) == unit


def test_formatting_and_conversion() -> None:
    assert format_number(6053) == "6,053"
    assert format_amount(7.5946e9, "yuan") == "7.59 billion yuan"
    assert format_amount(2.367e9, "US dollars") == "$2.37 billion"
    assert format_amount(776, "graduates") == "776 graduates"
    assert conversion_factor("square kilometers", "hectares") == pytest.approx(100)
    assert conversion_factor("square kilometers", "yuan") is None
    assert conversion_factor("terabytes", "gigabytes") == pytest.approx(1000)


def test_a_number_with_a_unit_word_written_as_a_title_is_a_name() -> None:
    """ "the album 8 Days" is no duration, and "28 Weeks Later" none either; prose's "8 days"
    and an abbreviation's capitals ("5 MW") are units."""
    assert find_quantities("They released the album 8 Days in March.") == []
    assert find_quantities("the film 28 Weeks Later") == []
    assert [q.unit for q in find_quantities("The tour took 8 days.")] == ["days"]
    assert [q.unit for q in find_quantities("a 5 MW plant")] == ["megawatts"]


def test_loudness_and_fahrenheit_are_units() -> None:
    got = [(q.unit, q.kind) for q in find_quantities("It is capped at 85 dB; it was 104 °F.")]
    assert got == [("decibels", "sound"), ("degrees Fahrenheit", "temperature")]
    assert [q.unit for q in find_quantities("a 90 db level")] == [None]


def test_data_sizes_only_as_written() -> None:
    """ "5 GB" is a size, "5 gb" and a bare "MB" are not."""
    assert [q.unit for q in find_quantities("a 5 gb card")] == [None]
    assert find_quantities("the MB series") == []


def quantities(text: str) -> list[tuple[float, str | None, str]]:
    found = find_quantities(text, [(d.start, d.end) for d in find_dates(text)])
    return [(q.value, q.unit, q.kind) for q in found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("3.4 billion Norwegian crowns", [(3.4e9, "crowns", "money")]),
        ("2.1 million kronor", [(2.1e6, "crowns", "money")]),
        ("A season ticket costs 540 pounds", [(540, "pounds", "money")]),
        ("The bag weighs 40 pounds", [(40, "pounds (weight)", "mass")]),
        # a word of money anywhere before, none of weight: pounds sterling
        (
            "A return ticket for an adult will go up from 25 pounds to 27 pounds",
            [(25, "pounds", "money"), (27, "pounds", "money")],
        ),
        (
            "The fish, caught by a man who paid a fee, weighed 40 pounds",
            [(40, "pounds (weight)", "mass")],
        ),
        (
            "The ferry cost 2 million pounds and carries 500 pounds of mail",
            [(2e6, "pounds", "money"), (500, "pounds (weight)", "mass")],
        ),
        ("He won 300 pounds in the draw", [(300, "pounds", "money")]),
        ("The winning fish weighed 40 pounds", [(40, "pounds (weight)", "mass")]),
        # A number in a name, a score or a range of years is no quantity.
        ("Line 4 has 21 stations", [(21, None, "number")]),
        ("aboard an Apollo 11 capsule", []),
        ("a 3-1 win", []),
        ("settled around 800 AD", []),
        ("About 320 scientists", [(320, None, "number")]),
    ],
)
def test_quantities_in_news_and_encyclopedia_text(text: str, found: list) -> None:
    assert quantities(text) == found


def test_years_before_1800_in_the_company_of_a_year_word() -> None:
    assert [d.time for d in find_dates("granted a royal charter in 1479, which")] == ["1479"]
    assert [d.time for d in find_dates("compared with 2019 levels")] == ["2019"]
    assert find_dates("a club with 1500 members") == []
    assert find_dates("in 1200 homes") == []


def test_a_day_without_a_year_needs_the_article_date() -> None:
    assert [d.time for d in find_dates("reopened on May 3", "2025-05-05")] == ["2025-05-03"]
    # A day later in the year than the article is last year's.
    assert [d.time for d in find_dates("closed on 20 December", "2025-05-05")] == ["2024-12-20"]
    assert find_dates("reopened on May 3") == []
    assert find_dates("it may 3 times", "2025-05-05") == []


@pytest.mark.parametrize(
    ("word", "year"),
    [("1849", True), ("1066", True), ("2026", True), ("2150", True), ("999", False)]
    + [("2500", False), ("12,000", False), ("1849s", False), ("twenty", False)],
)
def test_one_reading_of_what_is_written_as_a_year(word: str, year: bool) -> None:
    assert is_year(word) is year


def test_a_day_soon_after_the_story_said_in_the_present_tense_is_this_years() -> None:
    """ "a final that starts on 16 May" in a story of 9 May is not last year's May 16."""
    starts = find_dates("The final, which starts on 16 May, is sold out.", "2025-05-09")
    assert [d.time for d in starts] == ["2025-05-16"]
    ended = find_dates("The strike ended on 16 May after two weeks.", "2025-05-09")
    assert [d.time for d in ended] == ["2024-05-16"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The repair, which takes about an hour, is free.", [("an hour", "hours", 1.0)]),
        ("The works lasted nearly a year.", [("a year", "years", 1.0)]),
        # "a" alone is no amount: a rate, a relative date, a whole with no unit
        ("The board meets twice a year.", []),
        ("A year earlier, sales fell.", []),
        ("It was built over a century ago.", []),
    ],
)
def test_one_of_a_time_unit_after_a_hedge_is_a_duration(
    text: str, found: list[tuple[str, str, float]]
) -> None:
    assert [(q.surface, q.unit, q.value) for q in find_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The ferry broke down twice in June.", [("twice", "times", 2.0)]),
        ("She won the title twice.", [("twice", "times", 2.0)]),
        # a multiple or a rate, not how many times
        ("The new pier is twice the length of the first.", []),
        ("The pier is twice as long as the first.", []),
        ("The ferry sails twice a day.", []),
    ],
)
def test_twice_counts_times_when_it_says_how_often_something_happened(
    text: str, found: list[tuple[str, str, float]]
) -> None:
    assert [(q.surface, q.unit, q.value) for q in find_quantities(text)] == found
