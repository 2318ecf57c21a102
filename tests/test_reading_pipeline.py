"""The English pipeline: the right model, sentences parsed once and kept by content."""

from __future__ import annotations

import pytest

from qa.engine import Engine
from qa.reading import pipeline
from qa.reading.parses import ParseCache, cache_key, parse_texts
from qa.types import Sentence

# The official en_core_web_sm 3.8.0 release's accuracy figures: a different model (another
# version, or a look-alike package) has other numbers.
OFFICIAL = {"tag_acc": 0.972937262, "ents_f": 0.8433119744, "dep_las": 0.8991533598}


def test_the_pipeline_is_the_official_english_small_model():
    nlp = pipeline.load()
    assert nlp.meta["lang"] == "en"
    assert nlp.meta["version"] == "3.8.0"
    for name, value in OFFICIAL.items():
        assert nlp.meta["performance"][name] == pytest.approx(value, abs=1e-9), name
    assert set(pipeline.NEEDED) <= set(nlp.pipe_names)


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(pipeline.ModelError, match="not installed"):
        pipeline.load("no_such_spacy_model_pkg")


def _sentences(*texts: str) -> list[Sentence]:
    out, start = [], 0
    for i, text in enumerate(texts):
        out.append(Sentence(f"a:s{i}", "a", i, 0, start, start + len(text), text))
        start += len(text) + 1
    return out


def test_each_sentence_is_parsed_alone_with_tags_entities_and_a_tree(tmp_path):
    sentences = _sentences(
        "Maria Lopez opened a bakery in Lisbon in 2015.", "It employs 40 people."
    )
    [docs] = parse_texts(pipeline.load(), [[s.text for s in sentences]], ParseCache(tmp_path))
    assert [d.text for d in docs] == [s.text for s in sentences]
    first = docs[0]
    assert ("Maria Lopez", "PERSON") in [(e.text, e.label_) for e in first.ents]
    assert ("2015", "DATE") in [(e.text, e.label_) for e in first.ents]
    opened = next(t for t in first if t.text == "opened")
    assert opened.dep_ == "ROOT" and opened.lemma_ == "open"
    assert {c.dep_ for c in opened.children} >= {"nsubj", "dobj"}
    # Token offsets are relative to their sentence; the sentence's start places them.
    s = sentences[1]
    people = next(t for t in docs[1] if t.text == "people")
    assert (s.start + people.idx) == s.start + s.text.index("people")


def test_parses_are_kept_on_disk_and_read_back_identically(tmp_path):
    nlp = pipeline.load()
    sentences = _sentences("The council approved a budget of 12 million euros on Monday.")
    cache = ParseCache(tmp_path)
    [fresh] = parse_texts(nlp, [[s.text for s in sentences]], cache)
    assert (tmp_path / f"{cache_key(nlp, [s.text for s in sentences])}.spacy").is_file()
    [again] = parse_texts(nlp, [[s.text for s in sentences]], cache)
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in fresh[0]] == [
        (t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in again[0]
    ]


def test_a_damaged_cache_file_is_parsed_again(tmp_path):
    nlp = pipeline.load()
    sentences = _sentences("Rivers flood in spring.")
    (tmp_path / f"{cache_key(nlp, [s.text for s in sentences])}.spacy").write_bytes(b"not a docbin")
    [docs] = parse_texts(nlp, [[s.text for s in sentences]], ParseCache(tmp_path))
    assert docs[0].text == "Rivers flood in spring."


def test_a_changed_text_is_parsed_again(tmp_path):
    nlp = pipeline.load()
    a = _sentences("Prices rose by 3 percent.")
    b = _sentences("Prices fell by 3 percent.")
    assert cache_key(nlp, [s.text for s in a]) != cache_key(nlp, [s.text for s in b])


def test_the_engine_holds_one_parse_per_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_PARSE_CACHE", str(tmp_path))
    engine = Engine.from_corpus()
    assert len(engine.docs) == len(engine.sentences)
    assert all(d.text == s.text for d, s in zip(engine.docs, engine.sentences, strict=True))
    assert list(tmp_path.glob("*.spacy"))
