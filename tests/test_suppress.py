"""Suppression end to end: accepted terms from the config, a suppressions file that survives
edits elsewhere in the text, and clear errors for a bad file. The texts carry real mistakes
the default rules find (a repeated word, an unclosed quotation)."""

from __future__ import annotations

import json
from pathlib import Path

from mtaudit.cli import main

DAMAGED = (
    "The ferry service to the islands resumed on Monday after a week of storms.\n\n"
    "Harbour officials said the the boats had been checked for damage. \"We are glad to be "
    "back, said one captain.\n"
)


def check_json(capsys, *args: str) -> tuple[int, dict]:
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def findings(report: dict) -> list[tuple[str, str]]:
    file = report["files"][0]
    return [(f["rule"], f["message"]) for f in file["findings"]]


def test_recorded_findings_are_suppressed_and_new_ones_show(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(DAMAGED, encoding="utf-8")
    status, before = check_json(capsys, "story.txt")
    assert status == 1 and {rule for rule, _ in findings(before)} == {"repetition", "quote-mismatch"}

    assert main(["check", "--write-suppressions", "known.json", "story.txt"]) == 0
    assert "recorded 2 findings of 1 files" in capsys.readouterr().err

    status, after = check_json(capsys, "--suppressions", "known.json", "story.txt")
    assert status == 0 and findings(after) == []
    assert after["files"][0]["stats"]["suppressed"] == 2
    assert after["files"][0]["score"] == 0.0

    # A new first paragraph moves every offset; a new copy of the old mistake still shows.
    edited = "Storm damage closed two piers.\n\n" + DAMAGED + "\nInspectors said the the piers would reopen.\n"
    Path("story.txt").write_text(edited, encoding="utf-8")
    status, edited_report = check_json(capsys, "--suppressions", "known.json", "story.txt")
    assert status == 1
    assert [rule for rule, _ in findings(edited_report)] == ["repetition"]
    assert edited_report["files"][0]["stats"]["suppressed"] == 2


def test_accepted_terms_from_the_config_are_dropped(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(
        "The council met on Tuesday. Councillor Wanjiru Kamau said the budget was late. "
        "Kamau promised a vote next week, and Kamau's deputy agreed. Kamua later said the delay "
        "was the treasurer's fault.\n", encoding="utf-8")
    status, report = check_json(capsys, "story.txt")
    assert ("name-variant" in {rule for rule, _ in findings(report)})

    Path("mtaudit.toml").write_text('accept = ["kamua"]\n', encoding="utf-8")
    status, report = check_json(capsys, "story.txt")
    assert status == 0 and findings(report) == []
    assert report["files"][0]["stats"]["suppressed"] == 1


def test_a_bad_suppressions_file_is_one_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(DAMAGED, encoding="utf-8")
    Path("broken.json").write_text("{not json", encoding="utf-8")
    Path("other.json").write_text('{"version": 1, "files": {"story.txt": {"abc": "two"}}}', encoding="utf-8")
    for name, says in (("missing.json", "suppressions file not found"),
                       ("broken.json", "cannot read suppressions"),
                       ("other.json", "not an mtaudit suppressions file")):
        assert main(["check", "--suppressions", name, "story.txt"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"mtaudit: {name}: {says}")


def test_writing_suppressions_leaves_no_partial_file_and_rejects_both_flags(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(DAMAGED, encoding="utf-8")
    assert main(["check", "--suppressions", "a.json", "--write-suppressions", "b.json", "story.txt"]) == 2
    assert "not both" in capsys.readouterr().err
    assert not Path("b.json").exists()
    assert main(["check", "--write-suppressions", "b.json", "story.txt", "missing.txt"]) == 2
    capsys.readouterr()
    recorded = json.loads(Path("b.json").read_text(encoding="utf-8"))
    assert list(recorded["files"]) == ["story.txt"] and sum(recorded["files"]["story.txt"].values()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "story.txt"]


def test_the_terminal_header_counts_suppressed_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text(DAMAGED, encoding="utf-8")
    Path("mtaudit.toml").write_text('accept = ["the"]\n', encoding="utf-8")
    assert main(["check", "story.txt"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "1 flagged · 1 findings · 1 suppressed" in out
