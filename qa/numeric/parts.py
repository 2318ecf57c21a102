"""Parts and wholes: ratios ("per employee"), shares ("what percentage of X"), the rest
of a whole ("the rest came from ..."), and a whole less the parts a question leaves out
("neither X nor Y", "outside X")."""

from __future__ import annotations

import re

from ..analysis import STOP_WORDS
from ..facts import Fact
from ..lexicon.question_words import QUESTION_WORDS
from ..numbers import asked_unit
from ..types import Answer
from .complement import NEGATED, partitions
from .conversion import in_unit
from .index import FactIndex
from .lookup import Search
from .phrasing import (
    abstain,
    amount_text,
    cap,
    computed,
    derived,
    direct,
    label,
    ref,
    singular_noun,
)
from .question import Question
from .terms import BOUNDARY, LIGHT_WORDS, Term, keyset, strength, words

PER_PHRASE = re.compile(r"\b(?:per|each|every)\s+((?:[\w'-]+\s*){1,4})")
_REST = re.compile(
    r"\b(?:the\s+rest|the\s+remainder|the\s+balance)\s+"
    r"(?P<v>(?:(?:will|would|is\s+to|was\s+to)\s+)?(?:came|come|comes|coming)\s+)?"
    r"(?P<q>(?:from|by|for)\s+[^,;.]+)",
    re.IGNORECASE,
)
_REST_BY = re.compile(
    r"(?P<h>[^,;()]{2,60}?)\s+(?:paying|covering|providing|contributing|funding|footing|"
    r"putting\s+up|making\s+up|picking\s+up|meeting)\s+the\s+(?:rest|remainder|balance)\b",
    re.IGNORECASE,
)
# What a question leaves out of a whole: "neither students nor retired teachers".
EXCLUDE_Q = re.compile(
    r"\bneither\s+(.+?)\s+nor\s+([^?,]+)|\bnot\s+(?:from|in|at|for|on|by)\s+([^?,]+)"
    r"|\boutside(?:\s+of)?\s+([^?,]+)|\bother\s+than\s+([^?,]+)|\bapart\s+from\s+([^?,]+)"
    r"|\bexcept(?:\s+for)?\s+([^?,]+)|\bexcluding\s+([^?,]+)"
)


def remainder(index: FactIndex, best: Fact, ask: Question, score: float) -> Answer | None:
    """ "the rest came from the owner", "the club paying the rest": the whole less
    its stated parts, when the question names whoever the rest is from. A whole given as
    percentages of an amount is 100 percent."""
    whole = index.by_id.get(best.part_of or "") or best
    parts = index.parts.get(whole.id, [])
    if parts:
        holder = rest_holder(index, whole)
    else:
        # "The council will borrow 55 million pounds; the rest will come from a grant": the
        # whole is the amount the article gave before.
        holder = rest_holder(index, best)
        earlier = _whole_before(index, best) if holder else None
        if earlier is None:
            return None
        whole, parts = earlier, [best]
    if holder is None:
        return None
    phrase, came = holder
    rest_keys = keyset(phrase)
    focus = index.entry[whole.id].focus
    named = [t for t in ask.terms if t.proper or (t.known and not strength(t.keys, focus))]
    if not any(strength(t.keys, rest_keys) for t in named):
        return None
    if not all(strength(t.keys, rest_keys) for t in named if t.proper):
        return None
    if best.part_of and best.qualifier:
        said = keyset(best.qualifier)
        if all(strength(t.keys, said) for t in named if strength(t.keys, rest_keys)):
            return None  # the question names the part's own giver
    unit: str | None
    if all(p.kind == "percent" for p in parts):
        total, unit, whole_text = 100.0, "percent", f"100 percent of the {whole.measure}"
    elif all(p.unit == whole.unit for p in parts):
        total, unit, whole_text = whole.value, whole.unit, f"{whole.surface} {ref(whole)}"
    else:
        return None
    value = total - sum(p.value for p in parts)
    result = computed(value, unit)
    minus = " − ".join(f"{p.surface} {ref(p)}" for p in parts)
    working = f"{whole_text} − {minus} = {result}, the rest."
    of = f" of the {whole.measure}" if whole.measure and unit != "percent" else ""
    text = f"{cap(result)}: the rest{of} {came}."
    return derived(index, text, result, working, [whole, *parts], score)


def _whole_before(index: FactIndex, part: Fact) -> Fact | None:
    """The nearest amount before ``part``'s sentence of the same kind and unit and larger:
    the whole a part said with "the rest" is of."""
    here = index.position[part.id]
    before = [
        f
        for f in (e.fact for e in index.by_article[part.article])
        if index.position[f.id] < here
        and f.sentence != part.sentence
        and f.kind == part.kind
        and f.unit == part.unit
        and f.value > part.value
        and f.equivalent_of is None
        and f.part_of is None
        and f.change_of is None
    ]
    return before[-1] if before else None


# The verb left out of a second clause: "of which the state paid 2.6 billion and the two
# municipalities the rest".
_REST_GAPPED = re.compile(
    r"\b(?:and|while)\s+(?P<h>(?:the|its|their|a|two|three|four|several)\b[^,;()]{2,50}?)\s+"
    r"the\s+(?:rest|remainder|balance)\b",
    re.IGNORECASE,
)


def rest_holder(index: FactIndex, whole: Fact) -> tuple[str, str] | None:
    """Who the rest of ``whole`` is from, as the sentence says it, and how to say it:
    ("from the owner", "came from the owner"), ("the club", "the
    club paying it")."""
    text = index.sentences[whole.sentence].text
    if m := _REST.search(text):
        return m.group("q"), f"{(m.group('v') or 'came ').strip()} {m.group('q')}"
    if m := _REST_BY.search(text):
        holder = re.split(r"\b(?:and|with|while)\s+", m.group("h").strip())[-1]
        return holder, f"from {holder}"
    if m := _REST_GAPPED.search(text):
        return m.group("h"), f"from {m.group('h')}"
    return None


def excluding(search: Search, ask: Question) -> Answer | None:
    """ "How many were neither students nor retired teachers?", "... outside Spain",
    "... not from Japan": a whole less the parts the question leaves out."""
    m = EXCLUDE_Q.search(ask.text)
    if not m:
        return None
    phrases = [g for g in m.groups() if g]
    left_out = {w for p in phrases for w in words(p)}
    cue_words = set(words(m.group(0))) - left_out
    terms = [t for t in ask.terms if t.word not in left_out and t.word not in cue_words]
    wholes = [
        w
        for w in search.candidates(ask, None, terms)
        if w.fact.id in search.index.parts and w.fact.kind != "percent"
    ]
    if not wholes:
        return abstain(ask)
    whole = wholes[0].fact
    parts = [
        f
        for f in search.index.parts.get(whole.id, [])
        if f.unit == whole.unit or f.kind == whole.kind == "count"
    ]
    out: list[Fact] = []
    for phrase in phrases:
        pk = [search.index.term(w) for w in words(phrase) if w not in STOP_WORDS]
        hit = [
            p
            for p in parts
            if all(
                strength(
                    t.keys,
                    keyset(" ".join(x for x in (p.qualifier, p.unit) if x))
                    | search.index.entry[p.id].focus,
                )
                for t in pk
            )
        ]
        if not hit:
            return abstain(
                ask, f"they do not say how many of the {label(search.index, whole)} that leaves"
            )
        out += [p for p in hit if p not in out]
    value = whole.value - sum(p.value for p in out)
    result = computed(value, whole.unit)
    minus = " − ".join(f"{amount_text(p)} {ref(p)}" for p in out)
    working = f"{amount_text(whole)} {ref(whole)} − {minus} = {result}."
    return derived(search.index, f"{cap(result)}.", result, working, [whole, *out], wholes[0].score)


def _said_after(search: Search, part: Fact, terms: list[Term]) -> int:
    """How many of ``terms`` the words after a part say, up to the next amount ("620 of
    them in North America")."""
    s = search.index.sentences[part.sentence]
    ends = [f.start for f in search.index.by_sentence[part.sentence] if f.start > part.end]
    after = s.text[part.end - s.start : min(ends, default=s.end) - s.start]
    said = keyset(after)
    return sum(1 for t in terms if strength(t.keys, said))


def _partitive(search: Search, whole: Fact) -> Fact | None:
    """ "9 of the 11 peaks": a bare number of the whole's sentence said with "of" before
    it, smaller than the whole, is a part of it."""
    s = search.index.sentences[whole.sentence]
    for f in search.index.by_sentence[whole.sentence]:
        between = s.text[f.end - s.start : whole.start - s.start]
        if (
            f.kind in ("count", "number")
            and f.id != whole.id
            and 0 < f.value < whole.value
            and re.fullmatch(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", between)
        ):
            return f
    return None


def divisor(ask: Question) -> list[str]:
    """What a ratio question divides by: "employee" in "revenue per employee", "bed of
    capacity" in "cost per bed of capacity"; [] when it names none."""
    m = PER_PHRASE.search(ask.text)
    if not m:
        return []
    out: list[str] = []
    ws = words(m.group(1))
    for i, w in enumerate(ws):
        if w == "of" and out and i + 1 < len(ws):
            continue  # "per bed of capacity": the capacity is the divisor too
        # the word right after "per" is its noun, whatever else it may ask ("per share")
        asks = w in QUESTION_WORDS and bool(out)
        if w in BOUNDARY or w in STOP_WORDS or w in LIGHT_WORDS or asks:
            break
        out.append(w)
    return out


def per(search: Search, ask: Question, divisor_words: list[str]) -> Answer | None:
    """A ratio: a figure stated per the divisor, or one figure divided by another of the
    same article."""
    divisor_terms = [search.index.term(w) for w in divisor_words]
    stated = [
        d
        # the divisor is among the words a figure stated per it is found by ("per share")
        for d in search.candidates(ask, None, (*ask.terms, *divisor_terms))
        if d.fact.measure
        and " per " in d.fact.measure
        and all(strength(t.keys, keyset(d.fact.measure)) for t in divisor_terms)
    ]
    if stated and search.time_fits(stated[0].fact, ask):
        return in_unit(search.index, stated[0].fact, ask, stated[0].score)
    unit = asked_unit("in " + " ".join(divisor_words))
    rest = [t for t in ask.terms if t.word not in divisor_words]
    year = search.target_year(ask)
    numerators = [
        n
        for n in search.candidates(ask, None, rest)
        if search.time_fits(n.fact, ask, year)
        and n.fact.kind != "percent"
        and (unit is None or n.fact.unit != unit)
    ]
    if unit:
        dens = search.rank(
            divisor_terms, lambda f: f.unit == unit and f.equivalent_of is None
        ) or search.rank([], lambda f: f.unit == unit and f.equivalent_of is None)
    else:
        dens = [d for d in search.candidates(ask, {"count"}, divisor_terms)]
    if not numerators or not dens:
        return search.nothing(ask)
    num = numerators[0]
    same = [d for d in dens if d.fact.article == num.fact.article and d.fact.id != num.fact.id]
    if not same:
        return None
    den = same[0].fact
    value = num.fact.value / den.value
    each = singular_noun(str(den.unit))
    result = computed(value, num.fact.unit)
    what = "" if num.fact.kind == "count" else f" ({label(search.index, num.fact)})"
    working = (
        f"{amount_text(num.fact)}{what} {ref(num.fact)} ÷ "
        f"{amount_text(den)} {ref(den)} ≈ {result} per {each}."
    )
    return derived(
        search.index,
        f"About {result} per {each}.",
        f"about {result} per {each}",
        working,
        [num.fact, den],
        min(num.score, 1.0),
    )


def share(search: Search, ask: Question) -> Answer | None:
    stated = search.candidates(ask, {"percent"})
    if stated and stated[0].fact.measure and stated[0].fact.measure.startswith("share"):
        if rest := remainder(search.index, stated[0].fact, ask, stated[0].score):
            return rest  # a share stated for some, "with X covering the remainder"
        return direct(search.index, stated[0].fact, stated[0].score)
    m = re.search(r"\bof\s+(?:the\s+)?((?:[\w'-]+\s*){1,4})", ask.text)
    if not m:
        return None
    whole_words: list[str] = []
    for w in words(m.group(1)):
        if w in BOUNDARY or w in LIGHT_WORDS or w in QUESTION_WORDS:
            break
        if w not in STOP_WORDS:
            whole_words.append(w)
    whole_terms = [search.index.term(w) for w in whole_words]
    part_terms = [t for t in ask.terms if t.word not in whole_words]
    if not whole_terms or not part_terms:
        return None
    wholes = [w for w in search.candidates(ask, None, whole_terms) if w.fact.kind != "percent"]
    if not wholes:
        return search.nothing(ask)
    wholes.sort(key=lambda w: (w.fact.id not in search.index.parts, -w.score))
    whole = wholes[0].fact
    # A part its sentence states of the whole ("2,850 robots, 620 of them in ...") is in
    # the whole's unit, whatever the fact reader made of it.
    told = [p for w, p in partitions(search, whole.sentence) if w.id == whole.id]
    told_ids = {p.id for p in told}
    if NEGATED.search(ask.text):
        return _rest_share(search, whole, wholes[0].score)
    parts = [
        p
        for p in search.candidates(ask, None, part_terms)
        if p.fact.id != whole.id
        and p.fact.article == whole.article
        and (
            p.fact.unit == whole.unit
            or p.fact.kind == whole.kind == "count"
            or p.fact.id in told_ids
        )
    ]
    parts.sort(
        key=lambda p: (
            p.fact.part_of != whole.id and p.fact.id not in told_ids,
            -_said_after(search, p.fact, part_terms),
            -p.score,
        )
    )
    told.sort(key=lambda p: -_said_after(search, p, part_terms))
    part = parts[0].fact if parts else (told[0] if told else _partitive(search, whole))
    if part is None:
        return None
    value = 100 * part.value / whole.value
    result = computed(value, "percent")
    working = (
        f"{amount_text(part)} {ref(part)} ÷ {amount_text(whole)} {ref(whole)} × 100 ≈ {result}."
    )
    return derived(
        search.index,
        f"About {result}.",
        f"about {result}",
        working,
        [part, whole],
        # A part read from the whole's own sentence ("9 of the 11") is as sure as the whole.
        min(wholes[0].score, parts[0].score) if parts else wholes[0].score,
    )


def _rest_share(search: Search, whole: Fact, score: float) -> Answer | None:
    """The share of a whole its one stated part leaves ("What percentage of the voters did
    not vote?" of "of the 164,000 voters, 84,000 cast a ballot"); None when the whole has
    no single stated part to take away."""
    parts = search.index.parts.get(whole.id, [])
    if len(parts) != 1:
        return None
    part = parts[0]
    value = 100 * (whole.value - part.value) / whole.value
    result = computed(value, "percent")
    working = (
        f"({amount_text(whole)} {ref(whole)} − {amount_text(part)} {ref(part)}) ÷ "
        f"{amount_text(whole)} × 100 ≈ {result}."
    )
    return derived(
        search.index, f"About {result}.", f"about {result}", working, [part, whole], score
    )
