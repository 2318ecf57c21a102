"""Facts read from the parse, construction by construction, on short texts of our own.

Each test states one rule of the reader in general English terms: what a number measures
and whose it is from the dependency tree, what a bare number counts, parts of wholes,
"respectively", equivalents, changes, times, and what a pronoun or a definite description
refers to. None of these sentences comes from a test set's article.
"""

from __future__ import annotations

import pytest

from qa.facts import Fact
from qa.ingest import clean
from tests.support import read_facts


def facts_in(*paragraphs: str, title: str = "Local news") -> dict[str, Fact]:
    """The facts of a small dated article, by surface (the last one for a repeated one)."""
    body = "\n\n".join(paragraphs)
    a = clean(f"{title}\n\nNEWS|Updated: May 1, 2024\n\n{body}\n", "t")
    return {f.surface: f for f in read_facts(a)}


# --- what a number measures, from the tree ----------------------------------------------


def test_the_noun_an_amount_is_of_is_its_measure() -> None:
    got = facts_in("The museum received a grant of 2 million euros from the state.")
    assert (got["2 million euros"].measure, got["2 million euros"].owner) == ("grant", "the museum")
    got = facts_in("A crowd of 9,000 watched the final.")
    assert (got["9,000"].measure, got["9,000"].owner) == ("crowd", None)


def test_a_size_said_beside_a_noun_is_that_nouns() -> None:
    got = facts_in(
        "The cutting, about 9 kilometres long and up to 40 metres deep, was dug by hand."
    )
    assert (got["9 kilometres"].measure, got["9 kilometres"].owner) == ("length", "the cutting")
    assert (got["40 metres"].measure, got["40 metres"].owner) == ("depth", "the cutting")
    got = facts_in("The Orrin tunnel, 3 kilometres long, opened in 1990.")
    assert (got["3 kilometres"].measure, got["3 kilometres"].owner) == (
        "length",
        "the Orrin tunnel",
    )


def test_a_count_of_what_there_is_room_for_measures_the_room() -> None:
    got = facts_in("Each new school will have places for 420 pupils.")
    assert (got["420"].unit, got["420"].measure) == ("pupils", "places")
    assert facts_in("The new hall has seats for 800 people.")["800"].measure == "seats"
    assert facts_in("The ward has room for 40 patients.")["40"].measure == "room"
    got = facts_in("A grant for 300 students was approved.")  # a grant is no room
    assert got["300"].measure == "count"


def test_a_date_that_says_which_event_the_subject_is_times_the_figure() -> None:
    got = facts_in("A count made in 2019 by the trust put the herd at 640 deer.")
    assert got["640"].time == "2019"
    got = facts_in("The 2021 census counted 8,300 residents in the parish.")
    assert got["8,300"].time == "2021"
    # said in passing, between commas, it is the subject's own history
    got = facts_in("Harlow College, founded in 1883, has about 9,000 students.")
    assert got["9,000"].time != "1883"


def test_what_happened_within_a_dated_event_is_of_its_date() -> None:
    got = facts_in(
        "In March 1947 heavy snowmelt caused the worst flood on record, in which the river "
        "rose 4.2 metres and 23 people were killed."
    )
    assert got["23"].time == got["4.2 metres"].time == "1947-03"
    got = facts_in("A fire in 1689 destroyed the mill, during which 12 workers died.")
    assert got["12"].time == "1689"


def test_the_size_of_a_tall_thing_is_its_height() -> None:
    got = facts_in("The island's highest point is Mount Kell, a 1,240-metre peak above the bay.")
    assert (got["1,240-metre"].measure, got["1,240-metre"].owner) == ("height", "Mount Kell")
    got = facts_in("The town built a 95-metre tower in 1999 and a 2-kilometre road in 2004.")
    assert (got["95-metre"].measure, got["2-kilometre"].measure) == ("height", "length")


def test_a_peak_or_a_high_is_a_value_of_the_clause_measure() -> None:
    got = facts_in("The village's population grew from 4,200 in 1950 to a peak of 7,900 in 1980.")
    assert got["4,200"].measure == got["7,900"].measure == "population"
    assert (got["4,200"].time, got["7,900"].time) == ("1950", "1980")


def test_a_measure_noun_keeps_its_modifiers_and_possessor() -> None:
    got = facts_in(
        "The factory opened last spring, and its annual output of 40,000 tonnes is sold abroad."
    )
    output = got["40,000 tonnes"]
    assert output.measure == "annual output" and output.owner == "the factory"


def test_the_verb_says_what_its_object_measures() -> None:
    got = facts_in("The reserve covers 48 square kilometres and cost 9 million dollars.")
    assert got["48 square kilometres"].measure == "area"
    assert got["9 million dollars"].measure == "cost"
    assert {f.owner for f in got.values()} == {"the reserve"}
    got = facts_in("The bakery employs 35 people.")
    assert (got["35"].unit, got["35"].measure, got["35"].verb) == ("people", "employees", "employs")


def test_a_verb_of_money_measures_only_money() -> None:
    got = facts_in(
        "The Marra goose nests on lakes.",
        "It is a migrant, spending the winter on the coast of Marra, about 900 kilometres to "
        "the east.",
    )
    assert got["900 kilometres"].measure == "length"
    got = facts_in("The town spent 2 million euros on the harbour.")
    assert got["2 million euros"].measure == "spending"


def test_a_data_size_is_an_amount_of_data_not_a_count() -> None:
    got = facts_in("The archive's servers store 40 terabytes of scanned maps.")
    size = got["40 terabytes"]
    assert (size.kind, size.unit) == ("data", "terabytes")
    assert size.qualifier == "scanned maps"


def test_a_verb_measures_its_object_only() -> None:
    # "over the next ten years" is no count of what the verb creates
    got = facts_in("The mine will create 400 jobs over the next ten years.")
    assert got["400"].unit == "jobs" and got["ten years"].measure == "duration"


def test_a_name_that_modifies_a_measure_is_its_owner() -> None:
    got = facts_in("In January 2023 the Lumo market share reached 12.5 percent.")
    share = got["12.5 percent"]
    assert (share.measure, share.owner, share.time) == ("market share", "Lumo", "2023-01")
    got = facts_in("The unemployment rate rose to 5 percent.")
    assert (got["5 percent"].measure, got["5 percent"].owner) == ("unemployment rate", None)


def test_a_subject_that_names_a_measure() -> None:
    got = facts_in(
        "Harwick Dairy makes cheese.",
        "Sales rose 12 percent to 80 million euros, while operating costs fell to 60 "
        "million euros.",
    )
    assert got["80 million euros"].measure == "sales"
    assert got["60 million euros"].measure == "operating costs"
    # a bare measure ("Sales") is the last subject's
    assert got["80 million euros"].owner == "Harwick Dairy"


def test_dimensions_rates_and_prices_per_unit() -> None:
    got = facts_in("The tower is 300 metres tall.", "The ferry carries 900 passengers a day.")
    assert got["300 metres"].measure == "height"
    assert got["900"].rate == "a day"
    got = facts_in("Visitors spend 40 million euros annually.", "Tickets cost 12 euros per person.")
    assert (got["40 million euros"].rate, got["40 million euros"].measure) == (
        "a year",
        "annual spending",
    )
    assert got["12 euros"].measure == "cost per person"


def test_a_share_of_something() -> None:
    got = facts_in("Tourism made up 30 percent of the island's income.")
    assert got["30 percent"].measure == "share of island's income"
    assert got["30 percent"].change is None


# --- whose it is --------------------------------------------------------------------------


def test_each_coordinated_clause_has_its_own_subject() -> None:
    got = facts_in("The farm grows 300 tonnes of apples, and its shop sells 20,000 jars of jam.")
    assert got["300 tonnes"].owner == "the farm"
    assert got["20,000"].owner == "the farm's shop"


def test_a_relative_clause_belongs_to_its_antecedent() -> None:
    got = facts_in("The council bought a boat that carries 60 passengers.")
    assert got["60"].owner == "a boat"
    got = facts_in("The bridge, which opened in 1998, carries 30,000 cars a day.")
    assert (got["1998"].measure, got["1998"].owner) == ("opened", "the bridge")
    got = facts_in(
        "She was followed by her deputy Mara Lind, who became the port's first female "
        "director and who ran it until 1990."
    )
    assert got["1990"].owner == "her deputy Mara Lind"  # a second "who" is hers as well


def test_a_count_in_the_subject_is_counted_in_its_place() -> None:
    got = facts_in("The 40 shops in the arcade paid 2 million euros in rent.")
    assert (got["40"].unit, got["40"].owner) == ("shops", "the arcade")
    got = facts_in("There are 17 islands in the bay.")
    assert got["17"].owner == "the bay"


def test_an_amount_compared_with_is_no_ones() -> None:
    got = facts_in("The new model is cheaper than the current 30,000 euros.")
    assert got["30,000 euros"].owner is None


# --- counted nouns ------------------------------------------------------------------------


def test_a_bare_number_counts_the_noun_it_modifies() -> None:
    got = facts_in("The library holds 12,000 rare books and employs 14 staff.")
    assert (got["12,000"].unit, got["12,000"].qualifier) == ("books", "rare")
    assert got["14"].unit == "staff"  # a collective noun counts in the singular


def test_a_number_a_verb_changes_its_object_to_counts_the_object() -> None:
    got = facts_in("The airline will cut weekly flights to the island from nine to five.")
    assert (got["nine"].kind, got["nine"].unit) == ("count", "flights")
    assert (got["five"].kind, got["five"].unit) == ("count", "flights")
    got = facts_in("The school raised its fees from 900 to 1,200 euros.")
    assert got["1,200 euros"].kind == "money"


def test_a_number_counts_the_noun_its_compound_modifies() -> None:
    got = facts_in("The 48 bridge piers were cast on site.")
    assert (got["48"].unit, got["48"].qualifier) == ("piers", "bridge")


def test_a_number_that_is_the_subject_of_be_counts_what_they_are() -> None:
    got = facts_in("Of the people on the register, 2,310 were pensioners.")
    assert (got["2,310"].kind, got["2,310"].unit) == ("count", "pensioners")


def test_an_adjective_after_a_number_counts_the_people_it_describes() -> None:
    got = facts_in("The storm left 9,000 homeless.", "The crash left 12 dead and 30 injured.")
    assert (got["9,000"].unit, got["12"].unit, got["30"].unit) == ("homeless", "dead", "injured")


def test_coordinated_numbers_share_one_noun() -> None:
    got = facts_in("The school has 30 female and 25 male teachers.")
    assert (got["30"].unit, got["30"].qualifier) == ("teachers", "female")
    assert (got["25"].unit, got["25"].qualifier) == ("teachers", "male")
    got = facts_in("The firm employs 300 workers in Spain and 120 in Italy.")
    assert got["120"].unit == "workers"


def test_a_number_in_a_name_or_a_year_in_a_phrase_is_no_count() -> None:
    got = facts_in("Gate 7 handles 2 million passengers a year.")
    assert "7" not in got
    got = facts_in("Her Sonata No. 3 reached number one in 12 countries.")
    assert list(got) == ["12"]
    got = facts_in("She led the 2012 campaign with 300 volunteers.")
    assert got["2012"].kind == "date" and got["300"].unit == "volunteers"


# --- parts, respectively, equivalents ----------------------------------------------------


def test_parts_of_a_list_belong_to_the_whole() -> None:
    got = facts_in("The team has 25 players, including 10 from abroad.")
    part = got["10"]
    assert part.part_of == got["25"].id
    assert (part.unit, part.qualifier) == ("players", "from abroad")


def test_of_which_and_of_whom() -> None:
    got = facts_in("The town spent 3 million pounds, of which 1 million pounds went to repairs.")
    assert got["1 million pounds"].part_of == got["3 million pounds"].id
    assert got["1 million pounds"].qualifier == "to repairs"
    got = facts_in("They had five children, two of whom became doctors.")
    assert got["two"].part_of == got["five"].id and got["two"].unit == "children"


def test_a_part_that_is_a_subject_is_set_apart_by_its_verb() -> None:
    got = facts_in("The business park houses 140 firms, 22 of which employ more than 100 people.")
    part = got["22"]
    assert part.part_of == got["140"].id and part.unit == "firms"
    assert part.qualifier == "that employ more than 100 people"


def test_shares_of_a_whole_and_a_list_with_its_verb_left_out() -> None:
    got = facts_in(
        "Lumo reported revenue of 6.2 billion dollars, of which 30 percent came from phones, "
        "19 percent from laptops and 26 percent from music players."
    )
    whole = got["6.2 billion dollars"]
    shares = [got[s] for s in ("30 percent", "19 percent", "26 percent")]
    assert {f.part_of for f in shares} == {whole.id}
    assert {f.measure for f in shares} == {"share of revenue"}
    assert shares[2].qualifier == "from music players"


def test_where_money_came_from() -> None:
    got = facts_in(
        "The county contributed 20 million euros, and 5 million euros came from a charity."
    )
    assert got["20 million euros"].measure == "contribution"
    assert got["5 million euros"].qualifier == "from a charity"


def test_a_leading_of_phrase_names_the_whole() -> None:
    got = facts_in(
        "Of the scheme's 90 million euro budget, 50 million euros came from the state and "
        "40 million euros from private donors."
    )
    whole = got["90 million euro"]
    assert whole.measure == "budget" and whole.owner == "the scheme"
    assert got["50 million euros"].part_of == whole.id
    assert got["40 million euros"].qualifier == "from private donors"


def test_respectively_gives_each_amount_its_item() -> None:
    got = facts_in(
        "Exports and imports reached 5 billion dollars and 4 billion dollars respectively."
    )
    assert (got["5 billion dollars"].measure, got["4 billion dollars"].measure) == (
        "exports",
        "imports",
    )
    got = facts_in(
        "Rail traffic in Arnholt and Vesby grew to 8 million and 6 million trips, up 4 "
        "percent and 2 percent respectively."
    )
    assert (got["8 million"].owner, got["6 million"].owner) == ("Arnholt", "Vesby")
    assert got["2 percent"].change_of == got["6 million"].id


def test_a_bracketed_amount_restates_the_one_before() -> None:
    got = facts_in(
        "The stadium cost 200 million euros ($215 million), with the city paying 40 percent."
    )
    assert got["$215 million"].equivalent_of == got["200 million euros"].id
    share = got["40 percent"]
    assert share.part_of == got["200 million euros"].id
    assert (share.measure, share.qualifier) == ("share of cost", "the city")


# --- changes and other values of a figure ------------------------------------------------


def test_a_change_belongs_to_the_figure_of_its_own_clause() -> None:
    got = facts_in(
        "Profit fell 5 percent to 10 million euros in 2023, while the number of visitors "
        "grew by 8 percent."
    )
    profit = got["10 million euros"]
    assert profit.change is not None and profit.change.direction == "down"
    assert got["5 percent"].change_of == profit.id
    visitors = got["8 percent"]
    assert visitors.change_of is None and visitors.measure == "number of visitors growth"
    got = facts_in("The port handled 2 million containers, up 3 percent year-on-year.")
    change = got["2 million"].change
    assert change is not None and (change.value, change.basis) == (3, "year-on-year")


def test_cutting_by_a_percentage_and_more_than_a_named_amount() -> None:
    got = facts_in("The council cut its spending by 15 percent.")
    assert got["15 percent"].measure == "reduction in spending"
    got = facts_in("The hall cost 6 million euros, 30 percent more than the original estimate.")
    assert got["30 percent"].change_of == got["6 million euros"].id
    assert got["30 percent"].measure == "increase over original estimate"


def test_earlier_and_later_values() -> None:
    got = facts_in("The ferry now carries 900 passengers a day, compared with 600 in 2015.")
    now, then = got["900"], got["600"]
    assert then.earlier_of == now.id and (then.unit, then.time) == ("passengers", "2015")
    assert now.time_kind == "current"
    # The figure now told in another sentence: the one after "up from" is still the earlier.
    got = facts_in(
        "Selby Borough Council approved a budget of £31.2 million on Monday.",
        "The budget is up from £29.8 million.",
    )
    assert got["£31.2 million"].time_kind != "earlier"
    assert (got["£29.8 million"].measure, got["£29.8 million"].time_kind) == ("budget", "earlier")
    got = facts_in("The club has 800 members, rising to 1,000 by 2026.")
    assert (got["1,000"].unit, got["1,000"].time, got["1,000"].time_kind) == (
        "members",
        "2026",
        "target",
    )


# --- times --------------------------------------------------------------------------------


def test_a_figure_takes_the_date_of_its_own_verb() -> None:
    got = facts_in(
        "The museum, which reopened in 2021, drew 50,000 visitors in 2023 and expects 60,000 "
        "next year."
    )
    assert got["50,000"].time == "2023"
    assert got["2021"].measure == "reopened"
    got = facts_in("In 2019 the city approved a budget of 40 million euros.")
    assert (got["40 million euros"].measure, got["40 million euros"].time) == ("budget", "2019")


def test_an_opening_date_times_the_coordinated_verbs() -> None:
    got = facts_in("By 1938 the firm made 40 instruments and exported them to 27 countries.")
    assert (got["40"].time, got["27"].time) == ("1938", "1938")
    got = facts_in("In 2019 the club won 12 games, and it lost 4 in 2020.")
    assert (got["12"].time, got["4"].time) == ("2019", "2020")


def test_a_subject_count_takes_the_rate_and_period_of_its_verbs() -> None:
    got = facts_in(
        "About 14,000 passengers are expected to use the line each day in its first year."
    )
    assert (got["14,000"].rate, got["14,000"].period) == ("a day", "first year")


def test_a_date_of_a_subordinate_clause_is_its_own() -> None:
    got = facts_in(
        "The hall seats 2,000 people, against 1,200 before the fire destroyed it in 2010."
    )
    assert got["2,000"].time is None or got["2,000"].time_kind == "current"
    assert got["2010"].measure == "destroyed it"


def test_as_of_now() -> None:
    got = facts_in(
        "At present, the town has 20 schools.",
        "The current population of the county is 90,000.",
        "So far the fund has raised 2 million euros.",
    )
    assert {got[s].time_kind for s in ("20", "90,000", "2 million euros")} == {"current"}


def test_an_event_keeps_its_particle() -> None:
    assert facts_in("The trust was set up in 2011.")["2011"].measure == "set up"


def test_plans_and_targets() -> None:
    got = facts_in("The company plans to hire 200 engineers by 2027.", "It will open 3 offices.")
    assert (got["200"].time, got["200"].time_kind) == ("2027", "target")
    assert got["3"].time_kind == "expected"


def test_a_stated_part_of_a_span() -> None:
    got = facts_in("In its first three months, the shop sold 4,000 bicycles.")
    assert list(got) == ["4,000"] and got["4,000"].period == "first 3 months"


# --- what mentions refer to ----------------------------------------------------------------


def test_a_definite_description_refers_to_the_last_name_with_its_head_noun() -> None:
    got = facts_in(
        "Harwick Dairy opened a plant in Ostby in 2019.",
        "The dairy employs 80 people. The plant cost 12 million euros.",
    )
    assert got["80"].owner == "Harwick Dairy"
    assert got["12 million euros"].owner == "the plant"  # no name ends in "plant"
    got = facts_in("Lake Orm lies in the hills. The lake is 9 kilometres long.")
    assert got["9 kilometres"].owner == "Lake Orm"
    # A name that modifies a common noun names the thing that noun is.
    got = facts_in(
        "Work has started on the Kessock Sands solar farm near the coast.",
        "The farm will cover 300 hectares.",
    )
    assert got["300 hectares"].owner == "Kessock Sands solar farm"


def test_a_name_only_the_object_of_a_preposition_gives_way_to_one_put_first() -> None:
    got = facts_in(
        "Lake Orm is a lake in the Brenn Hills.",
        "It is the second-largest lake in the hills after Lake Vass.",
        "The lake is 9 kilometres long.",
    )
    assert got["9 kilometres"].owner == "Lake Orm"
    # With no name of its kind put first, the object of a preposition is the one meant.
    got = facts_in(
        "The ferry sails to Skellay Island twice a day.", "The island has 300 inhabitants."
    )
    assert got["300"].owner == "Skellay Island"


def test_a_demonstrative_with_no_name_of_its_noun_refers_to_the_last_subject() -> None:
    got = facts_in(
        "The Tarn Grand, launched in 2006, is the largest of the range.",
        "This kettle holds 2.2 litres of water.",
    )
    assert got["2.2 litres"].owner == "the Tarn Grand"
    # "the" alone says nothing of which: a plant no name answers to stays as written
    got = facts_in("Harwick Dairy opened in 2019.", "The plant cost 12 million euros.")
    assert got["12 million euros"].owner == "the plant"


def test_a_number_of_them_counts_what_the_count_before_it_counted() -> None:
    got = facts_in(
        "The painter Anna Berg was shortlisted for nine prizes in 2019.",
        "She won three of them.",
    )
    assert (got["three"].kind, got["three"].unit) == ("count", "prizes")
    # "she" is the person the sentence before named in apposition to its subject
    assert got["three"].owner == "Anna Berg"


def test_a_name_said_later_in_the_sentence_is_no_apposition_of_its_subject() -> None:
    got = facts_in("The firm runs two ferries on the loch, the Osprey and the Merlin.")
    assert got["two"].owner == "the firm"
    got = facts_in("The larger ship, the Kelpie, carries 300 passengers.")
    assert got["300"].owner == "the Kelpie"


def test_the_day_a_figure_was_told_does_not_date_it() -> None:
    got = facts_in(
        "Fares on the Skye ferry will rise by 6 percent in May, the operator said on Monday."
    )
    assert got["6 percent"].time != got["Monday"].time


def test_a_figure_is_for_the_season_its_phrase_names() -> None:
    got = facts_in("The ferry makes 12 crossings a day in summer and 6 in winter.")
    assert (got["12"].period, got["12"].rate) == ("summer", "a day")
    assert (got["6"].period, got["6"].rate, got["6"].unit) == ("winter", "a day", "crossings")
    got = facts_in("In winter the hut sleeps 20 walkers.")
    assert got["20"].period == "winter"


def test_whom_a_verb_gives_a_measure_owns_it() -> None:
    got = facts_in(
        "Each engine has an output of 400 kilowatts, giving the ship a total output of 1,600 "
        "kilowatts."
    )
    assert (got["1,600 kilowatts"].measure, got["1,600 kilowatts"].owner) == (
        "total output",
        "the ship",
    )


def test_a_name_answers_to_its_apposition_and_its_copula() -> None:
    got = facts_in(
        "Fenby Quay, the oldest harbour on the coast, reopened in May.",
        "The harbour handled 40,000 tonnes of fish in 2023.",
    )
    assert got["40,000 tonnes"].owner == "Fenby Quay"
    got = facts_in("Greyfield is a market town in the north. The town has 12,000 residents.")
    assert got["12,000"].owner == "Greyfield"


def test_a_name_in_apposition_answers_to_the_noun_and_its_synonyms() -> None:
    got = facts_in(
        "Its newest boat, the Marta Lind, entered service in June.",
        "The vessel carries 300 passengers.",
    )
    assert got["300"].owner == "Marta Lind"
    got = facts_in(
        "The first record, Blue Rooms (1990), sold poorly.",
        "The second record, Night Roads (1992), sold 400,000 copies.",
    )
    assert got["400,000"].owner != "Blue Rooms"  # "the second record" is not the first


def test_pronouns_refer_to_the_last_subject() -> None:
    got = facts_in(
        "Lindqvist Motors was founded in 1950.",
        "It sold 20,000 cars last year, and its profit reached 50 million crowns.",
    )
    assert got["20,000"].owner == "Lindqvist Motors"
    assert got["50 million crowns"].owner == "Lindqvist Motors"


def test_an_encyclopedia_life_is_its_title_persons() -> None:
    got = facts_in(
        "Mara Voss (1 March 1901 - 2 May 1970) was a Norwegian chemist.",
        "She published 40 papers and had two sons. She died in Bergen at the age of 69.",
        title="Mara Voss",
    )
    assert (got["1 March 1901"].measure, got["2 May 1970"].measure) == ("born", "died")
    assert {got[s].owner for s in ("40", "two", "69")} == {"Mara Voss"}
    assert got["69"].kind == "age"


def test_a_life_opens_with_a_title_and_a_birth_name() -> None:
    got = facts_in(
        "Elin Marsh, Baroness of Tolby (née Hart; 4 May 1822 - 19 June 1871) was an English "
        "astronomer.",
        title="Elin Marsh",
    )
    assert (got["4 May 1822"].measure, got["19 June 1871"].measure) == ("born", "died")


def test_dates_in_brackets_after_a_name_are_its_life() -> None:
    got = facts_in("After Odo Varn (1507-1582) made peace with the king in 1571, he moved to Rhee.")
    assert (got["1507"].measure, got["1582"].measure) == ("born", "died")
    assert {got[s].owner for s in ("1507", "1582", "1571")} == {"Odo Varn"}
    assert got["1571"].measure == "made peace with the king"
    got = facts_in("Later films include Blue Hour (1991), starring Ida Lund.")
    assert got["1991"].measure == "Blue Hour"


def test_a_name_with_a_determiner_is_no_person() -> None:
    got = facts_in(
        "Ivo Brandt designed the Tessel Concert Hall.",
        "The Tessel Concert Hall seats 1,800 people. He was paid 40,000 euros.",
    )
    assert got["40,000 euros"].owner == "Ivo Brandt"


def test_a_pronoun_of_the_other_gender_in_a_life_is_someone_else() -> None:
    got = facts_in(
        "Ruth Anker (3 June 1911 - 8 March 1990) was a Danish weaver.",
        "She studied in Paris. In 1936 she married the sculptor Olaf Brenn. She exhibited in "
        "Oslo in 1950, and she taught until 1975.",
        "Brenn built her a studio in Aarhus. He died in 1972.",
        title="Ruth Anker",
    )
    assert got["1972"].owner == "Brenn"
    assert got["1975"].owner == "Ruth Anker"


def test_a_number_before_of_and_a_plural_counts_some_of_them() -> None:
    got = facts_in("In 1820 a storm sank 14 of the harbour's 60 fishing boats.")
    assert (got["14"].kind, got["14"].unit, got["14"].qualifier) == ("count", "boats", "fishing")
    assert got["14"].part_of == got["60"].id
    # a score is no part of anything
    assert facts_in("The team won 5 of 10 points.")["5"].kind == "number"


def test_a_bare_number_after_a_count_counts_the_same_things() -> None:
    got = facts_in("Some 3,200 swimmers entered the race, and 3,050 completed the course.")
    assert (got["3,050"].kind, got["3,050"].unit) == ("count", "swimmers")


def test_an_earlier_value_is_compared_with_the_reported_figure_not_a_threshold() -> None:
    got = facts_in(
        "The clinic said 820 patients had waited more than 18 months for surgery, compared "
        "with 610 in 2022."
    )
    assert (got["610"].kind, got["610"].unit) == ("count", "patients")
    assert got["610"].earlier_of == got["820"].id


def test_an_earlier_value_named_by_a_general_noun() -> None:
    """ "compared with a peak of 1,900": the peak is only what the earlier value is called;
    its time is the one its own phrase gives."""
    got = facts_in(
        "In 2020 the village had 640 inhabitants, compared with a peak of 1,900 recorded in 1871."
    )
    then = got["1,900"]
    assert then.earlier_of == got["640"].id
    assert (then.kind, then.unit, then.time) == ("count", "inhabitants", "1871")
    got = facts_in("The club had 7,400 members, up from a total of 6,100 in 2019.")
    assert got["6,100"].earlier_of == got["7,400"].id
    assert (got["6,100"].unit, got["6,100"].time) == ("members", "2019")


def test_a_time_of_day_is_no_amount() -> None:
    got = facts_in("Trains between 11 p.m. and 5 a.m. rose to 64 a night, from 40 in 2022.")
    assert "11" not in got and "5" not in got
    assert got["40"].earlier_of == got["64"].id


def test_the_number_of_things_is_a_count_of_them() -> None:
    got = facts_in("The number of pupils at the school rose from 410 to 455 this year.")
    assert {(got[s].kind, got[s].unit) for s in ("410", "455")} == {("count", "pupils")}
    # the parser reads "from 410 to 455" as a range: its first end is the earlier value
    assert got["410"].earlier_of == got["455"].id and got["455"].earlier_of is None


def test_money_before_a_thing_is_its_cost_and_a_size_before_an_apposition_is_the_names() -> None:
    got = facts_in("The town opened a new library. The £12m library holds 90,000 books.")
    assert (got["£12m"].measure, got["£12m"].owner) == ("cost", "the library")
    got = facts_in("The £9m swimming pool opened in May.")
    assert (got["£9m"].measure, got["£9m"].owner) == ("cost", "the swimming pool")
    got = facts_in("The path joins the Morra Way, a 14-kilometre walking route along the coast.")
    assert (got["14-kilometre"].measure, got["14-kilometre"].owner) == ("length", "the Morra Way")


def test_a_part_paid_by_someone_says_who_paid_it() -> None:
    """ "of which the county paid 30 million euros": the part's own verb and subject."""
    got = facts_in(
        "The ring road cost 50 million euros, of which the county paid 30 million euros."
    )
    part = got["30 million euros"]
    assert part.part_of is not None and part.qualifier == "paid by the county"


def test_an_age_before_a_noun_is_that_nouns() -> None:
    got = facts_in("Two new ships will replace the 42-year-old MV Tern from 2027.")
    assert (got["42-year"].kind, got["42-year"].owner) == ("age", "the MV Tern")


def test_a_year_after_an_event_noun_dates_that_event() -> None:
    got = facts_in("Mara Voss directed the museum from 1905 until her retirement in 1931.")
    assert "retirement" in (got["1931"].measure or "")
    assert "retirement" not in (got["1905"].measure or "")


def test_a_gapped_clause_counts_the_noun_of_the_clause_before_it() -> None:
    """ "and the Blue Foxes nine": the verb and the noun are the first clause's."""
    got = facts_in("The Red Cats won 14 races and the Blue Foxes nine.")
    assert (got["nine"].unit, got["nine"].owner) == ("races", "the Blue Foxes")
    got = facts_in("Anna Berg scored 31 points, Lisa Holm 18 and Mia Dahl 12.")
    assert (got["18"].unit, got["18"].owner) == ("points", "Lisa Holm")
    assert (got["12"].unit, got["12"].owner) == ("points", "Mia Dahl")
    got = facts_in("Anna Berg scored 31 points for the Cats and forward Lisa Holm 18.")
    assert (got["18"].unit, got["18"].owner) == ("points", "forward Lisa Holm")


def test_a_number_naming_a_thing_after_an_amount_is_still_a_name() -> None:
    got = facts_in("The station has 9 platforms, and Platform 2 is closed for repairs.")
    assert "2" not in got
    got = facts_in("The ferry carried 200 passengers and docked at Pier 4 on Monday.")
    assert "4" not in got


def test_a_rate_before_a_noun_of_change_measures_what_changed() -> None:
    got = facts_in("Profit rose, helped by a 7 percent rise in orders from Japan.")
    assert got["7 percent"].measure == "orders growth"
    got = facts_in("A 4 percent drop in exports hit the port.")
    assert got["4 percent"].measure == "exports decline"


def test_its_is_never_a_plural_subjects() -> None:
    """ "It grew when mills were built; by 1900 its population ...": the town's, not the
    mills'."""
    got = facts_in(
        "Harlby is a town in the north.",
        "It grew quickly, when cotton mills were built along the river; by 1900 its "
        "population had reached 48,000.",
        title="Harlby",
    )
    assert got["48,000"].owner == "Harlby"


@pytest.mark.parametrize(
    ("sentence", "surface", "unit"),
    [
        ("The rebels numbered about 6,000.", "6,000", "rebels"),
        ("The defenders were 800 strong.", "800", "defenders"),
        ("The relief army, 4,000 strong, arrived in May.", "4,000", "army"),
        ("Of the townspeople, 3,000 fled before the siege began.", "3,000", "townspeople"),
    ],
)
def test_a_number_that_gives_a_groups_size_counts_the_group(
    sentence: str, surface: str, unit: str
) -> None:
    got = facts_in(sentence)[surface]
    assert (got.kind, got.unit) == ("count", unit)


def test_two_sides_set_against_each_other_are_not_then_and_now() -> None:
    got = facts_in("The army numbered about 9,000 men, against some 6,000 rebels.")
    assert got["6,000"].earlier_of is None and got["9,000"].earlier_of is None


def test_a_part_listed_after_an_amount_given_of_a_noun_is_that_amounts() -> None:
    got = facts_in(
        "The school has 1,200 pupils, of whom 90 board, and a staff of 140, including 85 teachers."
    )
    assert got["85"].part_of == got["140"].id


def test_a_bare_part_of_an_amount_is_in_the_amounts_unit() -> None:
    got = facts_in("The bridge cost 90 million euros, of which 20 million came from the state.")
    assert (got["20 million"].kind, got["20 million"].unit) == ("money", "euros")
    assert got["20 million"].part_of == got["90 million euros"].id


def test_a_count_said_with_a_possessor_is_the_possessors() -> None:
    got = facts_in("The Labour Party won the vote, taking 31 of the assembly's 60 seats.")
    assert got["60"].owner == "the assembly"
    assert got["31"].owner == "the Labour Party" and got["31"].part_of == got["60"].id


def test_what_a_part_did_is_not_what_its_whole_did() -> None:
    got = facts_in("Inspectors found that 9 of the county's 140 bridges needed repairs.")
    assert got["9"].verb == "needed" and got["140"].verb is None


def test_a_sum_whose_currency_is_left_out_has_the_currency_said_before_it() -> None:
    got = facts_in(
        "Tickets brought in 4.1 million dollars last season, while sponsors paid 2.3 million."
    )
    assert (got["2.3 million"].kind, got["2.3 million"].unit) == ("money", "US dollars")


def test_money_brought_in_is_revenue() -> None:
    got = facts_in("The festival brought in 800,000 euros last year.")
    assert got["800,000 euros"].measure == "revenue"


def test_a_figure_a_year_earlier_is_for_the_year_before() -> None:
    text = (
        "Mill results\n\nLEEDS, March 3, 2024 -- The mill said on Monday that its sales rose "
        "to 12.5 million pounds in 2023 from 10.1 million a year earlier.\n"
    )
    got = {f.surface: f for f in read_facts(clean(text, "t"))}
    assert got["12.5 million pounds"].time == "2023"
    assert got["10.1 million"].time == "2022"


def test_a_number_before_a_collective_noun_counts_it() -> None:
    got = facts_in("The garrison had 1,200 men, including 300 infantry and 80 clergy.")
    assert (got["300"].unit, got["80"].unit) == ("infantry", "clergy")


def test_a_number_a_person_is_is_an_age() -> None:
    got = facts_in("Anna Berg has died in Oslo. She was 94.", "Tor Vik was 61 when he retired.")
    assert (got["94"].kind, got["61"].kind) == ("age", "age")
    # not when something ended
    assert facts_in("He taught until he was 80.")["80"].kind == "number"


def test_the_age_of_a_number_is_an_age_however_the_parser_hangs_it() -> None:
    got = facts_in("By the age of seven Wojtek had begun giving recitals in Lodz.")
    assert got["seven"].kind == "age"


def test_a_verb_in_brackets_after_a_name_is_the_dates_event() -> None:
    got = facts_in("The Tern Player (introduced March 3, 2011) is a music app.")
    assert (got["March 3, 2011"].measure, got["March 3, 2011"].owner) == (
        "introduced",
        "the Tern Player",
    )


def test_a_figure_in_brackets_after_an_item_is_no_part_of_the_lists_whole() -> None:
    got = facts_in(
        "The charter set up two kinds of office: three Greater offices (each in charge of "
        "5,000 households) and eleven Lesser offices (each in charge of 400 households)."
    )
    assert (got["5,000"].part_of, got["400"].part_of) == (None, None)
    assert got["three"].part_of is not None  # the items themselves still are


def test_a_bare_number_after_at_is_a_persons_age() -> None:
    got = facts_in("At 18 he moved to Vienna.", "She retired at 61.")
    assert (got["18"].kind, got["61"].kind) == ("age", "age")
    # not a level
    assert facts_in("The index closed at 18.")["18"].kind != "age"


def test_a_sum_a_thing_was_built_for_is_its_cost() -> None:
    got = facts_in("Built by Arvo Yards for 60 million euros, the ferry seats 900 people.")
    assert got["60 million euros"].measure == "cost"


def test_a_sum_for_each_thing_is_a_price_per_thing() -> None:
    got = facts_in("The buyer will pay 8.20 euros for each Holm share in cash.")
    assert got["8.20 euros"].measure == "payment per share"
