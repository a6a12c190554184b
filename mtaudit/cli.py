"""Command line: argv → options → audit → formatter → exit status.

The only module that knows about argv, stdout, stderr and exit codes.
Exit status: 0 nothing at or above `--fail-on`, 1 findings, 2 usage or input errors;
`eval`: 0, 1 when `--baseline` is given and a figure regressed, 2 on bad gold input."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mtaudit import __version__
from mtaudit.config import ConfigError, Options, find_config, load_options
from mtaudit.model import Report, Severity
from mtaudit.suppress import SuppressionsError, load_suppressions, write_suppressions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mtaudit", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"mtaudit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="audit text files (- reads stdin)")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument("--reference", metavar="FILE", help="the original or reference translation")
    check.add_argument("--reference-dir", metavar="DIR", help="references matched by file name")
    check.add_argument("--line-aligned", action="store_true",
                       help="line i of each input translates line i of its reference")
    check.add_argument("--select", action="append", metavar="RULE",
                       help="only these rule ids or categories (repeatable)")
    check.add_argument("--ignore", action="append", metavar="RULE", help="skip these rule ids or categories")
    check.add_argument("--threshold", type=float, metavar="X", help="sentence score at which it is flagged")
    check.add_argument("--fail-on", choices=[s.value for s in Severity], help="least severity that exits 1")
    check.add_argument("--config", metavar="FILE", help="mtaudit.toml or pyproject.toml to read")
    check.add_argument("--suppressions", metavar="FILE", help="drop the findings recorded in FILE")
    check.add_argument("--write-suppressions", metavar="FILE",
                       help="record every finding of this run in FILE instead of reporting them")
    check.add_argument("--jobs", type=int, default=1, metavar="N",
                       help="files audited in parallel worker processes (default 1)")

    evaluate = commands.add_parser(
        "eval", help="precision/recall per rule on annotated documents (*.gold.json, folders searched)")
    evaluate.add_argument("paths", nargs="+", metavar="PATH")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.add_argument("--mode", choices=("both", "reference-free", "reference"), default="both",
                          help="audit without the references, with them, or both (default)")
    evaluate.add_argument("--jobs", type=int, default=2, metavar="N", help="documents audited in parallel")
    evaluate.add_argument("--baseline", metavar="FILE",
                          help="exit 1 when a figure regressed beyond the tolerance of this baseline")
    evaluate.add_argument("--write-baseline", metavar="FILE",
                          help="record the figures as the new baseline: FILE (JSON) and FILE with .md")
    evaluate.add_argument("--config", metavar="FILE", help="mtaudit.toml or pyproject.toml to read")

    commands.add_parser("rules", help="list the rules: id, category, default severity, what each flags")
    return parser


def _options(args: argparse.Namespace) -> Options:
    config = Path(args.config) if args.config else find_config(Path.cwd())
    options = load_options(config)
    if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
        raise ConfigError("--threshold must lie in [0, 1]")
    options = options.with_overrides(
        select=tuple(args.select) if args.select else None,
        ignore=tuple(args.ignore) if args.ignore else None,
        threshold=args.threshold,
        fail_on=Severity(args.fail_on) if args.fail_on else None,
    )
    from mtaudit.checks import known_rule_patterns

    known = known_rule_patterns()
    unknown = sorted((set(options.select + options.ignore) | set(options.rules)) - known)
    if unknown:
        raise ConfigError(f"unknown rule or category: {', '.join(unknown)}")
    return options


def _references(args: argparse.Namespace) -> dict[str, str]:
    if args.reference and args.reference_dir:
        raise ConfigError("give --reference or --reference-dir, not both")
    if args.reference:
        if len(args.paths) != 1:
            raise ConfigError("--reference takes one input; use --reference-dir for many")
        return {args.paths[0]: args.reference}
    if args.reference_dir:
        folder = Path(args.reference_dir)
        if not folder.is_dir():
            raise ConfigError(f"{folder}: --reference-dir is not a directory")
        return {p: str(folder / Path(p).name) for p in args.paths if p != "-"}
    if args.line_aligned:
        raise ConfigError("--line-aligned needs --reference or --reference-dir")
    return {}


def exit_status(report: Report, fail_on: Severity) -> int:
    if report.errors:
        return EXIT_ERROR
    worst = max((lf.finding.severity.rank for f in report.files for lf in f.findings), default=-1)
    return EXIT_FINDINGS if worst >= fail_on.rank else EXIT_CLEAN


def _check(args: argparse.Namespace) -> int:
    from mtaudit.audit import audit_paths

    options = _options(args)
    if args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    if args.suppressions and args.write_suppressions:
        raise ConfigError("give --suppressions or --write-suppressions, not both")
    if args.suppressions:
        options = options.with_overrides(suppressions=load_suppressions(args.suppressions))
    report = audit_paths(args.paths, options, _references(args), args.line_aligned, args.jobs)
    for error in report.errors:
        print(f"mtaudit: {error.path}: {error.message}", file=sys.stderr)
    if args.write_suppressions:
        recorded = write_suppressions(args.write_suppressions, report)
        print(f"mtaudit: {args.write_suppressions}: recorded {recorded} findings of {len(report.files)} files",
              file=sys.stderr)
        return EXIT_ERROR if report.errors else EXIT_CLEAN
    if args.format == "json":
        from mtaudit.formatters import json as json_format

        sys.stdout.write(json_format.render(report))
    elif args.format == "sarif":
        from mtaudit.formatters import sarif

        sys.stdout.write(sarif.render(report, _rule_rows()))
    else:
        from rich.console import Console

        from mtaudit.formatters import terminal

        terminal.render(report, Console(highlight=False))
    return exit_status(report, options.fail_on)


def _progress(total: int):
    """A progress bar on stderr when it is a terminal: (callback, context manager)."""
    from contextlib import nullcontext

    if not sys.stderr.isatty() or total < 2:
        return None, nullcontext()
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task("auditing documents", total=total)
    return (lambda _run: progress.advance(task)), progress


def _gold_documents(paths: list[str]) -> list:
    """Every gold document under `paths`; ConfigError naming every bad file."""
    from mtaudit.evaluation import GoldError, find_gold_files, load_gold

    golds, problems = [], []
    try:
        for path in find_gold_files(paths):
            try:
                golds.append(load_gold(path))
            except GoldError as exc:
                problems.append(str(exc))
    except GoldError as exc:
        problems.append(str(exc))
    if not golds and not problems:
        problems.append(f"no *.gold.json files in {' '.join(paths)}")
    if problems:
        raise ConfigError("\nmtaudit: ".join(problems))
    return golds


def _eval(args: argparse.Namespace) -> int:
    from mtaudit.evaluation import MODES, evaluate
    from mtaudit.evaluation import baseline as gate
    from mtaudit.formatters import eval_json

    if args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    options = load_options(Path(args.config) if args.config else find_config(Path.cwd()))
    golds = _gold_documents(args.paths)
    try:
        baseline = gate.load_baseline(args.baseline) if args.baseline else None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{args.baseline}: cannot read the baseline: {exc}") from None
    modes = MODES if args.mode == "both" else (args.mode,)
    advance, progress = _progress(len(golds))
    with progress:
        evaluation = evaluate(golds, options, modes, args.jobs, advance)
    figures = evaluation.figures
    if args.format == "json":
        sys.stdout.write(eval_json.render(figures))
    else:
        from rich.console import Console

        from mtaudit.formatters import eval_terminal

        eval_terminal.render(figures, Console(highlight=False), evaluation.seconds)
    if args.write_baseline:
        from mtaudit.formatters import eval_markdown

        markdown = gate.markdown_path(args.write_baseline)
        try:
            Path(args.write_baseline).write_text(eval_json.render(figures), encoding="utf-8")
            markdown.write_text(eval_markdown.render(
                figures, update_command=gate.UPDATE_COMMAND, tolerance=gate.TOLERANCE,
                control_tolerance=gate.CONTROL_TOLERANCE), encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write the baseline: {exc}") from None
        print(f"mtaudit: baseline written to {args.write_baseline} and {markdown}", file=sys.stderr)
    if baseline is None:
        return EXIT_CLEAN
    found = gate.regressions(figures, baseline, modes)
    for problem in found:
        print(f"mtaudit: regression: {problem}", file=sys.stderr)
    return EXIT_FINDINGS if found else EXIT_CLEAN


def _rule_rows() -> list:
    """Every rule, default and opt-in, as the formatters list it."""
    from mtaudit.checks import ALL_CHECKS, OPT_IN_CHECKS, opt_in_check

    classes = [*ALL_CHECKS, *(opt_in_check(rule_id) for rule_id in OPT_IN_CHECKS)]
    return [(c.id, c.category, c.severity, sorted(c.needs), c.summary()) for c in classes]


def _rules(args: argparse.Namespace) -> int:
    from rich.console import Console

    from mtaudit.formatters import rules as rules_format

    rules_format.render(_rule_rows(), Console(highlight=False))
    return EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"check": _check, "eval": _eval, "rules": _rules}
    from mtaudit.reference.encoder import EncoderError
    from mtaudit.reference.surprisal import LanguageModelError

    try:
        return commands[args.command](args)
    except (ConfigError, SuppressionsError, EncoderError, LanguageModelError) as exc:
        print(f"mtaudit: {exc}", file=sys.stderr)
        return EXIT_ERROR
