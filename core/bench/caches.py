"""This CPU's L2 and L3 caches (Linux sysfs, else ``os.sysconf``, else typical sizes): where a roofline's
memory levels end."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

SYSFS = Path("/sys/devices/system/cpu/cpu0/cache")
LEVELS = (2, 3)
ASSUMED_BYTES = {2: 512 << 10, 3: 8 << 20}  # when neither sysfs nor sysconf says: small for a current CPU
_SYSCONF = {2: "SC_LEVEL2_CACHE_SIZE", 3: "SC_LEVEL3_CACHE_SIZE"}
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


@dataclass(frozen=True)
class Cache:
    """One cache level: the size of one instance, how many logical CPUs share it, and where the size came from."""

    level: int
    size_bytes: int
    shared_by: int
    source: str

    @property
    def name(self) -> str:
        return f"L{self.level}"

    def capacity(self, threads: int, cpus: int) -> int:
        """Bytes ``threads`` threads keep in this level: one instance per ``shared_by`` CPUs they run on."""
        instances = max(1, min(threads, cpus) // max(self.shared_by, 1))
        return self.size_bytes * instances


def parse_size(text: str) -> int | None:
    """``"1024K"`` -> 1048576; None for anything else."""
    match = re.fullmatch(r"\s*([0-9]+)\s*([KMG]?)i?B?\s*", text, re.IGNORECASE)
    return int(match[1]) * _UNITS[match[2].upper()] if match else None


def count_cpus(cpu_list: str) -> int:
    """``"0-3,8"`` -> 5 (a sysfs CPU list); at least 1."""
    total = 0
    for part in cpu_list.strip().split(","):
        low, _, high = part.partition("-")
        if low.strip().isdigit():
            total += int(high) - int(low) + 1 if high.strip().isdigit() else 1
    return max(total, 1)


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


def _from_sysfs(root: Path) -> dict[int, Cache]:
    found: dict[int, Cache] = {}
    for index in sorted(root.glob("index*")):
        level, kind = _read(index / "level"), _read(index / "type")
        size = parse_size(_read(index / "size"))
        if not level.isdigit() or int(level) not in LEVELS or kind == "Instruction" or not size:
            continue
        found[int(level)] = Cache(int(level), size, count_cpus(_read(index / "shared_cpu_list") or "0"), "sysfs")
    return found


def _from_sysconf(level: int, cpus: int) -> Cache | None:
    name = _SYSCONF[level]
    if name not in os.sysconf_names:
        return None
    try:
        size = os.sysconf(name)
    except (OSError, ValueError):
        return None
    return Cache(level, size, 1 if level == 2 else cpus, "sysconf") if size > 0 else None


def read_caches(root: Path = SYSFS, cpus: int | None = None) -> tuple[Cache, ...]:
    """L2 and L3, smallest first: from sysfs, else sysconf, else :data:`ASSUMED_BYTES` (L2 private, L3 shared)."""
    cpus = cpus or os.cpu_count() or 1
    found = _from_sysfs(root)
    caches = []
    for level in LEVELS:
        cache = found.get(level) or _from_sysconf(level, cpus)
        caches.append(cache or Cache(level, ASSUMED_BYTES[level], 1 if level == 2 else cpus, "assumed"))
    return tuple(caches)
