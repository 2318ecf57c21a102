"""Measuring: durations summarised as percentiles, memory under tracemalloc, the machine."""

from __future__ import annotations

import os
import platform
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from qa.errors import QAError

T = TypeVar("T")


class BenchError(QAError):
    """A benchmark could not run (the server did not start, no test set, ...)."""


def summarise(ms: Sequence[float]) -> dict[str, Any]:
    """Count, p50, p95 and mean of durations in milliseconds (None for an empty list)."""
    if not ms:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "mean_ms": None}
    a = np.asarray(ms, dtype=float)
    return {
        "n": int(a.size),
        "p50_ms": float(np.percentile(a, 50)),
        "p95_ms": float(np.percentile(a, 95)),
        "mean_ms": float(a.mean()),
    }


def time_each(fn: Callable[[T], Any], items: Sequence[T]) -> list[float]:
    """Milliseconds each call ``fn(item)`` takes, in order."""
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return out


def machine() -> dict[str, Any]:
    """What the figures were measured on: CPU model, cores, memory, OS and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (AttributeError, ValueError, OSError):
        ram = None
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": cpu,
        "cores": len(usable) if usable else os.cpu_count(),
        "ram_gib": None if ram is None else round(ram, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


def traced_mib(build: Callable[[], Any]) -> tuple[float, float, Any]:
    """(retained MiB, peak MiB, result) of ``build()`` under tracemalloc."""
    tracemalloc.start()
    try:
        result = build()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return current / 2**20, peak / 2**20, result
