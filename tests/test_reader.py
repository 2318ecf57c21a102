"""The reader: candidate phrases from the parse, and the phrase that answers."""

from __future__ import annotations

import pytest

from qa.reader.candidates import candidates
from qa.reader.describe import describe
from qa.reading.pipeline import load
from qa.reading.query import prepare


def query(text: str):  # type: ignore[no-untyped-def]
    return prepare(load()(text), ())


def phrases(text: str) -> set[str]:
    doc = load()(text)
    return {doc[a:b].text for a, b in candidates(doc)}


def narrowed_in(sentence: str, part: str, question: str) -> tuple[str, str]:
    """What the reader's narrowing makes of ``part`` of ``sentence`` (its first occurrence)
    for ``question``: the phrase's text and the sentence's characters it points at."""
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()(sentence)
    span = doc.char_span(sentence.index(part), sentence.index(part) + len(part))
    phrase = Phrase(span.start, span.end, span.start_char, span.end_char, span.text, 1, 1, {})
    found = narrowed(query(question), doc, phrase)
    return found.text, doc.text[found.char_start : found.char_end]


def test_candidates_are_whole_constituents():
    found = phrases("The orchestra of the Royal Academy played three symphonies in Leeds.")
    assert {"the Royal Academy", "three symphonies", "Leeds"} <= found
    assert "The orchestra of the Royal Academy" in found  # a noun with its "of" phrase
    assert "Academy played" not in found


def test_a_title_with_small_words_inside_is_one_candidate():
    assert "Slowly in Winter" in phrases("Their debut album, Slowly in Winter (2009), sold well.")
    assert "Letters from the Lighthouse" in phrases("She starred in Letters from the Lighthouse.")


def test_a_date_after_a_name_is_no_part_of_a_title():
    found = phrases("The play opened at the Royal Court on March 3, 1998.")
    assert not any(p.startswith("Royal Court on March") for p in found)


def test_what_stands_in_double_quotes_is_a_candidate_even_of_small_words():
    assert "Why Not Me" in phrases('The band\'s last single, "Why Not Me", reached number two.')
    assert "Yes, We Can" in phrases('The crowd chanted "Yes, We Can" outside the hall.')


def test_a_date_the_recogniser_ran_on_is_cut_but_a_title_keeps_its_small_words():
    def from_entities(text: str) -> set[str]:
        doc = load()(text)
        return {doc[a:b].text for (a, b), s in candidates(doc).items() if "ent" in s}

    assert "May 10" in from_entities("The ship arrived on May 10 after five years at sea.")
    titled = from_entities("The museum showed the 1962 film The Road to Marlow last year.")
    assert "The Road to Marlow" in titled and "The Road" not in titled


def test_a_possessive_belongs_to_what_it_modifies():
    found = phrases("They admired Marta Kell's bridge over the river.")
    assert "Marta Kell" in found and "Marta Kell's" not in found
    assert "bridge over the river" in found or "bridge" in found


def test_a_coordinated_list_is_one_candidate():
    found = phrases("The firm makes pumps, valves and turbines for ships.")
    assert any(p.startswith("pumps, valves and turbines") for p in found)


def test_a_coordination_ends_at_its_last_conjunct():
    # Without what the last name says of itself, whether the parser joins the names as
    # conjuncts or hangs each beside the noun before them.
    for sentence, names in (
        (
            "The mill was built in 1822 by the sisters Ada and Rose Tilling, who had "
            "run a bakery in Leeds.",
            "Ada and Rose Tilling",
        ),
        (
            "The barges carried coal, timber and slate, which came down from the hills.",
            "coal, timber and slate",
        ),
    ):
        assert names in phrases(sentence)


def test_what_a_person_is_called_before_their_name_is_a_candidate_alone():
    found = phrases("The bridge was reopened by harbour master Olga Brandt on Friday.")
    assert {"harbour master", "Olga Brandt", "harbour master Olga Brandt"} <= found


def test_a_purpose_clause_is_a_candidate():
    found = phrases("The town widened the road so as to ease traffic in summer.")
    assert any(p.startswith("so as to ease traffic") for p in found)


def test_what_a_name_is_comes_from_a_copula_or_an_apposition():
    q = query("Who is Marta Kell?")
    doc = load()("Marta Kell is a structural engineer from Oslo.")
    described = describe(q, doc)
    assert described is not None and described.text == "a structural engineer from Oslo"
    doc = load()("Marta Kell, director of the Harbour Museum, opened the exhibition.")
    described = describe(q, doc)
    assert described is not None and described.text == "director of the Harbour Museum"
    assert describe(q, load()("The exhibition opened on Monday.")) is None


def features_of(question: str, sentence: str, *phrases: str) -> list[dict[str, float]]:
    """The reader's features of each of ``phrases`` (candidates of ``sentence``) as the
    answer to ``question``."""
    from qa.reader.features import span_features

    q = query(question)
    doc = load()(sentence)
    matched = [t.i for t in doc if q.matches(t)]
    spans = {doc[a:b].text: (a, b, s) for (a, b), s in candidates(doc).items()}
    return [span_features(q, doc, *spans[p], matched) for p in phrases]


def test_the_answer_stands_to_a_shared_word_as_the_wh_word_does_in_the_question():
    question = "Who designed the footbridge?"
    assert query(question).gap_paths  # "who" is the subject of "designed", as the answer
    subject, other = features_of(
        question, "Marta Kell designed the footbridge over the canal.", "Marta Kell", "the canal"
    )
    assert subject["path_mirrors_q"] == 1.0
    assert other["path_mirrors_q"] == 0.0


def test_the_answer_mirrors_the_wh_word_across_active_and_passive_voice():
    agent, other = features_of(
        "Who designed the footbridge?",
        "The town kept the footbridge designed by Marta Kell in 1920.",
        "Marta Kell",
        "1920",
    )
    assert agent["path_mirrors_q"] == 1.0 and other["path_mirrors_q"] == 0.0
    (patient,) = features_of(
        "What did the council close?",
        "The old footbridge was closed by the council.",
        "The old footbridge",
    )
    assert patient["path_mirrors_q"] == 1.0


def test_the_noun_a_relative_clause_is_said_of_stands_as_its_relative_pronoun():
    founders, other = features_of(
        "Who founded the bakery?",
        "The Tallin brothers, who founded the bakery in 1921, sold it to Marten Holm.",
        "The Tallin brothers",
        "Marten Holm",
    )
    assert founders["path_mirrors_q"] == 1.0 and other["path_mirrors_q"] == 0.0
    (mill,) = features_of(
        "What did their grandfather build?",
        "They sold the mill, which their grandfather built in 1850.",
        "the mill",
    )
    assert mill["path_mirrors_q"] == 1.0


def test_the_noun_asked_about_is_not_counted_as_repeating_the_question():
    (river,) = features_of(
        "Which river runs through Pellham?",
        "The River Osk runs through Pellham before it joins the sea.",
        "The River Osk",
    )
    assert river["q_overlap"] == 0.0 and river["has_head"] == 1.0


def test_a_title_before_a_name_says_what_kind_of_person_or_place_it_is():
    king, game = features_of(
        "Which king granted the abbey its charter?",
        "The abbey received its charter from King Osric III, and later moved to Game Hill.",
        "King Osric III",
        "Game Hill",
    )
    assert king["type_match"] == 1.0 and king["has_head"] == 1.0
    (console,) = features_of(
        "Which game did the studio make next?",
        "The studio next made Game Station Rally, a racing title.",
        "Game Station Rally",
    )
    assert console.get("type_match", 0.0) < 1.0  # a product's name is no title


def test_what_stands_beside_a_phrase_and_how_many_question_words_are_near():
    year, bridge = features_of(
        "When did the Orrin ferry begin sailing?",
        "The Orrin ferry began sailing in 1931, long after the bridge opened.",
        "1931",
        "the bridge",
    )
    assert year["wh=when|before=in"] == 1.0 and year["wh=when|after=,"] == 1.0
    assert year["win_l8"] > bridge.get("win_l8", 0.0)  # the question's words lead up to it
    assert year["same_clause"] == 1.0 and bridge["same_clause"] == 0.0


def test_a_tree_path_walks_up_then_down():
    from qa.reading.paths import ancestors, meeting, path

    doc = load()("Marta Kell designed the footbridge.")
    subject, obj = doc[1], doc[4]  # "Kell", "footbridge"
    assert meeting(ancestors(subject), ancestors(obj)) == (1, 1)  # both under "designed"
    assert path(subject, obj) == "nsubj|dobj"
    assert path(subject, subject) == "|"
    assert path(obj, doc[3]) == "|det"


def test_a_number_keeps_its_unit_and_a_purpose_its_to():
    found = phrases(
        "In order to reach the coast, the firm spent 4.6 billion euros on 71.3% of the line."
    )
    assert {"4.6 billion euros", "71.3%", "to reach the coast"} <= found
    assert "4.6 billion" not in found and "71.3" not in found


def test_no_candidate_holds_half_a_bracket():
    found = phrases("The marsh harrier (Circus aeruginosus) breeds in reed beds.")
    assert not any(p.count("(") != p.count(")") for p in found)


def test_a_lone_small_number_is_no_date_however_it_is_labelled():
    sentence = "Chief executive Pia Lund, 52, said the yard opened in March 2019."
    age, date = features_of("When did the yard open?", sentence, "52", "March 2019")
    assert age.get("type_match", 0.0) == 0.0 and date["type_match"] == 1.0


def test_a_name_the_recogniser_cut_after_of_is_one_candidate():
    sentence = "She studied at the Second Medical School of Harbin Polytechnic University."
    assert "Second Medical School of Harbin Polytechnic University" in phrases(sentence)
    (school,) = features_of(
        "Which school did she study at?",
        sentence,
        "Second Medical School of Harbin Polytechnic University",
    )
    assert school["type_match"] == 1.0  # one organisation, not two


def test_the_recognisers_article_before_a_name_is_no_part_of_it():
    (name,) = features_of(
        "Which museum does Anna Holm direct?",
        "Anna Holm is the director of the Oslo Museum of Science.",
        "Oslo Museum of Science",
    )
    assert name.get("wh=which|l=ORG") == 1.0  # the entity itself, not one inside it


def test_a_phrase_narrows_to_the_year_a_question_asks_for():
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()("The theatre reopened on 4 May 1956 after the fire.")
    date = next(doc[a:b] for a, b in candidates(doc) if doc[a:b].text == "4 May 1956")
    phrase = Phrase(date.start, date.end, date.start_char, date.end_char, date.text, 1.0, 0.5, {})
    year = narrowed(query("In what year did the theatre reopen?"), doc, phrase)
    assert (year.text, doc.text[year.char_start : year.char_end]) == ("1956", "1956")
    assert year.score == phrase.score  # still the reader's choice, as rated
    assert narrowed(query("When did the theatre reopen?"), doc, phrase) == phrase


def test_a_sum_keeps_the_currency_sign_written_before_it():
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()("The singer gave an initial $250,000 to the fund.")
    number = next(t for t in doc if t.text == "250,000")
    phrase = Phrase(number.i, number.i + 1, number.idx, number.idx + 7, "250,000", 1.0, 0.5, {})
    sum_ = narrowed(query("How much did the singer give to the fund?"), doc, phrase)
    assert (sum_.text, doc.text[sum_.char_start : sum_.char_end]) == ("$250,000", "$250,000")


def test_who_is_answered_by_the_person_without_the_title_before_the_name():
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()("The study was led by epidemiologist Maren Solvik of the city hospital.")
    whole = next(
        doc[a:b] for a, b in candidates(doc) if doc[a:b].text == "epidemiologist Maren Solvik"
    )
    phrase = Phrase(whole.start, whole.end, whole.start_char, whole.end_char, whole.text, 1, 1, {})
    person = narrowed(query("Who led the study?"), doc, phrase)
    assert (person.text, doc.text[person.char_start : person.char_end]) == ("Maren Solvik",) * 2
    assert narrowed(query("What does the study show?"), doc, phrase) == phrase


@pytest.mark.parametrize(
    ("sentence", "whole", "question", "name"),
    [
        (
            "The new wing was paid for by the shipowner Ivar Lund in 1871.",
            "the shipowner Ivar Lund",
            "Who paid for the new wing?",
            "Ivar Lund",
        ),
        (
            "In his last years he was supported by his admirer Ada Brenn.",
            "his admirer Ada Brenn",
            "Who supported him in his last years?",
            "Ada Brenn",
        ),
        (
            "Its owner, Ines Korr, opened the bakery on Mill Lane in 1998.",
            "Its owner, Ines Korr",
            "Who opened the bakery on Mill Lane?",
            "Ines Korr",
        ),
        (
            "Superintendent Lorna Dale credited a tutoring programme launched in January 2023.",
            "Superintendent Lorna Dale",
            "Who is the superintendent?",
            "Lorna Dale",
        ),
    ],
)
def test_who_drops_an_article_a_possessive_or_the_title_the_question_names(
    sentence: str, whole: str, question: str, name: str
) -> None:
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()(sentence)
    span = next(doc[a:b] for a, b in candidates(doc) if doc[a:b].text == whole)
    phrase = Phrase(span.start, span.end, span.start_char, span.end_char, span.text, 1, 1, {})
    person = narrowed(query(question), doc, phrase)
    assert (person.text, doc.text[person.char_start : person.char_end]) == (name, name)
    # the title stays when the question does not name it
    if whole.startswith("Superintendent"):
        assert narrowed(query("Who credited the programme?"), doc, phrase) == phrase


@pytest.mark.parametrize(
    ("sentence", "whole", "name"),
    [
        (
            "The bakery was bought by Dutch food retailer Vandermolen in 2019.",
            "Dutch food retailer Vandermolen",
            "Vandermolen",
        ),
        (
            "The bakery was bought by Hallam's nephew Brodie in 2019.",
            "Hallam's nephew Brodie",
            "Brodie",
        ),
        (  # a list of people keeps its descriptions
            "The bakery was bought by Garth and the organist Wenna Carrow in 2019.",
            "Garth and the organist Wenna Carrow",
            "Garth and the organist Wenna Carrow",
        ),
    ],
)
def test_who_drops_the_description_before_a_name_the_recogniser_took_for_no_person(
    sentence: str, whole: str, name: str
) -> None:
    assert narrowed_in(sentence, whole, "Who bought the bakery?") == (name, name)
    assert narrowed_in(sentence, whole, "How many bakeries were bought?") == (whole, whole)


@pytest.mark.parametrize(
    ("sentence", "item", "several", "one", "listed"),
    [
        (
            "The choir toured Austria, Slovenia and Hungary in the spring.",
            "Hungary",
            "Which countries did the choir tour?",
            "Which country did the choir tour?",
            "Austria, Slovenia and Hungary",
        ),
        (
            "The prize went to the ferry line in 2011 and 2015.",
            "2011",
            "In which years did the prize go to the ferry line?",
            "In which year did the prize first go to the ferry line?",
            "2011 and 2015",
        ),
    ],
)
def test_a_question_for_several_gets_the_whole_list_an_item_was_read_from(
    sentence: str, item: str, several: str, one: str, listed: str
) -> None:
    assert narrowed_in(sentence, item, several) == (listed, listed)
    assert narrowed_in(sentence, item, one) == (item, item)


def test_a_name_is_answered_without_the_date_the_parser_hung_on_it() -> None:
    sentence = "The studio released its second console, Korvo in 2009, to mixed reviews."
    question = "What was the studio's second console called?"
    assert narrowed_in(sentence, "Korvo in 2009", question) == ("Korvo", "Korvo")


@pytest.mark.parametrize(
    ("sentence", "figure", "question", "answer"),
    [
        ("Over 4,000 people watched the final.", "4,000", "How many watched?", "Over 4,000"),
        ("The mill employed more than 600 weavers.", "600", "How many weavers?", "more than 600"),
        ("The hen lays 4 to 6 eggs a year.", "6", "How many eggs does the hen lay?", "4 to 6"),
        (
            "The club paid almost $3 million for him.",
            "3 million",
            "How much did it pay?",
            "almost $3 million",
        ),
    ],
)
def test_a_number_keeps_the_words_that_qualify_it(
    sentence: str, figure: str, question: str, answer: str
) -> None:
    assert narrowed_in(sentence, figure, question) == (answer, answer)


def test_a_name_in_apposition_to_a_common_noun_answers_for_it() -> None:
    sentence = "The ship's figurehead depicts a sea god, Triton, blowing a conch."
    whole = "a sea god, Triton"
    depicts = "What does the ship's figurehead depict?"
    assert narrowed_in(sentence, whole, depicts) == ("Triton", "Triton")
    assert narrowed_in(sentence, whole, "How many figureheads are there?") == (whole, whole)


@pytest.mark.parametrize(
    ("sentence", "whole", "question", "answer"),
    [
        (
            "In 1998 the town adopted the idea of a car-free centre.",
            "the idea of a car-free centre",
            "What idea did the town adopt?",
            "a car-free centre",
        ),
        (
            "After the war he took on the role of harbour master.",
            "the role of harbour master",
            "What role did he take on?",
            "harbour master",
        ),
        (  # a name keeps its "of"
            "In 1998 she was elected to the Royal Academy of Music.",
            "the Royal Academy of Music",
            "Which academy was she elected to?",
            "the Royal Academy of Music",
        ),
    ],
)
def test_a_noun_the_question_says_is_answered_by_what_follows_its_of(
    sentence: str, whole: str, question: str, answer: str
) -> None:
    assert narrowed_in(sentence, whole, question) == (answer, answer)


def test_a_date_question_gets_the_whole_date_a_lone_year_was_read_from() -> None:
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()("The band released the single on March 4, 2016, a day before the tour.")
    year = next(t for t in doc if t.text == "2016")
    phrase = Phrase(year.i, year.i + 1, year.idx, year.idx + 4, "2016", 1.0, 0.5, {})
    date = narrowed(query("On what date did the band release the single?"), doc, phrase)
    assert (date.text, doc.text[date.char_start : date.char_end]) == ("March 4, 2016",) * 2
    assert narrowed(query("In which month was the single released?"), doc, phrase) == date
    assert narrowed(query("When did the band release the single?"), doc, phrase) == phrase
    assert narrowed(query("What year did the band release the single?"), doc, phrase) == phrase


def test_a_date_question_passes_over_a_lone_year_for_a_date_that_names_the_day() -> None:
    from qa.reader import Phrase
    from qa.reader.narrow import finer_than_year

    doc = load()("The ferry stopped on 2 June 1971, and the cargo boats ran until 1975.")

    def phrase(text: str) -> Phrase:
        start = next(t.i for t in doc if doc[t.i :].text.startswith(text))
        span = doc[start : start + len(load()(text))]
        return Phrase(span.start, span.end, span.start_char, span.end_char, span.text, 1.0, 0.5, {})

    year, date = phrase("1975"), phrase("2 June 1971")
    kept = finer_than_year(query("On what date did the ferry stop?"), doc, [year, date])
    assert [p.text for p in kept] == ["2 June 1971"]
    when = finer_than_year(query("When did the ferry stop?"), doc, [year, date])
    assert [p.text for p in when] == ["1975", "2 June 1971"]  # a year answers "when"


def test_when_is_answered_by_the_one_date_a_longer_phrase_holds() -> None:
    from qa.reader import Phrase
    from qa.reader.narrow import narrowed

    doc = load()("The old pier collapsed on 15 March, and a new one opened from 1990 to 1994.")
    words = [t.text for t in doc]
    start, end = words.index("collapsed"), words.index("March") + 1
    span = doc[start:end]
    phrase = Phrase(start, end, span.start_char, span.end_char, span.text, 1.0, 0.5, {})
    assert narrowed(query("When did the old pier collapse?"), doc, phrase).text == "15 March"
    both = doc[words.index("from") : words.index("1994") + 1]
    two = Phrase(both.start, both.end, both.start_char, both.end_char, both.text, 1.0, 0.5, {})
    assert narrowed(query("When was the new pier open?"), doc, two).text == both.text


def _phrase_of(doc, text: str):  # type: ignore[no-untyped-def]
    from qa.reader import Phrase

    words = doc.text
    start = words.index(text)
    span = doc.char_span(start, start + len(text))
    return Phrase(span.start, span.end, span.start_char, span.end_char, span.text, 1.0, 0.5, {})


@pytest.mark.parametrize(
    ("sentence", "phrase", "question", "answer"),
    [
        (
            "The harbour is sheltered by two small islands, the Brack and the Inch.",
            "two small islands, the Brack and the Inch",
            "What are the two islands called?",
            "the Brack and the Inch",
        ),
        (
            "The kiln also fired other wares, including tiles and drainpipes.",
            "other wares, including tiles and drainpipes",
            "Which other wares did the kiln fire?",
            "tiles and drainpipes",
        ),
        (
            "Sales rose on strong demand for its hybrid tractor Ferrox.",
            "strong demand for its hybrid tractor Ferrox",
            "Which tractor drove the rise in sales?",
            "its hybrid tractor Ferrox",
        ),
        (
            "In 1998 the firm launched a new pressure valve, named Torrent, for steam engines.",
            "a new pressure valve, named Torrent",
            "What new valve did the firm launch in 1998?",
            "Torrent",
        ),
        (
            "The valley's cheese, known as Brennick Blue, is aged in caves.",
            "The valley's cheese, known as Brennick Blue",
            "Which cheese is aged in caves?",
            "Brennick Blue",
        ),
        (
            "The mill was sold to its largest customer, Harwick Textiles, in 1920.",
            "its largest customer, Harwick Textiles",
            "Which customer bought the mill?",
            "Harwick Textiles",
        ),
    ],
)
def test_a_noun_the_question_says_is_answered_by_what_it_names(
    sentence: str, phrase: str, question: str, answer: str
) -> None:
    from qa.reader.narrow import narrowed

    doc = load()(sentence)
    assert narrowed(query(question), doc, _phrase_of(doc, phrase)).text == answer


def test_how_many_keeps_the_counted_noun_whatever_it_lists() -> None:
    from qa.reader.narrow import narrowed

    doc = load()("The film won four awards, including Best Score.")
    whole = _phrase_of(doc, "four awards, including Best Score")
    assert narrowed(query("How many awards did the film win?"), doc, whole) == whole


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("When did the Harrow line carry goods?", "1851-1932"),
        ("When was the Harrow line opened?", "1851"),
        ("When did the Harrow line first carry goods?", "1851"),
        ("When did the Harrow line close?", "1932"),
    ],
)
def test_when_is_answered_by_the_whole_period_or_the_end_it_asks_for(
    question: str, answer: str
) -> None:
    sentence = "The Harrow line carried goods 1851-1932 and was a footpath afterwards."
    assert narrowed_in(sentence, "1851", question) == (answer, answer)


def test_a_period_from_one_date_to_another_is_said_whole() -> None:
    sentence = "The abbey was home to a choir school from 1402 to 1431."
    whole = "1402 to 1431"
    assert narrowed_in(sentence, "1402", "When was the abbey home to a choir school?") == (
        whole,
        whole,
    )
    assert narrowed_in(sentence, "1402", "When did the choir school end?") == ("1431", "1431")


def test_no_phrase_ends_with_a_conjunction_the_parser_left_without_its_conjunct():
    # The parser hangs "and" on the first "percent" and the second on "rise".
    sentence = (
        "Kelby Council had offered a pay rise of 3.5 percent this year and 3 percent next year."
    )
    assert not any(p.endswith(" and") for p in phrases(sentence))
    whole = "a pay rise of 3.5 percent this year and 3 percent next year"
    found, _ = narrowed_in(sentence, whole, "What pay rise did the council offer?")
    assert found == "3.5 percent this year"


def test_who_is_answered_by_the_other_person_a_phrase_goes_on_to_name():
    whole = "Maria Lindqvist, who succeeded the founder's son, Johan Berg"
    sentence = f"The manager since 2015 has been {whole}."
    before = "Who was manager before Maria Lindqvist?"
    assert narrowed_in(sentence, whole, before) == ("Johan Berg", "Johan Berg")
    # people listed together are said together
    listed = "Maria Lindqvist and Johan Berg"
    found = narrowed_in(
        f"{listed} founded the bakery.", listed, "Who founded it with Maria Lindqvist?"
    )
    assert found == (listed, listed)
