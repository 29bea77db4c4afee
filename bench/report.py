"""The benchmark's results as markdown tables (printed, saved, and pasted into the README)."""
from __future__ import annotations


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def markdown(result: dict) -> str:
    m, goals, s = result["machine"], result["goals"], result["settings"]
    sizes = result["sizes"]
    lines = [f"Machine: `nproc` {m['nproc']}, CPU {m['cpu']} (/proc/cpuinfo), Python {m['python']}, {m['date']}. "
             f"wrk: {s['threads']} thread, {s['connections']} connections, {s['rounds']} alternating rounds "
             f"of {s['seconds']:g} s per path (medians).", ""]
    base = sizes[0]["rss_read_all_mib"] if sizes else 0
    lines += ["| articles | ingest (new articles) | warm start | spaCy on warm start | RSS at start "
              "| RSS after every read | RSS peak under wrk | every read of every article |",
              "|---:|---|---:|---|---:|---:|---:|---:|"]
    for row in sizes:
        i, r = row["ingest"], row["read_all"]
        rss = max(row["rss_read_all_mib"], row.get("rss_peak_mib", 0))
        ok_rss = rss <= goals["rss_mib"] and rss <= goals["rss_growth"] * base
        lines.append(
            f"| {row['articles']:,} | {i['parsed']:,} parsed in {i['seconds']:.0f} s "
            f"| {row['warm_start_s']:.2f} s {_mark(row['warm_start_s'] <= goals['warm_start_s'])} "
            f"| {'loaded' if row['spacy_loaded'] else 'not loaded'} {_mark(not row['spacy_loaded'])} "
            f"| {row['rss_start_mib']:.0f} MiB | {row['rss_read_all_mib']:.0f} MiB "
            f"| {row.get('rss_peak_mib', 0):.0f} MiB {_mark(ok_rss)} "
            f"| {r['requests']:,} in {r['seconds']:.0f} s ({r['per_s']:,.0f}/s) |")
    lines += ["", "| articles | path | project req/s | floor req/s | ratio | p50 ms project / floor "
              "| p99 ms project / floor |", "|---:|---|---:|---:|---:|---:|---:|"]
    for row in sizes:
        for p in row.get("paths", []):
            pr, fl = p["project"], p["floor"]
            lines.append(f"| {row['articles']:,} | `{_short(p['path'])}` | {pr['rps']:,.0f} | {fl['rps']:,.0f} "
                         f"| {p['ratio']:.2f} {_mark(p['ratio'] >= goals['ratio'])} "
                         f"| {pr['p50_ms']:.2f} / {fl['p50_ms']:.2f} | {pr['p99_ms']:.2f} / {fl['p99_ms']:.2f} |")
    if any("archive" in row for row in sizes):
        lines += ["", "| articles | archive-wide read (one connection, HTTP cache off) | p50 ms | p99 ms | req/s |",
                  "|---:|---|---:|---:|---:|"]
        for row in sizes:
            for a in row.get("archive", []):
                lines.append(f"| {row['articles']:,} | `{a['path']}` | {a['p50_ms']:.2f} "
                             f"{_mark(a['p50_ms'] <= goals['archive_p50_ms'])} | {a['p99_ms']:.2f} | {a['rps']:,.0f} |")
    if "speedup" in result:
        sp = result["speedup"]
        lines += ["", f"Ingest of {sp['articles']} articles into an empty store: one parsing process "
                      f"{sp['one_s']:.1f} s, two {sp['two_s']:.1f} s: {sp['speedup']:.2f}× "
                      f"{_mark(sp['speedup'] >= goals['speedup'])}."]
    if "large" in result:
        lg = result["large"]
        lines += ["", f"One {lg['bytes'] / 1e6:.1f} MB `/quotes` answer on 16 connections: {lg['rps']:,.1f} req/s "
                      f"(p50 {lg['p50_ms']:.0f} ms); `/health` meanwhile: p50 {lg['health_p50_ms']:.1f} ms, "
                      f"slowest {lg['health_max_ms']:.0f} ms."]
    lines += ["", f"Goals: warm start ≤ {goals['warm_start_s']:g} s at every size without spaCy; resident memory "
                  f"(the larger of after every read and peak under wrk) ≤ {goals['rss_growth']}× the smallest "
                  f"size's and ≤ {goals['rss_mib']} MiB; per-article reads ≥ {goals['ratio']} of the floor; "
                  f"ingest on two processes ≥ {goals['speedup']}× faster than on one; archive-wide reads p50 "
                  f"≤ {goals['archive_p50_ms']} ms with the HTTP cache off."]
    return "\n".join(lines) + "\n"


def _short(path: str) -> str:
    parts = path.split("/")
    return "/".join(["{id}" if i == 2 else x for i, x in enumerate(parts)]) if len(parts) > 2 else path
