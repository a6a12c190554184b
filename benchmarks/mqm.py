"""MQM benchmark: does mtaudit's sentence suspicion track what professional translators
call errors? Side by side, in the same run and on the same records, with sacrebleu's
sentence chrF, BLEU and TER and the MiniLM cosine of hypothesis and reference.

    .venv/bin/python benchmarks/mqm.py                 # all 9,729 records → reports/mqm.{json,md}
    .venv/bin/python benchmarks/mqm.py --limit 900     # a quick run on the first records

Data: ../shared/data/mqm/wmt20-zhen-news.dev.jsonl (WMT20 zh-en, expert MQM; see its
README). It is read in place, never copied. What is measured, and how, is described in
mtaudit/evaluation/mqm.py. The vectors are encoded afresh (a temporary vector cache) so
that records/s is the cold speed of the evaluator, unless --warm-cache is given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtaudit.evaluation.mqm import (  # noqa: E402
    RecordAudit, correlations, document_groups, human_versus_mt, joined_lines, record_audits, span_agreement,
)

DATA = ROOT.parent / "shared" / "data" / "mqm" / "wmt20-zhen-news.dev.jsonl"
ROWS = ("MQM", "mtaudit -suspicion", "mtaudit -findings penalty", "chrF", "BLEU", "-TER", "MiniLM cosine")
ORIENTATION = {"chrF": (0.207, 0.653), "BLEU": (0.186, None), "-TER": (0.194, None), "MiniLM cosine": (0.266, 0.721)}
CHUNK = 200  # records per TER task


def load_records(path: Path, limit: int | None) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def _limit_threads(jobs: int) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // jobs)))


def audit_document(hyps: list[str], refs: list[str]) -> tuple[list[RecordAudit], float]:
    """One system's translation of one document against the reference, line-aligned, and
    the CPU seconds it took."""
    from mtaudit.audit import audit_text

    began = time.process_time()
    hyp_text, starts = joined_lines(hyps)
    ref_text, _ = joined_lines(refs)
    report = audit_text(hyp_text, "hyp", reference_text=ref_text, reference_path="ref", line_aligned=True)
    return record_audits(report, starts), time.process_time() - began


def sentence_ter(pairs: list[tuple[str, str]]) -> list[float]:
    from sacrebleu.metrics import TER

    ter = TER()
    return [ter.sentence_score(hyp, [ref]).score for hyp, ref in pairs]


def run_audit(records: list[dict], pool: ProcessPoolExecutor) -> tuple[list[RecordAudit], float, float]:
    """Audit every (system, document); the lines are encoded first in one batch sorted by
    length (the vector cache then serves the workers), and that time is counted. Returns
    the audits, the wall-clock seconds and the CPU seconds (this process and the workers'
    tasks: a shared machine slows the first, hardly the second)."""
    from mtaudit.reference.encoder import default_encoder

    began, cpu_began = time.perf_counter(), time.process_time()
    default_encoder().encode(sorted({r[side].strip() for r in records for side in ("hyp", "ref")}))
    groups = document_groups(records)
    futures = [pool.submit(audit_document, [records[i]["hyp"] for i in g], [records[i]["ref"] for i in g])
               for g in groups]
    audits: list[RecordAudit | None] = [None] * len(records)
    cpu = 0.0
    for group, future in zip(groups, futures):
        document_audits, document_cpu = future.result()
        cpu += document_cpu
        for index, audit in zip(group, document_audits):
            audits[index] = audit
    return audits, time.perf_counter() - began, cpu + time.process_time() - cpu_began


def baseline_metrics(records: list[dict], pool: ProcessPoolExecutor) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Sentence chrF, BLEU, −TER (sacrebleu) and the MiniLM cosine, higher = better."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    from mtaudit.reference.encoder import default_encoder

    pairs = [(r["hyp"], r["ref"]) for r in records]
    ter_futures = [pool.submit(sentence_ter, pairs[i:i + CHUNK]) for i in range(0, len(pairs), CHUNK)]
    chrf, bleu = CHRF(), BLEU(effective_order=True)
    values = {
        "chrF": [chrf.sentence_score(h, [r]).score for h, r in pairs],
        "BLEU": [bleu.sentence_score(h, [r]).score for h, r in pairs],
    }
    vectors = default_encoder().encode([h for h, _ in pairs] + [r for _, r in pairs])
    values["MiniLM cosine"] = [float(v) for v in (vectors[:len(pairs)] * vectors[len(pairs):]).sum(axis=1)]
    values["-TER"] = [-score for future in ter_futures for score in future.result()]
    ter = TER()
    ter.sentence_score(*pairs[0][:1], [pairs[0][1]])  # sacrebleu signs a metric once it has been used
    signatures = {"chrF": str(chrf.get_signature()), "BLEU": str(bleu.get_signature()),
                  "-TER": str(ter.get_signature()), "MiniLM cosine": "sentence-transformers/all-MiniLM-L6-v2"}
    return values, signatures


def measure(records: list[dict], jobs: int, vector_cache: str) -> dict:
    load_before = os.getloadavg()[0]
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_limit_threads,
                             initargs=(jobs,)) as pool:
        audits, seconds, cpu_seconds = run_audit(records, pool)
        load_after = os.getloadavg()[0]
        values, signatures = baseline_metrics(records, pool)
    metrics = {"mtaudit -suspicion": [-a.suspicion for a in audits],
               "mtaudit -findings penalty": [-a.penalty for a in audits], **values}
    human = sum(r["human"] for r in records)
    return {
        "data": {"file": DATA.name, "records": len(records), "mt_records": len(records) - human,
                 "human_records": human, "segments": len({(r["doc"], r["seg_id"]) for r in records}),
                 "documents": len({r["doc"] for r in records}),
                 "systems": sorted({r["system"] for r in records})},
        "correlation": {name: correlations(v, records) for name, v in metrics.items()},
        "human": {"MQM": human_versus_mt([r["mqm"] for r in records], records),
                  **{name: human_versus_mt(v, records) for name, v in metrics.items()}},
        "spans": span_agreement(audits, records),
        "flagged_records": sum(1 for a in audits if a.suspicion > 0),
        "speed": {"records": len(records), "seconds": round(seconds, 1),
                  "records_per_second": round(len(records) / seconds, 1), "cpu_seconds": round(cpu_seconds, 1),
                  "records_per_cpu_second": round(len(records) / cpu_seconds, 1), "jobs": jobs,
                  "vector_cache": vector_cache,
                  "cpus": os.cpu_count(), "python": platform.python_version(),
                  "load_average": [round(load_before, 1), round(load_after, 1)]},
        "signatures": signatures,
    }


def _rows(table: dict) -> list[tuple[str, dict]]:
    return sorted(table.items(), key=lambda item: ROWS.index(item[0]))


def _cell(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def render_markdown(result: dict) -> str:
    data, speed = result["data"], result["speed"]
    lines = [
        "# MQM benchmark: WMT20 zh-en newstest (dev split)",
        "",
        f"`.venv/bin/python benchmarks/mqm.py` on {data['records']:,} records ({data['mt_records']:,} MT, "
        f"{data['human_records']:,} human), {data['segments']:,} segments of {data['documents']} documents, "
        f"{len(data['systems'])} systems. Every metric oriented higher = better and compared with MQM over "
        "the MT records; the audit reads each system's document line-aligned against the reference "
        "(method: mtaudit/evaluation/mqm.py).",
        "",
        "| metric | Kendall τ | τ grouped by segment | Pearson r | AUROC has_major | orientation τ / AUROC |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, figures in _rows(result["correlation"]):
        tau, area = ORIENTATION.get(name, (None, None))
        orientation = " / ".join(_cell(v) for v in (tau, area)) if tau is not None else ""
        lines.append(f"| {name} | {_cell(figures['kendall_tau'])} | {_cell(figures['kendall_tau_grouped'])} | "
                     f"{_cell(figures['pearson'])} | {_cell(figures['auroc_has_major'])} | {orientation} |")
    lines += [
        "",
        "`mtaudit -suspicion` is the sentence score of the audit (its findings' MQM weights combined with how "
        "far the line moved from the reference: MiniLM similarity and chrF, mtaudit/scoring.py); "
        "`mtaudit -findings penalty` is the findings' MQM weights alone. The benchmark fits nothing: the constants "
        "are those of mtaudit/scoring.py.",
        "",
        f"{result['flagged_records']:,} of {data['records']:,} records have a suspicion above 0.",
        "",
        "## Human translations (Human-B) against the MT systems",
        "",
        "| metric | mean human | mean MT | segments where human < MT mean | tied |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, figures in _rows(result["human"]):
        lines.append(f"| {name} | {_cell(figures['mean_human'])} | {_cell(figures['mean_mt'])} | "
                     f"{_cell(figures['human_worse_than_mt_mean'])} | {_cell(figures['human_tied_with_mt_mean'])} |")
    mqm_share = result["human"]["MQM"]["human_worse_than_mt_mean"]
    ours = result["human"]["mtaudit -suspicion"]["human_worse_than_mt_mean"]
    lines += ["", f"The raters put the human translation below the MT mean in {_cell(mqm_share)} of the segments, "
                  f"mtaudit's suspicion in {_cell(ours)}."]
    spans = result["spans"]
    lines += [
        "",
        "## Findings against the raters' error spans (MT records)",
        "",
        f"Precision {_cell(spans['precision'])} ({spans['correct']} of {spans['findings']} findings overlap a "
        f"marked span); recall {_cell(spans['recall'])} ({spans['found']} of {spans['marked_spans']} marked spans).",
        "",
        "| rule | findings | on a marked span | precision |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {rule} | {f['findings']} | {f['correct']} | {_cell(f['precision'])} |"
              for rule, f in spans["rules"].items()]
    lines += [
        "",
        "## Speed of the evaluator",
        "",
        f"{speed['records']:,} records audited in {speed['seconds']} s = **{speed['records_per_second']} records/s** "
        f"({speed['cpu_seconds']} CPU s = {speed['records_per_cpu_second']} records per CPU second; "
        f"{speed['jobs']} worker processes on {speed['cpus']} CPUs, {speed['vector_cache']} vector cache, "
        f"Python {speed['python']}; "
        f"1-minute load average {speed['load_average'][0]} before and {speed['load_average'][1]} after: "
        "other work on the machine slows it).",
        "",
        "Signatures: " + "; ".join(f"{name}: `{sig}`" for name, sig in _rows(result["signatures"])),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the MQM JSONL file")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N records")
    parser.add_argument("--jobs", type=int, default=2, metavar="N", help="worker processes")
    parser.add_argument("--out", type=Path, help="folder for mqm.json and mqm.md (default: reports/, "
                                                 "or nowhere with --limit)")
    parser.add_argument("--warm-cache", action="store_true", help="use the user's vector cache")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"mqm: {args.data}: not found (see shared/data/mqm/README.md)", file=sys.stderr)
        return 2
    records = load_records(args.data, args.limit)
    with tempfile.TemporaryDirectory(prefix="mtaudit-mqm-") as cache:
        if not args.warm_cache:
            os.environ["MTAUDIT_CACHE_DIR"] = cache
        result = measure(records, args.jobs, "warm" if args.warm_cache else "cold")
    out = args.out or (ROOT / "reports" if args.limit is None else None)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        (out / "mqm.json").write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        (out / "mqm.md").write_text(render_markdown(result), encoding="utf-8")
    print(render_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
