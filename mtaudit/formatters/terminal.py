"""The terminal report (rich): per file a header, each suspect sentence with its flagged
words highlighted, the messages, and a summary table by category and severity.

Document text only ever enters `rich.text.Text` and is styled with spans, never markup."""

from __future__ import annotations

from collections import Counter, defaultdict

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from mtaudit.model import FileReport, LocatedFinding, Report, Severity

SEVERITY_STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.INFO: "cyan",
}
SEVERITY_ORDER = sorted(Severity, key=lambda s: -s.rank)
# Control characters shown as one visible character each, so offsets into a sentence still
# match: rich would drop CR, BEL, BS, VT and FF (shifting the highlights) and pass ESC and
# C1 codes to the terminal. A CR becomes a space; line feed and tab are kept.
_VISIBLE_CONTROLS = str.maketrans(
    {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\n\t\r"}
    | {0x0D: " ", 0x7F: "\u2421"} | {code: "\ufffd" for code in range(0x80, 0xA0)}
)


def _visible(text: str) -> str:
    """`text` with control characters replaced one for one by visible characters."""
    return text.translate(_VISIBLE_CONTROLS)


def _header(report: FileReport) -> Text:
    header = Text()
    header.append(_visible(report.path), style="bold underline")
    if report.reference:
        header.append("  vs  ")
        header.append(_visible(report.reference), style="bold")
    header.append(
        f"  score {report.score:.2f} · {len(report.sentences)} sentences · {report.words} words"
        f" · {report.flagged_sentences} flagged · {len(report.findings)} findings"
        + (f" · {report.suppressed} suppressed" if report.suppressed else ""),
        style="dim",
    )
    return header


def _sentence_block(report: FileReport, index: int, findings: list[LocatedFinding]) -> Group:
    sentence = report.sentences[index]
    text = Text(_visible(report.text[sentence.start:sentence.end]))
    for located in sorted(findings, key=lambda f: -f.finding.severity.rank):
        f = located.finding
        start, end = max(f.start, sentence.start), min(f.end, sentence.end)
        if start < end:
            text.stylize(SEVERITY_STYLES[f.severity] + " underline", start - sentence.start, end - sentence.start)
    head = Text()
    head.append(f"line {sentence.line:>4} ", style="bold" if sentence.flagged else "dim")
    head.append(f"[{sentence.score:.2f}] ", style="red" if sentence.flagged else "dim")
    lines = [head + text]
    if sentence.chrf is not None:
        lines.append(Text(f"           similarity {sentence.similarity:.2f} · chrF {sentence.chrf:.1f}", style="dim"))
    for located in findings:
        f = located.finding
        line = Text("    ")
        line.append(f"{f.severity.value:<8}", style=SEVERITY_STYLES[f.severity])
        line.append(f" {f.rule:<16} ", style="bold")
        line.append(_visible(f.message))
        if f.suggestion:
            line.append("  → ", style="dim")
            line.append(_visible(f.suggestion), style="green")
        lines.append(line)
    return Group(*lines)


def _summary(report: FileReport) -> Table:
    counts = Counter((lf.finding.category, lf.finding.severity) for lf in report.findings)
    table = Table(title="findings by category and severity", title_justify="left", show_footer=True)
    table.add_column("category", footer="total")
    for severity in SEVERITY_ORDER:
        table.add_column(severity.value, justify="right", style=SEVERITY_STYLES[severity],
                         footer=str(sum(n for (_, s), n in counts.items() if s == severity)))
    for category in sorted({c for c, _ in counts}):
        table.add_row(category, *(str(counts.get((category, s), "")) for s in SEVERITY_ORDER))
    return table


def _metrics(report: FileReport) -> Text:
    text = Text("reference metrics: ", style="bold")
    for name in ("chrf", "bleu", "ter"):
        metric = report.metrics.get(name) if report.metrics else None
        if metric:
            text.append(f"{name.upper()} {metric['score']:.1f} ")
            text.append(f"({metric['signature']})  ", style="dim")
    return text


def render(report: Report, console: Console) -> None:
    for file_report in report.files:
        console.print(_header(file_report))
        by_sentence: dict[int, list[LocatedFinding]] = defaultdict(list)
        for located in file_report.findings:
            by_sentence[located.finding.sentence].append(located)
        for index in sorted(by_sentence):
            console.print(_sentence_block(file_report, index, by_sentence[index]))
        if file_report.metrics:
            console.print(_metrics(file_report))
        if file_report.findings:
            console.print(_summary(file_report))
        else:
            console.print(Text("no findings", style="green"))
        console.print()
