"""Phrasing: the answer sentences, short answers and working the rule layer gives.

A direct answer states the figure, with its unit, before any other number, in a short
sentence written from the fact ("The park covers 3 square kilometers."); a derived answer
states its result first and then the working, every input with the sentence it came from
("[s11]"). An abstention says in plain words what the articles do not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..facts import Fact
from ..numbers import find_dates, find_quantities, format_amount
from ..types import Answer, Citation
from .echo import echo
from .hedges import with_hedge
from .index import FactIndex
from .question import Question
from .ranges import range_said

PHYSICAL_KINDS = frozenset("mass volume energy length area speed power data".split())
PREPOSITION_START = re.compile(r"(?:in|from|at|of|for|on|to|by|across|outside)\s", re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:that|who|which|whose)\b")
_AGENT = re.compile(r"\w+ by ")  # a part's own verb and who did it: "paid by the state"
_AGAINST = re.compile(r"(increase over|decrease from) (.+)")
_KIND_MEASURE = {"length": "length", "mass": "weight", "area": "area", "volume": "volume"}
_VERB_MEASURES = frozenset("area cost length capacity revenue output sales earnings".split())
_VERB_START = re.compile(
    r"^(?:spans|covers|represents|employs|generated|invested|costs?|raised|received|earned|"
    r"attracted|produced|exported|imported|sold|spent|paid|reached|totaled|totalled|"
    r"[a-z]+ed)\b"
)
_NUMBERISH = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|dozen)\b",
    re.IGNORECASE,
)


_BARE_SUM = re.compile(r"^[\d.,]+ (?:million|billion|trillion)$", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"^(?P<n>[\d.,]+|[a-z]+)-(?P<unit>[a-z]+(?:-[a-z]+)*)$", re.IGNORECASE)


def said(f: Fact) -> str:
    """The amount as a reply says it: an adjective before a noun ("a 2,900-metre runway")
    is said as a quantity ("2,900 metres")."""
    if f.kind in ("count", "number") and f.surface.isalpha():
        return f.surface.lower()  # "Two elderly men died": "two", wherever it stood
    if f.kind in ("count", "number", "date") or not f.unit:
        return f.surface
    if f.kind == "money" and _BARE_SUM.match(f.surface):
        return f"{f.surface} {f.unit}"  # "9.8 billion" of a sentence that said its crowns once
    m = _ADJECTIVAL.match(f.surface)
    if m is None:
        # "a 27 million pound pool": the currency said as an adjective, in the singular
        head, _, last = f.surface.rpartition(" ")
        plural = f.unit.split()[-1].lower()
        return f"{head} {plural}" if head and f.value != 1 and last + "s" == plural else f.surface
    unit = m.group("unit").replace("-", " ")
    return f"{m.group('n')} {unit if f.value == 1 or unit.endswith('s') else unit + 's'}"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def amount_text(f: Fact, with_qualifier: bool = True) -> str:
    """A fact's value as the article writes it ("4,200 employees", "20 billion euros",
    "900 people in Peru", "500 kilograms of cargo", "40 trains a day")."""
    qual = f.qualifier if with_qualifier else None
    # "in Peru", "paid by the state" follow the noun
    placed = bool(qual and (PREPOSITION_START.match(qual) or _AGENT.match(qual)))
    placed = placed or bool(qual and _RELATIVE.match(qual))  # "84,000 voters that cast a ballot"
    if f.kind == "count":
        text = f"{f.surface} {f.unit} {qual}" if placed else f"{f.surface} {qual} {f.unit}"
        text = text if qual else f"{f.surface} {f.unit}"
    elif f.kind in PHYSICAL_KINDS and qual and not placed:
        text = f"{said(f)} of {qual}"
    else:
        text = said(f)
    if f.rate and f.kind in PHYSICAL_KINDS | {"count", "number"}:
        text += f" {f.rate}"
    return text


def computed(value: float, unit: str | None, qualifier: str | None = None) -> str:
    text = format_amount(value, unit)
    if qualifier and unit and text.endswith(unit):
        text = text[: -len(unit)] + f"{qualifier} {unit}"
    return text


def singular_noun(word: str) -> str:
    """ "enterprises" → "enterprise", "companies" → "company" (for "per ..." labels)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def on_date(iso: str) -> str:
    """ "on March 8, 2022" for a day, "in March 2022" for anything longer."""
    return f"{'on' if _DAY.fullmatch(iso) else 'in'} {pretty_date(iso)}"


def pretty_date(iso: str) -> str:
    """ "2022-03-08" → "March 8, 2022"; "2020-06" → "June 2020"; "2023-H1" → "the first half
    of 2023"."""
    months = (
        "January February March April May June July August September October November December"
    ).split()
    if _DAY.fullmatch(iso):
        d = date.fromisoformat(iso)
        return f"{months[d.month - 1]} {d.day}, {d.year}"
    if re.fullmatch(r"\d{4}-\d{2}", iso):
        return f"{months[int(iso[5:]) - 1]} {iso[:4]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", iso):
        return f"the {'first' if m.group(2) == '1' else 'second'} half of {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", iso):
        return (
            f"the {('first', 'second', 'third', 'fourth')[int(m.group(2)) - 1]} quarter of "
            f"{m.group(1)}"
        )
    return iso


def cite(index: FactIndex, facts: Sequence[Fact]) -> tuple[Citation, ...]:
    seen: list[str] = []
    for f in facts:
        if f.sentence not in seen:
            seen.append(f.sentence)
    return tuple(Citation.of(index.sentences[s]) for s in seen)


def ref(f: Fact) -> str:
    return f"[{f.sentence.rsplit(':', 1)[-1]}]"


def abstain(ask: Question, why: str = "", confidence: float = 0.6) -> Answer:
    reason = f"; {why}" if why else ""
    return Answer(
        f"The articles don't say {ask.indirect or echo(ask.question)}{reason}.",
        False,
        "none",
        confidence,
    )


def direct(
    index: FactIndex,
    f: Fact,
    score: float,
    text: str | None = None,
    short: str | None = None,
) -> Answer:
    spread = None if short else range_said(index, f)
    short = short or spread
    lead = short or amount_text(f)
    if spread and text is None:
        # A range is given as the article states it, beside the sentence that states it.
        text = f"{cap(spread)}: {index.sentences[f.sentence].text}"
    answer = text or sentence_for(index, f)
    if text is None and f.kind != "date" and not value_comes_first(answer, f.value):
        first, _, rest = answer.partition(" ")
        first = first.lower() if first in ("The", "A", "An") else first
        answer = f"{cap(lead)}: {first} {rest}"  # "The four-storey building": value first
    elif spread and text is None and spread not in answer:
        answer = answer.replace(said(f), spread, 1)
    # The short answer is the amount as the article writes it, with its unit: what it counts
    # and how often ("640" of "640 people", "1.9 million kWh" of "... of electricity a
    # year") the question already says, and the answer sentence says again.
    short = short or said(f)
    return Answer(
        answer=answer,
        answered=True,
        method="rule",
        confidence=round(min(0.95, 0.45 + 0.5 * score), 4),
        citations=cite(index, [f]),
        derivation=None,
        short_answer=short,
    )


def derived(
    index: FactIndex, result: str, short: str, working: str, facts: Sequence[Fact], score: float
) -> Answer:
    return Answer(
        answer=f"{result} {working}",
        answered=True,
        method="rule",
        confidence=round(min(0.9, 0.4 + 0.5 * score), 4),
        citations=cite(index, facts),
        derivation=working,
        short_answer=short,
    )


def sentence_for(index: FactIndex, f: Fact) -> str:
    """A short sentence written from the fact, its value and unit first among numbers."""
    text = with_hedge(index, f, sentence_from_parts(index, f))
    if f.period and text.endswith("."):
        text = f"{text[:-1]}, in the {f.period}."
    return text


def sentence_from_parts(index: FactIndex, f: Fact) -> str:
    # "A fire destroyed 112 houses", not "... 112 houses destroyed by a fire"
    agent = bool(f.qualifier and f.owner and f.qualifier.lower().endswith(f"by {f.owner.lower()}"))
    amount = amount_text(f, with_qualifier=not agent)
    eq = next(iter(index.equivalents.get(f.id, ())), None)
    if eq is not None and f.kind != "count":
        amount = f"{amount} ({eq.surface})"
    owner = cap(f.owner) if f.owner else None
    past = f.time_kind in (
        "year",
        "month",
        "date",
        "resolved-relative",
        "quarter",
        "half-year",
        "earlier",
    )
    when = ""
    if f.time and f.time_kind == "target":
        when = f" by {f.time[:4]}"
    elif f.time and past:
        when = f" {on_date(f.time)}"
    s = index.sentences[f.sentence]
    before = s.text[: f.start - s.start]
    verb = re.search(
        r"\b((?:[a-z]+(?:s|ed))(?:\s+(?:an?|the|of|some|about|nearly|over|"
        r"[a-z]+ment|[a-z]+ion)){0,3})\s+$",
        before,
    )
    later = index.by_id.get(f.earlier_of or "")
    if later is not None and not f.time:  # "compared with 12,000 before"
        of = f" of {f.owner}" if f.owner else ""
        return (
            f"{cap(amount)}: the {f.measure or 'figure'}{of} before, against "
            f"{amount_text(later)} now."
        )
    whole = index.by_id.get(f.part_of or "")
    if whole is not None and f.kind != "count" and f.qualifier:
        of = f" of the {whole.measure}" if whole.measure and f.kind == "percent" else ""
        of += f" of {whole.owner}" if whole.owner and of else ""
        if PREPOSITION_START.match(f.qualifier) or f.kind in PHYSICAL_KINDS:
            part = f"part of {whole.surface}" + (f" ({whole.owner})" if whole.owner else "")
            if f.qualifier.startswith("from"):
                return f"{cap(amount)}{of} came {f.qualifier}."
            return f"{cap(amount)}, {part}."
        if _AGENT.match(f.qualifier):
            return f"{cap(amount)}{of}, {f.qualifier}, part of {whole.surface}."
        return f"{cap(amount)}{of}, from {f.qualifier}."  # "with X paying 70 percent"
    phrase = verb_phrase(index, f)
    after = s.text[f.end - s.start :]
    thing = re.match(r"\s+(\w+)", after)
    if owner and f.measure == "cost" and thing and thing.group(1) in owner.split():
        # "opened a £64m factory": the verb is the clause's, the sum the factory's
        return f"{owner} cost {amount}{when}."
    if (
        phrase
        and owner
        and f.kind not in ("percent", "date", "age")
        and f.time_kind != "target"
        and not f.change_of
    ):
        if f.measure and re.match(rf"\s+{re.escape(f.measure)}\b", after):
            amount = f"{f.surface} {f.measure}"  # "approved a 1.24 billion pound budget"
        elif f.kind == "count" and f.unit and owner.lower().split()[-1] == f.unit.lower():
            amount = f.surface  # "The rebels numbered 6,000", not "6,000 rebels"
        return f"{owner} {phrase}{amount}{when}."
    if f.kind == "count":
        if whole is not None:  # "two surgeons" among "400 staff"
            before = s.text[: whole.start - s.start]
        if owner and re.search(
            r"\b(?:has|have|had|employs|employed|hosts|houses|counts|"
            r"includes|boasts|with)\s+(?:about\s+|nearly\s+|some\s+|"
            r"over\s+|more\s+than\s+)?$",
            before,
        ):
            has = "had" if past else "has"
            return f"{owner} {has} {amount}{when}."
        in_owner = f" in {f.owner.lower()}" if f.owner else ""
        if in_owner and after.lower().find(in_owner, 0, len(amount_text(f)) + 40) >= 0:
            return f"{cap(amount)} in {f.owner}{when}."
        return f"{cap(amount)}{when}."
    if f.part_of and f.qualifier and f.kind != "count":
        whole = index.by_id.get(f.part_of)
        of = f" of the {whole.measure}" if whole and whole.measure else ""
        of += f" of {whole.owner}" if whole and whole.owner and of else ""
        came = "came " if f.qualifier.startswith("from") else ""
        return f"{cap(amount)}{of} {came}{f.qualifier}."
    if f.kind == "percent" and f.measure and (m := _AGAINST.match(f.measure)):
        word = "more" if m.group(1) == "increase over" else "less"
        return f"{cap(amount)} {word} than the {m.group(2)}."  # "24 percent more than"
    if (
        f.kind in PHYSICAL_KINDS
        and f.qualifier
        and not PREPOSITION_START.match(f.qualifier)
        and (f.measure or "").removeprefix("annual ") == _KIND_MEASURE.get(f.kind)
    ):
        return f"{cap(amount)}{when}."  # "1,150 millimetres of rain a year"
    if f.kind == "percent" and f.change_of:
        base = index.by_id.get(f.change_of)
        measure = base.measure if base and base.measure else "It"
        return change_sentence(index, measure, f, when)
    if (
        verb
        and owner
        and _VERB_START.match(verb.group(1))
        and f.kind != "percent"
        and f.time_kind != "target"
        and f.measure
        and (f.measure.split()[-1] in verb.group(1) or f.measure in _VERB_MEASURES)
    ):
        return f"{owner} {verb.group(1)} {amount}{when}."
    measure = f.measure or "amount"
    tense = "was" if past else "is"
    if owner:
        return f"The {measure} of {f.owner} {tense} {amount}{when}."
    return f"The {measure} {tense} {amount}{when}."


def verb_phrase(index: FactIndex, f: Fact) -> str | None:
    """The article's words from the fact's verb to its number, when they are few and
    plain: "employs ", "processed ", "held the post for "."""
    if not f.verb:
        return None
    s = index.sentences[f.sentence]
    before = s.text[: f.start - s.start]
    at = before.lower().rfind(f.verb)
    if at < 0 or not re.match(rf"{re.escape(f.verb)}\b", before[at:].lower()):
        return None
    aux = re.search(r"\b(?:(?:is|are|was|were|will|can|could|has|have|had|be)\s+)+$", before[:at])
    phrase = before[aux.start() if aux else at :]
    words = phrase.split()
    if len(words) > 5 or re.search(r"[\d,;()$€£¥]|\b(?:and|or|but|of)\s*$", phrase):
        return None
    if re.search(r"\b(?:and|or)\b", phrase):
        return None
    return phrase if phrase.endswith(" ") else phrase + " "


def change_sentence(index: FactIndex, measure: str, f: Fact, when: str) -> str:
    base = index.by_id.get(f.change_of or "")
    change = base.change if base else None
    direction = "up" if not change or change.direction == "up" else "down"
    basis = f" {change.basis}" if change and change.basis else ""
    owner = f" of {base.owner}" if base and base.owner else ""
    return f"{cap(measure)}{owner} was {direction} {f.surface}{basis}{when}."


def label(index: FactIndex, f: Fact, other: Fact | None = None) -> str:
    """What a fact is, for working and comparisons; with its owner when ``other`` has the
    same measure ("exports in the region")."""
    if f.kind == "count":
        return " ".join(x for x in (f.qualifier, f.unit) if x)
    base = index.by_id.get(f.change_of) if f.kind == "percent" and f.change_of else f
    text = (base.measure if base else None) or "the amount"
    if other is not None:
        o = (
            index.by_id.get(other.change_of)
            if other.kind == "percent" and other.change_of
            else other
        )
        if (
            o is not None
            and o.measure == (base.measure if base else None)
            and base is not None
            and base.owner
            and base.owner != o.owner
        ):
            text = (
                f"{text} in {base.owner}" if base.owner[0].isupper() else f"{text} of {base.owner}"
            )
    return text


def value_comes_first(text: str, value: float) -> bool:
    """Whether the first number in ``text`` (dates aside) is ``value``, with nothing that
    reads as a number before it ("The four-storey building cost ...")."""
    dates = [(d.start, d.end) for d in find_dates(text)]
    found = find_quantities(text, dates)
    if not found or abs(found[0].value - value) > 1e-9 * max(1.0, abs(value)):
        return not found
    return not _NUMBERISH.search(text, 0, found[0].start)
