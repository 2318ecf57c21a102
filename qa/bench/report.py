"""The results as text tables and as a JSON file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rows(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    line = "  ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True))
    return [line, *("  ".join(f"{c:>{w}}" for c, w in zip(r, widths, strict=True)) for r in rows)]


def format_table(results: dict[str, Any]) -> str:
    """The results as plain-text tables, one per section, then the targets."""
    m = results["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}, "
        f"Python {m['python']}" + (" (quick run)" if results.get("quick") else "")
    ]
    answers = results.get("answers")
    if answers:
        lines += [
            "",
            f"In-process answers: {answers['cases']} cases x {answers['repeats']} "
            f"(engine built in {answers['engine_build_ms']:.0f} ms)",
        ]
        rows = [
            [kind, str(s["n"]), _ms(s["p50_ms"]), _ms(s["p95_ms"])]
            for kind, s in [
                *answers["by_kind"].items(),
                ("all", answers["all"]),
                ("repeated (answer cache)", answers["repeated"]),
            ]
        ]
        lines += _rows(["answer", "n", "p50 ms", "p95 ms"], rows)
    http_ = results.get("http")
    if http_:
        lines += [
            "",
            f"HTTP on loopback: {http_['server']}, {http_['clients']} clients, "
            f"{http_['rounds']} alternating rounds",
        ]
        rows = [
            [
                name,
                str(r["requests"]),
                f"{r['rps']:.0f}",
                _ms(r["p50_ms"]),
                _ms(r["p95_ms"]),
                _ms(r["server_cpu_ms"]),
                str(r["errors"]),
            ]
            for name, r in (
                ("GET /healthz", http_["healthz"]),
                ("POST /ask", http_["ask"]),
                ("POST /ask, no answer cache", http_["ask_uncached"]),
            )
        ]
        header = ["endpoint", "requests", "req/s", "p50 ms", "p95 ms", "server CPU ms", "errors"]
        lines += _rows(header, rows)
        if http_["ratio"] is not None:
            lines.append(f"POST /ask / GET /healthz throughput: {http_['ratio']:.0%}")
        if http_.get("uncached_ratio") is not None:
            lines.append(
                "The same with every answer worked out (no answer cache): "
                f"{http_['uncached_ratio']:.0%}"
            )
        if http_.get("cpu_ratio") is not None:
            lines.append(
                f"The same from server CPU per request (healthz / ask): {http_['cpu_ratio']:.0%}"
            )
    scale = results.get("scale")
    if scale:
        lines += [
            "",
            f"Scale: BM25 ({scale['variant']}) on generated corpora; query = top 10 "
            f"of {scale['queries']} queries; rank_bm25 get_scores on "
            f"{scale['reference_queries']}",
        ]
        rows = []
        for r in scale["rows"]:
            mem = r.get("memory_mib")
            ref_mem = r.get("rank_bm25_memory_mib")
            rows.append(
                [
                    f"{r['passages']:,}",
                    f"{r['build_s']:.2f}",
                    f"{r['rank_bm25_build_s']:.2f}",
                    "-" if mem is None else f"{mem:.0f}",
                    "-" if ref_mem is None else f"{ref_mem:.0f}",
                    _ms(r["query"]["p50_ms"]),
                    _ms(r["query"]["p95_ms"]),
                    _ms(r["rank_bm25_get_scores"]["p50_ms"]),
                    f"{r['speedup']:.0f}x",
                    f"{r['max_abs_diff']:.1e}",
                ]
            )
        header = [
            "passages",
            "build s",
            "rank_bm25 build s",
            "MiB",
            "rank_bm25 MiB",
            "query p50 ms",
            "p95 ms",
            "rank_bm25 p50 ms",
            "speed-up",
            "max |diff|",
        ]
        lines += _rows(header, rows)
        lines.append(
            "build s and MiB are the whole index, rank_bm25's model (which it keeps) included; "
            "query = get_scores + top 10"
        )
    numeric = results.get("numeric")
    if numeric:
        lines += [
            "",
            f"Numeric questions: {numeric['questions']} x {numeric['repeats']} on generated "
            "corpora (copies of the project's articles); no answer cache",
        ]
        rows = [
            [
                f"{r['articles']:,}",
                f"{r['facts']:,}",
                f"{r['build_s']:.1f}",
                _ms(r["ask"]["p50_ms"]),
                _ms(r["ask"]["p95_ms"]),
                _ms(r["rule_layer"]["p50_ms"]),
                _ms(r["rule_layer"]["p95_ms"]),
            ]
            for r in numeric["rows"]
        ]
        header = ["articles", "facts", "build s", "ask p50 ms", "p95 ms", "rules p50 ms", "p95 ms"]
        lines += _rows(header, rows)
    if results.get("corpus"):
        lines += ["", *corpus_lines(results["corpus"])]
    if results.get("targets"):
        lines += ["", "Targets:"]
        for t in results["targets"]:
            value = t["value"]
            shown = f"{value:.3g}" if isinstance(value, float) else str(value)
            lines.append(f"  [{'met' if t['met'] else 'MISSED'}] {t['target']} ({shown})")
    return "\n".join(lines)


def corpus_lines(c: dict[str, Any]) -> list[str]:
    """The corpus section: start-up, reload, memory per process and /ask latency."""
    lines = [
        f"qa serve on {c['articles']:,} articles ({c['sentences']:,} sentences, "
        f"{c['characters'] / 2**20:.1f} MB of text), {c['workers']} workers:",
        f"  cold start (every sentence parsed): {c['cold_start_s']:.1f} s",
        f"  warm start (parses from the cache): {c['warm_start_s']:.1f} s",
        f"  one article replaced through PUT, until /healthz reports it: {c['reload_s']:.1f} s",
        "",
    ]
    memory = [("", c)]
    if c.get("smaller"):
        memory.append((f" ({c['smaller']['articles']:,} articles)", c["smaller"]))
    rows = [
        [f"{p['role']}{label}", f"{p['rss_mib']:.0f}", f"{p['pss_mib']:.0f}", f"{p['uss_mib']:.0f}"]
        for label, part in memory
        for p in part["memory"]["processes"]
    ]
    lines += _rows(["process", "RSS MiB", "PSS MiB", "USS MiB"], rows)
    lines.append(f"  all processes: {c['memory']['total_pss_mib']:.0f} MiB (PSS)")
    lines += ["", f"/ask one at a time, answer cache off, on {c['articles']:,} articles:"]
    rows = [
        [group, str(s["n"]), str(s["answered"]), _ms(s["p50_ms"]), _ms(s["p95_ms"])]
        for group, s in c["ask"].items()
    ]
    return lines + _rows(["questions", "n", "answered", "p50 ms", "p95 ms"], rows)


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
