"""`mtaudit check --format sarif`: a SARIF 2.1.0 log that agrees with the JSON report."""

from __future__ import annotations

import json
from pathlib import Path

from mtaudit.checks import ALL_CHECKS
from mtaudit.cli import main

DAMAGED = (
    "Ferry service resumes after storms\n\n"
    "The ferry to the islands sailed again on Monday. Harbour officials said the the boats had "
    "been checked.\r\nThe new pier is 300 metres (1,500 feet) long. \"We are glad to be back, "
    "said one captain. 🚢 Share this article\n"
)


def run(capsys, fmt: str, *paths: str) -> tuple[int, dict]:
    status = main(["check", "--format", fmt, *paths])
    return status, json.loads(capsys.readouterr().out)


def test_sarif_results_match_the_json_report(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ferry story.txt").write_bytes(DAMAGED.encode("utf-8"))
    json_status, report = run(capsys, "json", "ferry story.txt")
    sarif_status, log = run(capsys, "sarif", "ferry story.txt")
    assert sarif_status == json_status == 1
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {c.id for c in ALL_CHECKS} <= {r["id"] for r in rules}

    findings = report["files"][0]["findings"]
    results = sarif_run["results"]
    assert len(results) == len(findings) >= 3
    for finding, result in zip(findings, results):
        region = result["locations"][0]["physicalLocation"]["region"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uri"] == "ferry%20story.txt"
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["rule"]
        assert (region["charOffset"], region["charOffset"] + region["charLength"]) == (finding["start"], finding["end"])
        assert region["snippet"]["text"] == DAMAGED[finding["start"]:finding["end"]]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            finding["line"], finding["column"], finding["end_line"], finding["end_column"])
        assert result["partialFingerprints"]["mtaudit/v1"] == finding["fingerprint"]
        assert result["level"] == {"critical": "error", "major": "error", "minor": "warning"}[finding["severity"]]
        if finding["suggestion"] is not None:
            (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
            assert replacement["insertedContent"]["text"] == finding["suggestion"]


def test_sarif_reports_unreadable_inputs_as_notifications(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text("The library opens at nine on weekdays.\n", encoding="utf-8")
    status, log = run(capsys, "sarif", "clean.txt", "missing.txt")
    assert status == 2
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"
    assert log["runs"][0]["results"] == []
    assert [a["location"]["uri"] for a in log["runs"][0]["artifacts"]] == ["clean.txt"]
