"""The benchmark's results as markdown tables (printed, saved, and pasted into the README)."""
from __future__ import annotations


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def markdown(result: dict) -> str:
    m, goals = result["machine"], result["goals"]
    s = result["settings"]
    lines = [f"Machine: `nproc` {m['nproc']}, CPU {m['cpu']} (/proc/cpuinfo), Python {m['python']}, {m['date']}. "
             f"wrk: {s['threads']} thread, {s['connections']} connections, {s['rounds']} alternating rounds "
             f"of {s['seconds']:g} s per path (medians).", ""]
    lines += ["| corpus | path | project req/s | floor req/s | ratio | p50 ms project / floor "
              "| p99 ms project / floor |", "|---|---|---:|---:|---:|---:|---:|"]
    for c in result["corpora"]:
        for row in c.get("paths", []):
            p, f = row["project"], row["floor"]
            lines.append(f"| {c['corpus']} | `{_short(row['path'])}` | {p['rps']:,.0f} | {f['rps']:,.0f} "
                         f"| {row['ratio']:.2f} {_mark(row['ratio'] >= goals['ratio'])} "
                         f"| {p['p50_ms']:.2f} / {f['p50_ms']:.2f} | {p['p99_ms']:.2f} / {f['p99_ms']:.2f} |")
    lines += ["", "| corpus | articles | start cold | start warm | spaCy on warm start | RSS, all answers cached "
              "| RSS peak serving | ingest words/s | bare nlp.pipe words/s | ingest time ratio |",
              "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for n, c in enumerate(result["corpora"]):
        i = c["ingest"]
        goal = n == 0  # start-up and memory goals are set for the shared corpus; the larger one is reported
        lines.append(
            f"| {c['corpus']} | {c['articles']} | {c['cold_start_s']:.2f} s "
            f"| {c['warm_start_s']:.2f} s {_mark(c['warm_start_s'] <= goals['warm_start_s']) if goal else ''} "
            f"| {'loaded' if c['warm_spacy_loaded'] else 'not loaded'} {_mark(not c['warm_spacy_loaded'])} "
            f"| {c['rss_filled_mib']:.0f} MiB | {c['rss_serving_mib']:.0f} MiB "
            f"{_mark(c['rss_serving_mib'] <= goals['rss_mib']) if goal else ''} "
            f"| {i['project_wps']:,.0f} | {i['bare_wps']:,.0f} | {i['ratio']:.2f} {_mark(i['ratio'] <= goals['ingest_ratio'])} |")
    lines += ["", f"Goals: ratio ≥ {goals['ratio']} of the floor; warm start ≤ {goals['warm_start_s']:g} s "
              f"without spaCy and RSS ≤ {goals['rss_mib']} MiB on the shared corpus (reported for the larger one); ingest ≤ "
              f"{goals['ingest_ratio']}× the time of bare nlp.pipe."]
    return "\n".join(lines) + "\n"


def _short(path: str) -> str:
    parts = path.split("/")
    return "/".join(["{id}" if i == 2 else x for i, x in enumerate(parts)]) if len(parts) > 2 else path
