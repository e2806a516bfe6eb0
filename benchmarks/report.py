#!/usr/bin/env python3
"""Turns a run.sh output folder into summary.md (tables, hardened/raw ratios, targets) and chart.png.

    python3 benchmarks/report.py benchmarks/results/full

Reads <dir>/jdk*/jmh.json (JMH -rf json), coldstart.json (hyperfine --export-json, or run.sh's
fallback of the same shape), facts.md and jdk.txt, and <dir>/machine.txt. Needs only the standard
library for the tables; the chart needs matplotlib (pip install matplotlib, or Debian's
python3-matplotlib) and is skipped without it.
"""
import json
import math
import pathlib
import statistics
import sys

SHORT = {
    "EngineHandshakeBenchmark.handshake": "Full handshake, in memory (SSLEngine pair)",
    "SocketHandshakeBenchmark.handshake": "Full handshake on a new loopback connection (+1 byte each way)",
    "SocketHandshakeBenchmark.tcpBaseline": "Plain TCP: new loopback connection (+1 byte each way)",
    "ResumedHandshakeBenchmark.handshake": "Resumed TLS 1.3 handshake (PSK), in memory",
    "KeyShareBenchmark.defaultGroups": "TLS 1.3 full handshake, JDK default named groups",
    "KeyShareBenchmark.x25519Only": "TLS 1.3 full handshake, jdk.tls.namedGroups=x25519",
    "NewConnectionBenchmark.request": "OkHttp GET on a new connection (connect + TLS 1.3 + request)",
    "PooledRequestBenchmark.request": "GET on a pooled connection",
    "PooledRequestBenchmark.tcpRoundTrip": "Plain TCP round trip on an open loopback connection",
}
RATIO_PAIRS = [("hardened", "raw"), ("pinned", "hardened")]


def load(run_dir):
    runs = {}
    for jdk_dir in sorted(run_dir.glob("jdk*")):
        entry = {"jdk": (jdk_dir / "jdk.txt").read_text().strip() if (jdk_dir / "jdk.txt").exists() else jdk_dir.name}
        jmh = jdk_dir / "jmh.json"
        entry["jmh"] = json.loads(jmh.read_text()) if jmh.exists() and jmh.stat().st_size else []
        cold = jdk_dir / "coldstart.json"
        entry["cold"] = json.loads(cold.read_text())["results"] if cold.exists() else []
        paired = jdk_dir / "paired.json"
        entry["paired"] = json.loads(paired.read_text()) if paired.exists() and paired.stat().st_size else []
        facts = jdk_dir / "facts.md"
        entry["facts"] = facts.read_text().strip() if facts.exists() else ""
        runs[jdk_dir.name] = entry
    return runs


def to_us(value, unit):
    unit = unit.split("/")[0]
    return value * {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[unit]


def results(jmh):
    """{(benchmark, params-without-client): {client: (us, error_us, bytes_per_op)}}"""
    table = {}
    for r in jmh:
        name = r["benchmark"].replace("dev.hardwire.benchmarks.", "")
        params = dict(r.get("params", {}))
        client = params.pop("client", params.pop("stack", "-"))
        metric = r["primaryMetric"]
        us = to_us(metric["score"], metric["scoreUnit"])
        err = metric.get("scoreError")
        err = to_us(err, metric["scoreUnit"]) if isinstance(err, (int, float)) and not math.isnan(err) else 0.0
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        key = (name, tuple(sorted(params.items())))
        table.setdefault(key, {})[client] = (us, err, alloc)
    return table


def ratio(a, b):
    (x, ex, _), (y, ey, _) = a, b
    r = x / y
    return r, r * math.sqrt((ex / x) ** 2 + (ey / y) ** 2) if x and y else 0.0


def fmt_time(us):
    if us >= 1000:
        return f"{us / 1000:.2f} ms"
    if us >= 10:
        return f"{us:.0f} us"
    return f"{us:.2f} us"


def fmt_alloc(b):
    if b is None:
        return "-"
    return f"{b / 1024:.1f} KB" if b >= 1024 else f"{b:.0f} B"


def benchmark_tables(table):
    lines = []
    by_bench = {}
    for (name, params), clients in table.items():
        by_bench.setdefault(name, []).append((params, clients))
    for name in sorted(by_bench):
        rows = sorted(by_bench[name])
        clients = []
        for _, c in rows:
            for k in c:
                if k not in clients:
                    clients.append(k)
        order = ["raw", "raw-nodelay", "hardened", "pinned", "recommended", "-"]
        clients.sort(key=lambda c: order.index(c) if c in order else 99)
        pairs = [(a, b) for a, b in RATIO_PAIRS if a in clients and b in clients]
        param_names = [k for k, _ in rows[0][0]]
        lines.append(f"#### {name}: {SHORT.get(name, '')}")
        lines.append("")
        head = param_names + [f"{c} time" if c != "-" else "time" for c in clients] + [f"{a}/{b}" for a, b in pairs]
        head += [f"{c} alloc/op" if c != "-" else "alloc/op" for c in clients]
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        for params, c in rows:
            cells = [v for _, v in params]
            cells += [f"{fmt_time(c[k][0])} ± {fmt_time(c[k][1])}" if k in c else "" for k in clients]
            for a, b in pairs:
                if a in c and b in c:
                    r, e = ratio(c[a], c[b])
                    cells.append(f"**{r:.3f}** ± {e:.3f}")
                else:
                    cells.append("")
            cells += [fmt_alloc(c[k][2]) if k in c else "" for k in clients]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def paired_ratio(paired, benchmark, a, b, **params):
    for case in paired:
        if case["benchmark"] == benchmark and case["params"] == params:
            for r in case["ratios"]:
                if r["a"] == a and r["b"] == b:
                    return r
    return None


def paired_targets(paired):
    """(target, measured, verdict) rows from the interleaved A/B ratios: median and bootstrap 95% interval."""
    rows = []
    for case in paired:
        p = case["params"]
        label = ", ".join(f"{k}={v}" for k, v in sorted(p.items()))
        server = f"{p.get('server', 'jdk')} server"
        for r in case["ratios"]:
            pair = (r["a"], r["b"])
            if case["benchmark"] == "PooledRequestBenchmark.request" and pair == ("hardened", "raw"):
                rows.append((f"pooled request hardened/raw <= 1.02 ({label}), wall time", interval(r), verdict_interval(r, 1.02)))
                cpu = next((c for c in case.get("cpuRatios", []) if (c["a"], c["b"]) == pair), None)
                if cpu:
                    rows.append((f"pooled request hardened/raw <= 1.02 ({label}), CPU time", interval(cpu),
                                 verdict_interval(cpu, 1.02)))
            elif case["benchmark"] == "EngineHandshakeBenchmark.handshake" and pair == ("hardened", "raw"):
                rows.append((f"full handshake hardened/raw <= 1.05 ({label})", interval(r), verdict_interval(r, 1.05)))
            elif case["benchmark"] == "EngineHandshakeBenchmark.handshake" and pair == ("pinned", "hardened"):
                rows.append((f"pins add < 5% to a handshake ({label})", interval(r), verdict_interval(r, 1.05)))
            elif case["benchmark"] == "NewConnectionBenchmark.request" and pair == ("raw", "recommended"):
                rows.append((f"recommended stack (Hardwire + Conscrypt) >= 8x faster than raw OkHttp on JDK defaults,"
                             f" new connection, {server}", interval(r, "x"), "met" if r["low"] >= 8 else
                             ("met (median; interval crosses)" if r["median"] >= 8 else
                              ("MISSED (median; interval crosses)" if r["high"] >= 8 else "MISSED"))))
            elif case["benchmark"] == "NewConnectionBenchmark.request" and pair == ("hardened", "raw-nodelay"):
                rows.append((f"new-connection request hardened (JDK) / raw OkHttp + TCP_NODELAY, {server} (info)",
                             interval(r), ""))
            elif case["benchmark"] == "NewConnectionBenchmark.request" and pair == ("hardened", "raw"):
                rows.append((f"new-connection request hardened (JDK) / raw OkHttp on JDK defaults, {server} (info)",
                             interval(r), ""))
    return rows


def interval(r, suffix=""):
    return f"{r['median']:.3f}{suffix} [{r['low']:.3f}, {r['high']:.3f}]"


def verdict_interval(r, limit):
    if r["high"] <= limit:
        return "met"
    if r["median"] <= limit:
        return "met (median; interval crosses)"
    if r["low"] <= limit:
        return "MISSED (median; interval crosses)"
    return "MISSED"


def paired_table(paired):
    lines = ["| benchmark | params | variant medians (wall; CPU) | ratio (median [95% interval]) |", "|---|---|---|---|"]
    wanted = {("hardened", "raw"), ("pinned", "hardened"), ("raw", "recommended"), ("raw-nodelay", "recommended"),
              ("hardened", "raw-nodelay")}
    for case in paired:
        cpu = case.get("medianCpuMicros", {})
        medians = ", ".join(f"{k} {fmt_time(v)}" + (f"; {fmt_time(cpu[k])}" if k in cpu else "")
                            for k, v in case["medianMicros"].items())
        ratios = "<br>".join(f"{r['a']}/{r['b']}: **{r['median']:.3f}** [{r['low']:.3f}, {r['high']:.3f}]"
                             for r in case["ratios"] if (r["a"], r["b"]) in wanted)
        cpu_ratios = "<br>".join(f"CPU {r['a']}/{r['b']}: {r['median']:.3f} [{r['low']:.3f}, {r['high']:.3f}]"
                                 for r in case.get("cpuRatios", []) if (r["a"], r["b"]) in wanted)
        params = ", ".join(f"{k}={v}" for k, v in sorted(case["params"].items()))
        lines.append(f"| {case['benchmark']} | {params} | {medians} | {ratios}{'<br>' + cpu_ratios if cpu_ratios else ''} |")
    return lines


def targets(table, cold):
    """(target, measured, verdict) rows."""
    rows = []

    def get(name, **params):
        key = (name, tuple(sorted(params.items())))
        return table.get(key)

    for (name, params), c in sorted(table.items()):
        p = dict(params)
        label = ", ".join(f"{k}={v}" for k, v in params)
        if name == "PooledRequestBenchmark.request" and "raw" in c and "hardened" in c:
            r, e = ratio(c["hardened"], c["raw"])
            rows.append((f"pooled request hardened/raw <= 1.02 ({label})", f"{r:.3f} ± {e:.3f}", verdict(r, e, 1.02)))
        if name in ("EngineHandshakeBenchmark.handshake", "SocketHandshakeBenchmark.handshake") and "raw" in c and "hardened" in c:
            r, e = ratio(c["hardened"], c["raw"])
            kind = "in memory" if name.startswith("Engine") else "socket"
            rows.append((f"full handshake hardened/raw <= 1.05 ({kind}, {label})", f"{r:.3f} ± {e:.3f}", verdict(r, e, 1.05)))
        if name == "EngineHandshakeBenchmark.handshake" and "pinned" in c and "hardened" in c:
            r, e = ratio(c["pinned"], c["hardened"])
            rows.append((f"pins add < 5% to a handshake ({label})", f"{(r - 1) * 100:+.1f}% ± {e * 100:.1f}", verdict(r, e, 1.05, strict=True)))
    guard = get("PolicyMicroBenchmark.guardAndCredentials")
    if guard:
        us, err, _ = guard["-"]
        rows.append(("URL guard + credential match (100 credentials) < 2 us", f"{us:.2f} ± {err:.2f} us", verdict(us, err, 2.0, strict=True)))
    for server in ("boringssl", "jdk"):
        new_conn = get("NewConnectionBenchmark.request", server=server)
        if new_conn and "raw" in new_conn and "recommended" in new_conn:
            r, e = ratio(new_conn["raw"], new_conn["recommended"])
            rows.append((f"recommended stack >= 8x faster than raw OkHttp on JDK defaults (new connection, {server} server)",
                         f"{r:.1f}x ± {e:.1f}", "met" if r - e >= 8 else ("met (within error)" if r >= 8 else
                                                                          ("within error" if r + e >= 8 else "MISSED"))))
    return rows


def verdict(value, error, limit, strict=False):
    if (value < limit) if strict else (value <= limit):
        return "met"
    if value - error <= limit:
        return "within error"
    return "MISSED"


def cold_table(cold):
    if not cold:
        return []
    lines = ["| variant | mean | median | stddev | min | runs | vs raw |", "|---|---|---|---|---|---|---|"]
    means = {}
    for r in cold:
        name = r["command"].split()[-3] if " " in r["command"] else r["command"]
        times = r["times"]
        means[name] = statistics.mean(times)
    for r in cold:
        name = r["command"].split()[-3] if " " in r["command"] else r["command"]
        times = [t * 1000 for t in r["times"]]
        base = "raw-jdk" if name.endswith("jdk") else "raw-okhttp"
        vs = f"{means[name] / means[base]:.3f}" if base in means and name != base else ""
        sd = statistics.stdev(times) if len(times) > 1 else 0.0
        lines.append(f"| {name} | {statistics.mean(times):.0f} ms | {statistics.median(times):.0f} ms | {sd:.0f} ms | "
                     f"{min(times):.0f} ms | {len(times)} | {vs} |")
    return lines


def chart(runs, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        print("matplotlib not found: no chart (pip install matplotlib)", file=sys.stderr)
        return False
    jdks = list(runs)
    tables = {j: results(runs[j]["jmh"]) for j in jdks}
    colors = {"raw": "#9e9e9e", "raw-nodelay": "#bdbdbd", "hardened": "#1565c0", "pinned": "#64b5f6", "recommended": "#2e7d32"}
    fig, axes = plt.subplots(len(jdks), 3, figsize=(16, 4.6 * len(jdks)), squeeze=False)
    for row, jdk in enumerate(jdks):
        t = tables[jdk]
        label = runs[jdk]["jdk"].split("+")[0].split()[0]
        # 1: full handshake in memory, TLS 1.3 / 1.2, EC, per provider.
        ax = axes[row][0]
        groups = []
        paired_medians = {tuple(sorted(case["params"].items())): case["medianMicros"] for case in runs[jdk]["paired"]
                          if case["benchmark"] == "EngineHandshakeBenchmark.handshake"}
        for provider in ("JDK", "CONSCRYPT", "BOUNCY_CASTLE"):
            for protocol in ("TLSv1.3", "TLSv1.2"):
                key = tuple(sorted({"key": "EC_P256", "protocol": protocol, "provider": provider}.items()))
                # Interleaved medians when there are any (no error bar: see the ratio panel); else JMH.
                c = ({k: (v, 0.0, None) for k, v in paired_medians[key].items()} if key in paired_medians
                     else t.get(("EngineHandshakeBenchmark.handshake", key)))
                if c:
                    groups.append((f"{ {'JDK': 'JDK', 'CONSCRYPT': 'Conscrypt', 'BOUNCY_CASTLE': 'BCJSSE'}[provider]}\nTLS {protocol[4:]}", c))
        bars(ax, groups, ["raw", "hardened", "pinned"], colors, "ms", 1000)
        ax.set_title(f"JDK {label}: full handshake in memory, EC P-256\n(client + server, interleaved medians)", fontsize=10)
        # 2: new-connection OkHttp request per stack, per server.
        ax = axes[row][1]
        groups = [(f"{ {'boringssl': 'BoringSSL', 'jdk': 'JDK'}[server]} server",
                   t.get(("NewConnectionBenchmark.request", (("server", server),))))
                  for server in ("boringssl", "jdk")]
        groups = [(name, c) for name, c in groups if c]
        if groups:
            bars(ax, groups, [s for s in ("raw", "raw-nodelay", "hardened", "recommended") if s in groups[0][1]],
                 colors, "ms", 1000)
            ax.set_ylabel("ms per request")
            ax.legend(["raw OkHttp, JDK defaults", "raw OkHttp + TCP_NODELAY", "Hardwire, JDK provider",
                       "Hardwire, Conscrypt"], fontsize=8)
        ax.set_title(f"JDK {label}: OkHttp GET on a new connection\n(JMH mean; connect, TLS 1.3, request)", fontsize=10)
        # 3: hardened/raw ratios of pooled requests and handshakes.
        ax = axes[row][2]
        items = []  # (label, ratio, (error below, error above), limit)
        short = {"JDK": "JDK", "CONSCRYPT": "Conscrypt", "BOUNCY_CASTLE": "BCJSSE"}
        for case in runs[jdk]["paired"]:
            p = case["params"]
            r = next((r for r in case["ratios"] if (r["a"], r["b"]) == ("hardened", "raw")), None)
            if r is None:
                continue
            err = (r["median"] - r["low"], r["high"] - r["median"])
            if case["benchmark"] == "PooledRequestBenchmark.request":
                items.append((f"pooled GET {p['library']} {p['body']}", r["median"], err, 1.02))
            elif case["benchmark"] == "EngineHandshakeBenchmark.handshake":
                key = "EC" if p["key"].startswith("EC") else "RSA"
                items.append((f"handshake {short[p['provider']]} TLS {p['protocol'][4:]} {key}", r["median"], err, 1.05))
        if not items:
            for (name, params), c in sorted(t.items()):
                if "raw" not in c or "hardened" not in c:
                    continue
                p = dict(params)
                r, e = ratio(c["hardened"], c["raw"])
                if name == "PooledRequestBenchmark.request":
                    items.append((f"pooled GET {p['library']} {p['body']}", r, (e, e), 1.02))
                elif name == "SocketHandshakeBenchmark.handshake":
                    items.append((f"socket handshake {short[p['provider']]} TLS {p['protocol'][4:]}", r, (e, e), 1.05))
        if items:
            y = range(len(items))
            values = [r for _, r, _, _ in items]
            errors = [[min(e[0], r * 0.99) for _, r, e, _ in items], [e[1] for _, _, e, _ in items]]
            ax.barh(list(y), values, xerr=errors,
                    color=["#2e7d32" if r <= lim else "#c62828" for _, r, _, lim in items], capsize=2)
            ax.set_yticks(list(y))
            ax.set_yticklabels([n for n, _, _, _ in items], fontsize=8)
            ax.axvline(1.0, color="black", linewidth=0.8)
            ax.axvline(1.02, color="#2e7d32", linestyle=":", linewidth=1, label="1.02 target (pooled)")
            ax.axvline(1.05, color="#c62828", linestyle="--", linewidth=1, label="1.05 target (handshake)")
            ax.set_xscale("log")
            ticks = [t for t in (0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8, 12) if min(values) / 1.2 <= t <= max(values) * 1.2]
            ax.set_xticks(ticks)
            ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%.2g"))
            ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
            ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.05), ncol=2, frameon=False)
            ax.invert_yaxis()
        ax.set_title(f"JDK {label}: hardened / raw, same provider\n(interleaved median, 95% interval; green: met)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return True


def bars(ax, groups, series, colors, unit, scale):
    width = 0.8 / len(series)
    for i, s in enumerate(series):
        xs, ys, es = [], [], []
        for g, (_, c) in enumerate(groups):
            if s in c:
                xs.append(g + (i - (len(series) - 1) / 2) * width)
                ys.append(c[s][0] / scale)
                es.append(c[s][1] / scale)
        # A 99.9% interval can reach below zero; no time can.
        ax.bar(xs, ys, width, yerr=[[min(e, y) for e, y in zip(es, ys)], es], label=s, color=colors[s], capsize=2)
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels([g for g, _ in groups], fontsize=8)
    ax.set_ylabel(f"{unit} per handshake")
    ax.legend(fontsize=8)


def main():
    run_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/results/full")
    runs = load(run_dir)
    out = []
    machine = run_dir / "machine.txt"
    out.append(f"# Benchmark summary: {run_dir.name}")
    out.append("")
    if machine.exists():
        out.append("```")
        out.append(machine.read_text().strip())
        out.append("```")
        out.append("")
    for jdk, run in runs.items():
        table = results(run["jmh"])
        out.append(f"## {jdk}: {run['jdk']}")
        out.append("")
        if run["paired"]:
            out.append("### Targets, from interleaved A/B rounds (PairedRatios: median ratio [bootstrap 95% interval])")
            out.append("")
            out.append("| target | measured | verdict |")
            out.append("|---|---|---|")
            for name, measured, v in paired_targets(run["paired"]):
                out.append(f"| {name} | {measured} | {v} |")
            guard = table.get(("PolicyMicroBenchmark.guardAndCredentials", ()))
            if guard:
                us, err, _ = guard["-"]
                out.append(f"| URL guard + credential match (100 credentials) < 2 us (JMH) | {us:.2f} ± {err:.2f} us | "
                           f"{verdict(us, err, 2.0, strict=True)} |")
            out.append("")
            out.append("### Interleaved A/B rounds")
            out.append("")
            out.extend(paired_table(run["paired"]))
            out.append("")
        out.append("### Targets, from JMH (separate forks: sensitive to load changing between forks)")
        out.append("")
        out.append("| target | measured | verdict |")
        out.append("|---|---|---|")
        for name, measured, v in targets(table, run["cold"]):
            out.append(f"| {name} | {measured} | {v} |")
        out.append("")
        out.append("### Cold start: JVM start to the first completed request (whole process)")
        out.append("")
        out.extend(cold_table(run["cold"]))
        out.append("")
        if run["facts"]:
            out.append("### What each client negotiates with the JDK server (HandshakeFacts)")
            out.append("")
            out.append(run["facts"])
            out.append("")
        out.append("### All results (time ± 99.9% CI half-width; allocation per operation from -prof gc, server side included)")
        out.append("")
        out.extend(benchmark_tables(table))
    (run_dir / "summary.md").write_text("\n".join(out) + "\n")
    if runs and chart(runs, run_dir / "chart.png"):
        print(f"chart: {run_dir / 'chart.png'}")


if __name__ == "__main__":
    main()
