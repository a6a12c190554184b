"""The pipeline, and its only orchestrator: text (+ reference) → Document → findings →
suppression → scores → FileReport; many inputs → Report."""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Sequence

from mtaudit import __version__
from mtaudit.checks import CheckContext, select_checks
from mtaudit.config import Options
from mtaudit.load import STDIN, STDIN_NAME, LoadError, load_text
from mtaudit.model import (
    Alignment,
    Document,
    FileReport,
    Finding,
    InputError,
    LocatedFinding,
    Report,
    SentenceReport,
)
from mtaudit.scoring import file_score, sentence_scores
from mtaudit.segment import build_document
from mtaudit.suppress import fingerprint, suppress


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """1-based line and column (in code points) of offsets into one text; a line ends at
    CRLF, CR or LF, as editors and the Language Server Protocol count them."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def run_checks(doc: Document, options: Options, reference: Document | None = None,
               alignment: tuple[Alignment, ...] | None = None) -> list[Finding]:
    findings: dict[tuple, Finding] = {}
    checks = select_checks(options.select, options.ignore, reference=reference is not None)
    language_model = None
    if any("language-model" in check.needs for check in checks):
        from mtaudit.reference.surprisal import default_model

        language_model = default_model()
    for check in checks:
        context = CheckContext(options.rules.get(check.id, {}), reference, alignment, language_model)
        for finding in check.run(doc, context):
            if not 0 <= finding.start < finding.end <= len(doc.text):
                raise ValueError(f"{check.id} produced an invalid span {finding.start}:{finding.end}")
            findings.setdefault((finding.rule, finding.start, finding.end), finding)
    return sorted(findings.values(), key=Finding.sort_key)


def build_report(doc: Document, findings: Sequence[Finding], options: Options,
                 reference_path: str | None = None,
                 alignment: tuple[Alignment, ...] | None = None,
                 metrics=None) -> FileReport:
    spans = [(s.start, s.end) for s in doc.sentences]
    keyed = [(finding, fingerprint(doc.text, spans[finding.sentence], finding)) for finding in findings]
    keyed, suppressed = suppress(doc.text, keyed, options.accept, options.suppressions.get(doc.path))
    findings = [finding for finding, _ in keyed]
    lines = LineIndex(doc.text)
    scores = sentence_scores(doc, findings, alignment)
    sentences = []
    for sentence, score in zip(doc.sentences, scores):
        line, column = lines.locate(sentence.start)
        aligned = alignment[sentence.index] if alignment else None
        sentences.append(SentenceReport(
            index=sentence.index, start=sentence.start, end=sentence.end, line=line, column=column,
            score=score, flagged=score >= options.threshold,
            reference_sentence=aligned.reference_sentences[0] if aligned and aligned.reference_sentences else None,
            similarity=aligned.similarity if aligned else None,
            chrf=aligned.chrf if aligned else None,
        ))
    located = []
    for finding, key in keyed:
        line, column = lines.locate(finding.start)
        end_line, end_column = lines.locate(finding.end)
        located.append(LocatedFinding(finding, line, column, end_line, end_column, key))
    return FileReport(
        path=doc.path, text=doc.text, language=doc.language, score=file_score(doc, findings, alignment),
        words=doc.word_count, sentences=tuple(sentences), findings=tuple(located),
        reference=reference_path, metrics=metrics, suppressed=suppressed,
    )


def audit_text(text: str, path: str = "<text>", options: Options | None = None,
               reference_text: str | None = None, reference_path: str | None = None,
               line_aligned: bool = False) -> FileReport:
    """Audit one decoded text, optionally against its reference."""
    options = options or Options()
    doc = build_document(text, path)
    if reference_text is None:
        return build_report(doc, run_checks(doc, options), options)
    from mtaudit.reference import compare
    from mtaudit.reference.repair import repair

    ref_doc = build_document(reference_text, reference_path or "<reference>")
    comparison = compare(doc, ref_doc, line_aligned=line_aligned)
    findings = repair(run_checks(doc, options, ref_doc, comparison.alignment), doc, ref_doc, comparison.alignment)
    return build_report(doc, findings, options, reference_path, comparison.alignment, comparison.file_metrics)


def audit_file(path: str, options: Options | None = None, reference_path: str | None = None,
               line_aligned: bool = False) -> FileReport:
    """Load and audit one file; raises LoadError (naming the file) when it cannot be read."""
    text = load_text(path)
    reference_text = load_text(reference_path) if reference_path else None
    shown = STDIN_NAME if path == STDIN else path
    return audit_text(text, shown, options, reference_text, reference_path, line_aligned)


def _audit_or_error(path: str, options: Options | None, reference_path: str | None,
                    line_aligned: bool) -> FileReport | InputError:
    try:
        return audit_file(path, options, reference_path, line_aligned)
    except LoadError as exc:
        return InputError(exc.path or path, exc.reason)


def audit_paths(paths: Iterable[str], options: Options | None = None,
                references: dict[str, str] | None = None, line_aligned: bool = False,
                jobs: int = 1) -> Report:
    """Audit many inputs, `jobs` at a time in worker processes, in the order given; an
    unreadable one goes to `errors` and the rest go on."""
    paths = list(paths)
    calls = [(p, options, (references or {}).get(p), line_aligned) for p in paths]
    if jobs > 1 and len(paths) > 1 and STDIN not in paths:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        with ProcessPoolExecutor(min(jobs, len(paths)), mp_context=get_context("fork")) as pool:
            results = list(pool.map(_audit_or_error, *zip(*calls), chunksize=max(1, len(paths) // (4 * jobs))))
    else:
        results = [_audit_or_error(*call) for call in calls]
    files = tuple(r for r in results if isinstance(r, FileReport))
    errors = tuple(r for r in results if isinstance(r, InputError))
    return Report(files, errors, __version__)
