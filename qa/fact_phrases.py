"""The words of a sentence as the fact reader needs them: tokens, noun phrases, the main
clause's subject, relative clauses and their antecedents, and what a bare number counts.

General English only; nothing here is about one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import Quantity

# --- words ------------------------------------------------------------------------------


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[A-Za-z0-9$€£¥][\w'&$-]*(?:\.\d+)?|[^\w\s]")
AUX = wordset(
    """
    is are was were be been being has have had will would can could shall should may might
    must do does did 's
    """
)
PREPOSITIONS = wordset(
    """
    in on at by for with from to into onto over under about after before since during of
    than as per between among through across against toward towards within without via
    including like near
    """
)
DETERMINERS = wordset(
    """
    the a an its their his her our this that these those each every some any all both
    """
)
PRONOUNS = wordset("it they this these he she we that")
CONJ = wordset("and or but")
RELATIVE_WORDS = wordset("which who whom whose where that when")
# Common verbs that end neither in -ed nor -ing and so need naming; general English.
VERBS = wordset(
    """
    show shows say says said spans span covers cover employs employ represents represent
    includes include reached reach hit hits rose rise rises grew grow grows fell fall falls
    makes make made sold sell sells cost costs spent spend spends paid pay pays got get gets
    holds hold held owns own runs run ran took take takes brought bring brings gave give
    gives became become becomes remains remain expects expect plans plan aims aim hopes hope
    wants want needs need houses house hosts host attracts attract saw see sees went go goes
    came come comes built build builds won win wins lost lose loses kept keep keeps began
    begin begins led lead leads stood stand stands totals total amounts amount accounts
    account generates generate produces produce exports export imports import earns earn
    serves serve has have had is are was were will
    sent send sends bought buy buys drew drove fed felt found flew gave hung heard knew laid
    left lent meant met put quit rode rang sought shook shot shut sang sank sat slept spoke
    spread stole stuck struck swam taught told thought threw understood wore wrote carries
    carry weighs weigh seats seat accommodates accommodate died lies lay lives live handles
    handle attends attend visits visit watches watch opens open closes close joins join
    receives receive welcomes welcome serves sees draws draw contains contain
    """
)
# Adverbs that may stand between a subject and its verb ("Kestrel Park first opened").
ADVERBS = wordset(
    """
    first last now also then later still already once soon never ever just originally
    initially currently recently officially finally eventually previously formerly directly
    jointly together again only
    """
)
_ADJECTIVE_ENDINGS = (
    "al",
    "ic",
    "ive",
    "ous",
    "ary",
    "ful",
    "less",
    "able",
    "ible",
    "ant",
    "ent",
    "ar",
    "ish",
    "ese",
    "an",
)
# Measure nouns that a money or physical amount can stand for ("a capacity of 600 MW").
MEASURE_NOUNS = wordset(
    """
    investment investments value revenue revenues income sales turnover profit profits
    earnings output capacity cost costs price prices budget area population gdp debt debts
    loss losses spending expenditure funding fund funds capital valuation worth tax taxes
    subsidy subsidies salary salaries wage wages fee fees fine fines loan loans deposit
    deposits exports imports trade volume production generation consumption demand supply
    height length width depth distance weight speed temperature rate share stake deal
    contract bonus reward prize donation donations aid grant grants dividend dividends
    elevation altitude diameter radius circumference thickness
    """
)
GENERIC_NOUNS = wordset("total sum number amount figure level record tally")
_PLURALIA = wordset(
    """
    sales earnings exports imports assets savings news goods proceeds funds taxes species
    series means
    """
)
_IRREGULAR_COUNT_NOUNS = wordset(
    """
    people staff personnel children men women police cattle sheep fish deer aircraft
    offspring youth
    """
)


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    return [
        Tok(m.group(), m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])
    ]


def is_verbish(tok: Tok, prev: Tok | None) -> bool:
    w = tok.low
    if w in AUX:
        return True
    if w in VERBS:  # "the cost", "its seats", "operating costs": nouns
        if prev is not None and prev.low.endswith("ing") and w.endswith("s"):
            return not prev.text[0].islower()
        return prev is None or prev.low not in DETERMINERS or prev.low == "that"
    if not tok.text[0].islower():
        return False
    if w.endswith("ed") and len(w) > 4 and (prev is None or prev.low not in DETERMINERS):
        return True
    return w.endswith("ly") and len(w) > 4 and w not in ("family", "supply", "italy", "july")


def is_adjective(word: str) -> bool:
    w = word.lower()
    return w.endswith(_ADJECTIVE_ENDINGS) and not w.endswith(("ment", "ent's"))


def singular(word: str) -> str:
    """A plural noun's singular, for measures distributed over a coordination."""
    w = word
    if w.lower() in _PLURALIA or not w.lower().endswith("s") or w.lower().endswith("ss"):
        return w
    if w.lower().endswith("ies"):
        return w[:-3] + "y"
    if re.search(r"(?:ch|sh|x|ss)es$", w.lower()):
        return w[:-2]
    return w[:-1]


_NUMBER_IN_PHRASE = re.compile(
    r"(?<![\w$])[$€£¥]?\d[\d,.]*(?:\s+(?:million|billion|thousand|trillion))?\b"
)


def _drop_number(m: re.Match[str]) -> str:
    """A number goes from a label, but not a name's ("Route 7", "Line 4")."""
    before = m.string[: m.start()]
    return m.group() if re.search(r"\b[A-Z][a-z]+\s$", before) else ""


def clean_phrase(text: str) -> str | None:
    """A noun phrase as a label: numbers and spare spaces gone, a leading "The" lower-cased."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = _NUMBER_IN_PHRASE.sub(_drop_number, text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:\"'")
    if not text:
        return None
    first, _, rest = text.partition(" ")
    if first.lower() in DETERMINERS:
        text = first.lower() + (" " + rest if rest else "")
    return text or None


# --- clauses, subjects and antecedents --------------------------------------------------

_REPORTING = re.compile(
    r"^\W*(?:(?:statistics|data|figures|reports?|records|surveys?|studies|officials?|experts?|"
    r"analysts?)\s+(?:show|shows|showed|indicate[sd]?|suggest(?:s|ed)?|say|says|said|found)"
    r"\s+(?:that\s+)?|according\s+to\s+[^,]+,\s*|[A-Z][\w\s.'-]{0,40}?\s+(?:said|says)\s+"
    r"(?:that\s+)?)",
    re.IGNORECASE,
)
# A leading phrase before the subject, up to its comma (a comma inside a number does not
# count): "In 2021, ...", "With a population of 214,300 at the 2021 census, ...", and a
# following "up from 198,700 in 2011, ...".
_LEADING_ADVERBIAL = re.compile(
    r"^\W*(?:(?:in|on|at|by|since|during|after|before|last|this|next|over|of|for|meanwhile|"
    r"however|also|besides|moreover|currently|now|so far|to date|as of|with|up\s+from|"
    r"down\s+from|compared\s+(?:with|to)|once|when|while|although|despite|following|"
    r"under|until|unlike|like|as)\b(?:[^,]|,(?=\d)){0,80},\s*)",
    re.IGNORECASE,
)
# "In 1898 he opened ...": a leading date without its comma.
_LEADING_DATE = re.compile(
    r"^\W*(?:in|by|since|during|from)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?"
    r"(?:1[0-9]\d\d|20\d\d)\s+(?=[a-zA-Z])",
    re.IGNORECASE,
)
# ", the Harbour Line, runs": a name in apposition to a subject that is no name.
_APPOSITION = re.compile(r"^\s*,\s*(?P<np>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s*,")
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?P<rel>(?:which|who|where|whose)\b[^,;]*"
    # ", founded in 1883,": a participle clause closed by a comma says when its noun began.
    r"|(?:[a-z]+ed|built|born|begun|founded|set\s+up|completed|opened)\s+(?:in|on|by|at|during)"
    r"\s+[^,;]{1,40}(?=,))"
)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    owner: str | None  # antecedent of a relative clause; None for the main clause
    relative: bool


def leading_end(text: str) -> int:
    """Where the main clause starts, after a reporting frame ("Statistics show that") and
    leading adverbials ("In 2021, ", "In the first three weeks of sales the club ...")."""
    m = _REPORTING.match(text)
    start = m.end() if m else 0
    for _ in range(3):
        m2 = _LEADING_DATE.match(text[start:]) or _LEADING_ADVERBIAL.match(text[start:])
        if not m2 or _has_verb(text, start, start + m2.end()):
            break
        start += m2.end()
    return start + _leading_pp(text, start)


def _has_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a finite verb after its first word (then it is a
    clause, not a leading phrase)."""
    toks = word_tokens(text, start, end)
    return any(is_verbish(tok, toks[i]) for i, tok in enumerate(toks[1:]) if tok.low not in AUX)


_PP_START = wordset("in on during over for after before at within throughout since across")


def _leading_pp(text: str, start: int) -> int:
    """Length of a leading prepositional phrase without its comma: "In the first three weeks
    of sales" before "the club sold"; 0 when the text does not start with one."""
    toks = word_tokens(text, start, min(len(text), start + 120))
    if len(toks) < 4 or toks[0].low not in _PP_START:
        return 0
    i = 1
    for _ in range(2):  # a noun phrase, then perhaps "of" and another
        if i < len(toks) and toks[i].low in DETERMINERS:
            i += 1
        while i < len(toks) and toks[i].text[0].isalnum() and toks[i].low not in DETERMINERS:
            if toks[i].low in PREPOSITIONS or is_verbish(toks[i], toks[i - 1]):
                break
            i += 1
        if i < len(toks) and toks[i].low == "of":
            i += 1
            continue
        break
    if i >= len(toks) - 1 or toks[i].text in ",;:":
        return 0
    nxt = toks[i]
    if nxt.low in DETERMINERS | PRONOUNS or nxt.text[0].isupper():
        return nxt.start - start
    return 0


def subject_of(text: str) -> tuple[str | None, int]:
    """The main clause's subject (a noun phrase) and where it ends."""
    start = leading_end(text)
    toks = word_tokens(text, start)
    words: list[Tok] = []
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        if tok.text in ',;:()"' or tok.low in RELATIVE_WORDS and words:
            appositive = _APPOSITION.match(text[tok.start :]) if tok.text == "," else None
            if appositive and words and not words[0].text[0].isupper():
                # "the longest, the Harbour Line, runs": the name is the subject.
                np = appositive.group("np")
                return clean_phrase(np), tok.start + appositive.end("np")
            break
        if words and is_verbish(tok, prev):
            break
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            words
            and tok.low in ADVERBS
            and nxt is not None
            and (is_verbish(nxt, tok) or (nxt.text[0].islower() and nxt.low.endswith("s")))
            and prev is not None
            and prev.low not in DETERMINERS
        ):
            break  # "Kestrel Park first opened", "The stadium now seats", "The library now lends"
        if (
            len(words) >= 2
            and tok.low in DETERMINERS
            and prev is not None
            and prev.low not in PREPOSITIONS | CONJ
            and prev.text[0].islower()
        ):
            words.pop()  # "The panels shade the water": "shade" was the verb
            break
        if (
            words
            and tok.text[0].islower()
            and tok.low.endswith("s")
            and not tok.low.endswith(("ss", "'s", "us", "is"))
            and prev is not None
            and prev.text[0].isalpha()
            and not prev.low.endswith("s")
            and prev.low not in DETERMINERS
            and not is_adjective(prev.text)
            and prev.low not in PREPOSITIONS
            and not prev.text[0].isdigit()
            and not prev.low.endswith("ing")
        ):
            break  # "The farm covers": a singular noun, then a verb in -s
        if not words and tok.text[0] in "\"'":
            continue
        words.append(tok)
        if len(words) > 12:
            return None, start
    if not words:
        return None, start
    return clean_phrase(text[words[0].start : words[-1].end]), words[-1].end


def _antecedent(text: str, comma: int) -> str | None:
    """The noun phrase just before ``comma`` (a relative clause's antecedent)."""
    rate = re.search(r"\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour)\s*$", text[:comma])
    toks = word_tokens(text, 0, rate.start() if rate else comma)
    words: list[Tok] = []
    for tok in reversed(toks):
        if tok.text in ',;:()"':
            break
        w = tok.low
        if w in AUX or w in VERBS or (w.endswith(("ing", "ed")) and tok.text[0].islower()):
            break
        if (
            w in PREPOSITIONS
            and w != "of"
            and not (w == "in" and words and words[-1].text[0].isupper())
        ):
            break
        words.append(tok)
        if w in DETERMINERS:
            break
    if not words:
        return None
    words.reverse()
    return clean_phrase(text[words[0].start : words[-1].end])


def find_clauses(text: str) -> list[Clause]:
    """Relative clauses (", which ...,") with their antecedents; the rest is the main clause."""
    out = []
    for m in _RELATIVE_CLAUSE.finditer(text):
        out.append(Clause(m.start("rel"), m.end("rel"), _antecedent(text, m.start()), True))
    return out


def clause_of(clauses: list[Clause], pos: int) -> Clause | None:
    return next((c for c in clauses if c.start <= pos < c.end), None)


def clause_bounds(text: str, clauses: list[Clause], pos: int) -> tuple[int, int]:
    """The span of the clause holding ``pos``: a relative clause or the main text around it."""
    c = clause_of(clauses, pos)
    if c:
        return c.start, c.end
    start, end = 0, len(text)
    for c in clauses:
        if c.end <= pos:
            start = max(start, c.end)
        elif c.start > pos:
            end = min(end, c.start)
    return start, end


def main_text(text: str, clauses: list[Clause], start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` outside relative clauses."""
    pieces = []
    pos = start
    for c in sorted(clauses, key=lambda c: c.start):
        if c.start >= end:
            break
        if c.end <= pos:
            continue
        if c.start > pos:
            pieces.append((pos, c.start))
        pos = max(pos, c.end)
    if pos < end:
        pieces.append((pos, end))
    return pieces


_SEGMENT_BREAK = re.compile(
    r";\s*|,\s+(?=(?:and|while|but|whereas|although|though|yet|with)\s)|,\s+(?=(?:making|bringing|"
    r"valuing|leaving|taking|giving|becoming)\s)"
)


def segments(text: str) -> list[tuple[int, int]]:
    """The coordinated clauses of a sentence, as spans: split at ";" and before ", and",
    ", while", ", but", ", with" when a verb follows before any number (", and its
    metropolitan area is home to ..."), and before a participle (", making it ...")."""
    cuts = [0]
    for m in _SEGMENT_BREAK.finditer(text):
        if m.group().startswith(",") and text[m.end() :].split(" ", 1)[0] in (
            "and",
            "while",
            "but",
            "whereas",
            "although",
            "though",
            "yet",
            "with",
        ):
            toks = word_tokens(text, m.end(), min(len(text), m.end() + 100))[1:12]
            verb_first = False
            for i, tok in enumerate(toks):
                if tok.text[0].isdigit() or tok.text in ",;(":
                    break
                if is_verbish(tok, toks[i - 1] if i else None) or (
                    tok.low.endswith("ing") and len(tok.low) > 4
                ):
                    verb_first = True
                    break
            if not verb_first:
                continue
        cuts.append(m.end() if m.group().startswith(";") else m.start() + 1)
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def segment_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next(((a, b) for a, b in spans if a <= pos < b), (0, 0))


# --- the counted thing ------------------------------------------------------------------

_COUNT_STOP = wordset(
    """
    more less fewer other others times percent per cent than year-on-year respectively each
    every new-found
    """
)


def plural_noun(word: str) -> bool:
    w = word.lower()
    return (
        w in _IRREGULAR_COUNT_NOUNS
        or (w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) and len(w) > 2)
        or (w.endswith("men") and w not in _NOT_PLURAL_MEN)  # "draughtsmen", "fishermen"
    )


_NOT_PLURAL_MEN = wordset("specimen abdomen omen stamen regimen acumen amen yemen")


def count_phrase(text: str, q: Quantity, starts: set[int]) -> tuple[list[Tok], bool]:
    """Words after a bare number that name what it counts, and whether the phrase shares
    its noun with the next number ("187 doctoral and 589 master's graduates")."""
    toks = word_tokens(text, q.end)
    phrase: list[Tok] = []
    for i, tok in enumerate(toks):
        w = tok.low
        if not (tok.text[0].isalpha()) or w in _COUNT_STOP:
            break
        if w in CONJ:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and nxt.start in starts:
                return phrase, bool(phrase) and not plural_noun(phrase[-1].text)
            if (
                phrase
                and not plural_noun(phrase[-1].text)
                and nxt is not None
                and nxt.text[0].isalpha()
            ):
                phrase.append(tok)  # "national or provincial leading talents"
                continue
            break
        if w in PREPOSITIONS or w in DETERMINERS or w in RELATIVE_WORDS or w in AUX:
            break
        if phrase and is_verbish(tok, phrase[-1]):
            break
        if not phrase and w in VERBS:
            break
        if phrase and plural_noun(phrase[-1].text) and not plural_noun(tok.text):
            break  # "14 countries work on": the counted noun has come
        phrase.append(tok)
        if len(phrase) >= 6:
            break
    while phrase and phrase[-1].low in CONJ:
        phrase.pop()
    return phrase, False


# --- noun phrases ---------------------------------------------------------------------


def np_before(words: str) -> str | None:
    """The noun phrase at the end of ``words``: back to a determiner, verb or preposition."""
    toks = word_tokens(words)
    out: list[Tok] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        w = tok.low
        if tok.text in ',;:()"':
            break
        if w in DETERMINERS:
            out.append(tok)
            break
        if w in PREPOSITIONS and w not in ("of", "in", "at") or w in RELATIVE_WORDS:
            break
        if is_verbish(tok, toks[i - 1] if i else None) or (
            w.endswith("ing") and tok.text[0].islower() and len(w) > 5
        ):
            break
        out.append(tok)
    if not out:
        return None
    out.reverse()
    return words[out[0].start : out[-1].end]


def split_possessive(np: str) -> tuple[str, str | None]:
    """("the city's GDP") → ("GDP", "the city"); ("its capacity") → ("capacity", "its")."""
    m = re.match(r"^(?P<o>.*?\b(?:\w+'s?|its|their|his|her))\s+(?P<m>[^']+)$", np)
    if m and (
        m.group("o").endswith(("'s", "'"))
        or m.group("o").split()[-1].lower() in ("its", "their", "his", "her")
    ):
        owner = m.group("o")
        owner = re.sub(r"'s?$", "", owner)
        return m.group("m"), owner
    return np, None


def split_pp(np: str) -> tuple[str, str | None]:
    """("renewable power generation in Fuzhou") → ("renewable power generation", "Fuzhou")."""
    m = re.match(r"^(?P<m>.+?)\s+(?:in|of|at)\s+(?P<o>.+)$", np)
    if m:
        return m.group("m"), m.group("o")
    return np, None


def strip_det(np: str) -> str:
    return re.sub(
        r"^(?:the|a|an|its|their|his|her|our|this|that)\s+", "", np.strip(), flags=re.IGNORECASE
    )


def measure_noun(np: str) -> bool:
    last = np.split()[-1].lower() if np.split() else ""
    return last in MEASURE_NOUNS
