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


def group_memory(group: int) -> list[dict[str, Any]]:
    """Memory of each live process of process ``group`` (Linux; none elsewhere), in MiB:
    ``rss`` (resident), ``pss`` (resident, shared pages split among their sharers: what the
    processes add up to) and ``uss`` (private: what ending the process would free).
    ``role`` is "master" for the group's leader, else "worker"."""
    rows = []
    try:
        pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
    except OSError:
        return []
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[2]) != group:
                continue
            kib = _smaps_rollup(pid)
        except (OSError, ValueError, IndexError):
            continue  # gone since the listing
        rows.append(
            {
                "pid": pid,
                "role": "master" if pid == group else "worker",
                "rss_mib": kib.get("Rss", 0) / 1024,
                "pss_mib": kib.get("Pss", 0) / 1024,
                "uss_mib": (kib.get("Private_Clean", 0) + kib.get("Private_Dirty", 0)) / 1024,
            }
        )
    return rows


def _smaps_rollup(pid: int) -> dict[str, int]:
    """The kB figures of /proc/<pid>/smaps_rollup by name."""
    out = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        fields = rest.split()
        if len(fields) == 2 and fields[1] == "kB":
            out[name] = int(fields[0])
    return out
