"""False-alarm probe: how often do the reference-free rules fire on clean professional English?

    .venv/bin/python benchmarks/false_alarms.py                  # → reports/false-alarms.{json,md}
    .venv/bin/python benchmarks/false_alarms.py --rule repetition
    .venv/bin/python benchmarks/false_alarms.py --limit-docs 10  # a quick look, writes nothing

Data: the two human translations of WMT20 newstest2020 zh→en in
../shared/data/mqm/wmt20-zhen-news.dev.jsonl (see its README), read in place, never copied:
  * Human-A: the `ref` of every record (the WMT reference);
  * Human-B: the `hyp` of the `human: true` records (a second, independent translation).
Each newstest2020 document becomes one text: its distinct segments (by `seg_id`) in
`doc_pos` order, a paragraph each, paragraphs separated by a blank line (the first segment is
the headline). The segments are sentences of the source's paragraphs, which are not known, so a
segment that leaves a double quotation open continues its paragraph (a quotation of several
sentences stays in one paragraph, as in the original), and a segment made of punctuation only
(a closing mark the sentence splitter cut off) joins the previous one without a space. The
default reference-free checks run on every text, as `mtaudit check` would.

Both sets are professional translations, so a finding is either a real slip of the
translator (they exist: typos, doubled words, unclosed quotes) or a false alarm. Each finding
was read and judged: benchmarks/false-alarm-verdicts.json holds the verdicts (error, false
alarm, debatable, with the reason), matched by set, document, segment, rule and span; a new
finding shows as "unjudged" until someone adds its verdict there.
Output per set and rule: findings, findings per 1,000 words and judged false alarms per
1,000 words; every finding listed with its verdict; judged findings no longer reported.
The whole probe takes a couple of CPU seconds.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtaudit.audit import audit_text  # noqa: E402
from mtaudit.checks import select_checks  # noqa: E402
from mtaudit.checks.base import shorten  # noqa: E402
from mtaudit.config import Options  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "mqm" / "wmt20-zhen-news.dev.jsonl"
REPORTS = ROOT / "reports"
SETS = {"Human-A": "the WMT reference (`ref`)", "Human-B": "the rated human translation (`hyp` of `human: true`)"}
VERDICTS_FILE = Path(__file__).resolve().parent / "false-alarm-verdicts.json"
ERROR, FALSE_ALARM, DEBATABLE, UNJUDGED = "error", "false alarm", "debatable", "unjudged"
VERDICTS = (ERROR, FALSE_ALARM, DEBATABLE, UNJUDGED)
PARAGRAPH_BREAK = "\n\n"
_WORD = re.compile(r"\w")
_DOUBLE_QUOTE = re.compile('[“”"]')


@dataclass(frozen=True)
class HumanDocument:
    """One newstest2020 document of one human translation: its text and where each segment starts."""

    doc: str
    seg_ids: tuple[int, ...]
    text: str
    starts: tuple[int, ...]

    def seg_id_at(self, offset: int) -> int:
        return self.seg_ids[bisect.bisect_right(self.starts, offset) - 1]


def load_documents(path: Path) -> dict[str, list[HumanDocument]]:
    """The Human-A and Human-B documents of the MQM file, each set sorted by document id."""
    segments: dict[str, dict[str, dict[int, tuple[int, str]]]] = {name: {} for name in SETS}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            sides = [("Human-A", "ref")] + ([("Human-B", "hyp")] if record["human"] else [])
            for name, side in sides:
                segments[name].setdefault(record["doc"], {})[record["seg_id"]] = (record["doc_pos"], record[side])
    return {name: [_document(doc, by_seg) for doc, by_seg in sorted(docs.items())]
            for name, docs in segments.items()}


def _document(doc: str, by_seg: dict[int, tuple[int, str]]) -> HumanDocument:
    ordered = sorted(by_seg.items(), key=lambda item: item[1][0])
    text, starts, quote_open = "", [], False
    for index, (_, (_, segment)) in enumerate(ordered):
        segment = segment.strip()
        if index:
            text += "" if not _WORD.search(segment) else " " if quote_open else PARAGRAPH_BREAK
        starts.append(len(text))
        text += segment
        quote_open = _leaves_quotation_open(segment, quote_open)
    return HumanDocument(doc, tuple(seg for seg, _ in ordered), text + "\n", tuple(starts))


def _leaves_quotation_open(segment: str, was_open: bool) -> bool:
    """Whether a double quotation is open after `segment` (“ opens, ” closes, " toggles)."""
    is_open = was_open
    for mark in _DOUBLE_QUOTE.findall(segment):
        is_open = mark == "“" or (mark == '"' and not is_open)
    return is_open


def probe(set_name: str, documents: list[HumanDocument], options: Options, verdicts: dict) -> dict:
    """Audit every document; per rule the findings, their rate and their verdicts, and every
    finding listed with its verdict."""
    words, listed = 0, []
    for document in documents:
        report = audit_text(document.text, f"{set_name}:{document.doc}", options)
        words += report.words
        for located in report.findings:
            finding = located.finding
            sentence = report.sentences[finding.sentence]
            item = {
                "doc": document.doc, "seg_id": document.seg_id_at(finding.start), "rule": finding.rule,
                "severity": finding.severity.value, "span": document.text[finding.start:finding.end],
                "message": finding.message, "sentence": document.text[sentence.start:sentence.end],
            }
            judged = verdicts.get(_verdict_key(set_name, item), {})
            listed.append({**item, "verdict": judged.get("verdict", UNJUDGED), "why": judged.get("why", "")})
    rules: dict[str, Counter] = {}
    for item in listed:
        rules.setdefault(item["rule"], Counter())[item["verdict"]] += 1
    return {
        "documents": len(documents), "words": words, "findings": len(listed),
        "per_1000_words": _rate(len(listed), words),
        "false_alarms": sum(item["verdict"] == FALSE_ALARM for item in listed),
        "false_alarms_per_1000_words": _rate(sum(item["verdict"] == FALSE_ALARM for item in listed), words),
        "rules": {rule: {"findings": sum(counts.values()), "per_1000_words": _rate(sum(counts.values()), words),
                         **{verdict: counts[verdict] for verdict in VERDICTS},
                         "false_alarms_per_1000_words": _rate(counts[FALSE_ALARM], words)}
                  for rule, counts in sorted(rules.items())},
        "listing": listed,
    }


def load_verdicts(path: Path) -> dict[tuple, dict]:
    """The human verdicts on earlier findings, by (set, doc, seg_id, rule, span)."""
    if not path.is_file():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))["verdicts"]
    return {_verdict_key(entry["set"], entry): entry for entry in entries}


def _verdict_key(set_name: str, item: dict) -> tuple:
    return set_name, item["doc"], item["seg_id"], item["rule"], item["span"]


def _rate(findings: int, words: int) -> float:
    return round(1000 * findings / words, 3) if words else 0.0


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: dict, rules: list[str], verdicts: dict[tuple, dict]) -> str:
    sets = result["sets"]
    lines = [
        "# False-alarm probe: reference-free rules on clean professional English",
        "",
        "`.venv/bin/python benchmarks/false_alarms.py`: the default reference-free checks on the two human "
        "translations of WMT20 newstest2020 zh→en (documents of the MQM dev split; layout in the benchmark's "
        "docstring). A finding is either a slip of the translator or a false alarm: each was read and judged "
        f"(`{VERDICTS_FILE.relative_to(ROOT)}`: error, false alarm or debatable); new findings are unjudged.",
        "",
        "| set | what | documents | words | findings | per 1,000 words | false alarms | per 1,000 words |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in sets.items():
        lines.append(f"| {name} | {SETS[name]} | {figures['documents']} | {figures['words']:,} | "
                     f"{figures['findings']} | {figures['per_1000_words']:.3f} | {figures['false_alarms']} | "
                     f"{figures['false_alarms_per_1000_words']:.3f} |")
    lines += ["", "## Per rule", "", "Findings (of which judged errors / false alarms / debatable / unjudged).", "",
              "| rule | " + " | ".join(sets) + " | false alarms per 1,000 words (all sets) |",
              "|---|" + "---|" * len(sets) + "---:|"]
    words = sum(figures["words"] for figures in sets.values())
    for rule in rules:
        cells, false_alarms = [], 0
        for figures in sets.values():
            counts = figures["rules"].get(rule)
            if counts is None:
                cells.append("0")
                continue
            false_alarms += counts[FALSE_ALARM]
            cells.append(f"{counts['findings']} ({' / '.join(str(counts[v]) for v in VERDICTS)})")
        lines.append(f"| {rule} | " + " | ".join(cells) + f" | {_rate(false_alarms, words):.3f} |")
    listed = {_verdict_key(name, item) for name, figures in sets.items() for item in figures["listing"]}
    for name, figures in sets.items():
        lines += ["", f"## Findings on {name}", ""]
        if not figures["listing"]:
            lines.append("None.")
            continue
        lines += ["| doc | seg | rule | span | verdict | why | message | sentence |",
                  "|---|---:|---|---|---|---|---|---|"]
        lines += [f"| {f['doc']} | {f['seg_id']} | {f['rule']} | `{_cell(f['span'])}` | {f['verdict']} | "
                  f"{_cell(f['why'])} | {_cell(f['message'])} | {_cell(shorten(f['sentence'], 160))} |"
                  for f in figures["listing"]]
    gone = [entry for key, entry in verdicts.items() if key not in listed and entry["rule"] in rules
            and entry["set"] in sets]
    if gone:
        lines += ["", "## Judged findings no longer reported", "",
                  "| set | doc | seg | rule | span | verdict | why |", "|---|---|---:|---|---|---|---|"]
        lines += [f"| {e['set']} | {e['doc']} | {e['seg_id']} | {e['rule']} | `{_cell(e['span'])}` | {e['verdict']} | "
                  f"{_cell(e['why'])} |" for e in gone]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the MQM JSONL file")
    parser.add_argument("--rule", metavar="ID", help="only this rule")
    parser.add_argument("--limit-docs", type=int, metavar="N", help="only the first N documents of each set")
    parser.add_argument("--out", type=Path, help="folder for false-alarms.json and .md (default: reports/, "
                                                 "or nowhere with --rule or --limit-docs)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"false_alarms: {args.data}: not found (see shared/data/mqm/README.md)", file=sys.stderr)
        return 2
    options = Options(select=(args.rule,) if args.rule else ())
    rules = sorted(check.id for check in select_checks(options.select))
    if not rules:
        print(f"false_alarms: no reference-free rule {args.rule!r}", file=sys.stderr)
        return 2
    verdicts = load_verdicts(VERDICTS_FILE)
    began = time.process_time()
    sets = {name: probe(name, documents[:args.limit_docs], options, verdicts)
            for name, documents in load_documents(args.data).items()}
    result = {"data": args.data.name, "rules_run": rules, "sets": sets,
              "cpu_seconds": round(time.process_time() - began, 1)}
    out = args.out or (REPORTS if args.rule is None and args.limit_docs is None else None)
    markdown = render_markdown(result, rules, verdicts)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "false-alarms.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / "false-alarms.md").write_text(markdown, encoding="utf-8")
    for name, figures in sets.items():
        per_rule = ", ".join(f"{rule} {f['findings']}" for rule, f in figures["rules"].items()) or "none"
        print(f"{name}: {figures['documents']} documents, {figures['words']:,} words, {figures['findings']} findings "
              f"({figures['per_1000_words']:.3f} per 1,000 words), {figures['false_alarms']} judged false alarms "
              f"({figures['false_alarms_per_1000_words']:.3f}): {per_rule}")
        unjudged = sum(item["verdict"] == UNJUDGED for item in figures["listing"])
        if unjudged:
            print(f"  {unjudged} findings not judged yet: see the listing")
    print(f"{result['cpu_seconds']} s CPU" + (f"; wrote {out / 'false-alarms.md'}" if out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
