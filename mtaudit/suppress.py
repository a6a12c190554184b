"""Suppression of findings a reviewer has already accepted, between the checks and the scores.

- Accepted terms (`accept = [...]` in the config, like a Vale vocabulary): a finding whose
  flagged words equal an accepted term, ignoring case, is dropped.
- A suppressions file, like ESLint's bulk suppressions: `mtaudit check --write-suppressions FILE`
  records every finding of a run, and `--suppressions FILE` drops those findings in later runs.
  A finding is known by its file, its rule, its words and the words of its sentence, so it
  stays suppressed when other parts of the file change; a recorded finding suppresses as many
  findings as were recorded with the same fingerprint, so a new copy of an old mistake shows.

The file is JSON: {"version": 1, "files": {path: {fingerprint: count}}}, paths as given on the
command line.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Mapping, Sequence

from mtaudit.model import Finding, Report

FORMAT_VERSION = 1


class SuppressionsError(Exception):
    pass


def fingerprint(text: str, sentence: tuple[int, int], finding: Finding) -> str:
    """Rule, flagged words and sentence words of `finding`, hashed; offsets play no part."""
    words = " ".join(text[sentence[0]:sentence[1]].split())
    key = "\0".join((finding.rule, text[finding.start:finding.end], words))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def suppress(text: str, keyed: Sequence[tuple[Finding, str]], accept: Sequence[str] = (),
             known: Mapping[str, int] | None = None) -> tuple[list[tuple[Finding, str]], int]:
    """The (finding, fingerprint) pairs left after the accepted terms and the `known`
    fingerprints, and how many went."""
    accepted = {term.casefold() for term in accept}
    remaining = Counter(known or {})
    kept = []
    for finding, key in keyed:
        if text[finding.start:finding.end].casefold() in accepted:
            continue
        if remaining[key] > 0:
            remaining[key] -= 1
            continue
        kept.append((finding, key))
    return kept, len(keyed) - len(kept)


def load_suppressions(path: str) -> dict[str, dict[str, int]]:
    """The recorded fingerprints by file; a file that cannot be used raises one clear line."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SuppressionsError(f"{path}: suppressions file not found") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SuppressionsError(f"{path}: cannot read suppressions: {exc}") from None
    files = data.get("files") if isinstance(data, dict) and data.get("version") == FORMAT_VERSION else None
    if not isinstance(files, dict) or not all(
        isinstance(counts, dict) and all(isinstance(n, int) and n > 0 for n in counts.values())
        for counts in files.values()
    ):
        raise SuppressionsError(f"{path}: not an mtaudit suppressions file (version {FORMAT_VERSION})")
    return files


def write_suppressions(path: str, report: Report) -> int:
    """Record every finding of `report` in `path` (replaced atomically); returns how many."""
    files = {}
    for file in sorted(report.files, key=lambda f: f.path):
        counts = Counter(located.fingerprint for located in file.findings)
        if counts:
            files[file.path] = dict(sorted(counts.items()))
    data = json.dumps({"version": FORMAT_VERSION, "files": files}, indent=2, ensure_ascii=False) + "\n"
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp") as out:
        out.write(data)
    os.replace(out.name, path)
    return sum(sum(counts.values()) for counts in files.values())
