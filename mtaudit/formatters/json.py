"""The JSON report, version 1 of the contract in shared/spec/report-format.md."""

from __future__ import annotations

import json
from typing import Any

from mtaudit.model import FileReport, LocatedFinding, Report, SentenceReport

FORMAT_VERSION = 1


def _sentence(s: SentenceReport) -> dict[str, Any]:
    return {
        "index": s.index, "start": s.start, "end": s.end, "line": s.line, "column": s.column,
        "score": s.score, "flagged": s.flagged,
        "reference_sentence": s.reference_sentence,
        "similarity": None if s.similarity is None else round(s.similarity, 4),
        "chrf": None if s.chrf is None else round(s.chrf, 2),
    }


def _finding(located: LocatedFinding) -> dict[str, Any]:
    f = located.finding
    return {
        "rule": f.rule, "category": f.category, "severity": f.severity.value, "message": f.message,
        "start": f.start, "end": f.end,
        "line": located.line, "column": located.column,
        "end_line": located.end_line, "end_column": located.end_column,
        "sentence": f.sentence, "suggestion": f.suggestion, "evidence": dict(f.evidence),
        "fingerprint": located.fingerprint,
    }


def file_dict(report: FileReport) -> dict[str, Any]:
    out = {
        "path": report.path,
        "reference": report.reference,
        "language": report.language,
        "score": report.score,
        "stats": {"sentences": len(report.sentences), "words": report.words,
                  "flagged_sentences": report.flagged_sentences, "suppressed": report.suppressed},
        "sentences": [_sentence(s) for s in report.sentences],
        "findings": [_finding(f) for f in report.findings],
    }
    if report.metrics is not None:
        out["metrics"] = dict(report.metrics)
    return out


def render(report: Report) -> str:
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": "mtaudit", "version": report.tool_version},
        "files": [file_dict(f) for f in report.files],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
