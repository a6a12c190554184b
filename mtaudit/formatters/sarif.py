"""SARIF 2.1.0 (OASIS) for code-scanning services and editors: one run; the rules as
reporting descriptors; each finding a result with its region (1-based lines, columns and
character offsets in Unicode code points, `columnKind: unicodeCodePoints`), its fingerprint as
a partial fingerprint, and its suggestion as a fix; unreadable inputs as tool notifications."""

from __future__ import annotations

import json
from typing import Any, Sequence
from urllib.parse import quote

from mtaudit.formatters.rules import RuleRow
from mtaudit.model import FileReport, LocatedFinding, Report, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"))


def _rule(row: RuleRow) -> dict[str, Any]:
    rule_id, category, severity, needs, summary = row
    return {
        "id": rule_id,
        "shortDescription": {"text": summary},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": {"category": category, "severity": severity.value, "needs": list(needs)},
    }


def _result(file: FileReport, located: LocatedFinding, rule_index: dict[str, int]) -> dict[str, Any]:
    finding = located.finding
    location = {"uri": _uri(file.path)}
    span = {"charOffset": finding.start, "charLength": finding.end - finding.start}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": {
            "startLine": located.line, "startColumn": located.column,
            "endLine": located.end_line, "endColumn": located.end_column, **span,
            "snippet": {"text": file.text[finding.start:finding.end]},
        }}}],
        "partialFingerprints": {"mtaudit/v1": located.fingerprint},
        "properties": {"category": finding.category, "severity": finding.severity.value,
                       "evidence": dict(finding.evidence)},
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if finding.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": f"replace with '{finding.suggestion}'"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": span, "insertedContent": {"text": finding.suggestion}}]}],
        }]
    return result


def render(report: Report, rules: Sequence[RuleRow]) -> str:
    rule_index = {row[0]: index for index, row in enumerate(rules)}
    results = [_result(file, located, rule_index) for file in report.files for located in file.findings]
    notifications = [{
        "level": "error", "message": {"text": error.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}],
    } for error in report.errors]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "mtaudit", "version": report.tool_version,
                                "rules": [_rule(row) for row in rules]}},
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
            "artifacts": [{"location": {"uri": _uri(file.path)}} for file in report.files],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
