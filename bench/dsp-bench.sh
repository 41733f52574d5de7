#!/usr/bin/env bash
# Times MI Studio's zero-phase band-pass + Welch PSD (JMH, one and two threads) against SciPy's sosfiltfilt + welch
# on the same data in the same run, and prints a table of medians and ratios.
# Needs JDK 17 and Maven; the SciPy column needs Debian's python3-scipy (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests -pl bench -am package
data=bench/target/data
java -cp bench/target/benchmarks.jar org.mistudio.bench.BenchData "$data" > /dev/null
java -Dmistudio.bench.data="$data" -jar bench/target/benchmarks.jar FilterWelchBench \
  -rf json -rff bench/target/jmh-filter-welch.json > bench/target/jmh-filter-welch.log
scipy_out=bench/target/scipy-filter-welch.jsonl
if /usr/bin/python3 -c "import scipy" 2> /dev/null; then
  taskset -c 0 /usr/bin/python3 bench/scipy_filter_welch.py "$data" 7 > "$scipy_out"
else
  echo "dsp-bench: /usr/bin/python3 with SciPy not found; SciPy column left empty" >&2
  : > "$scipy_out"
fi
python3 - "$scipy_out" <<'PY'
import json, statistics, sys
jmh = json.load(open("bench/target/jmh-filter-welch.json"))
scipy = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    scipy[d["set"]] = (statistics.median(d["ms"]), d["scipy"])
rows = {}
for b in jmh:
    name = b["benchmark"].rsplit(".", 1)[1]
    s = b["params"]["set"]
    raw = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
    rows.setdefault(s, {})[name] = statistics.median(raw)
print(f"{'data set':18} {'MI Studio 1 thread':>19} {'MI Studio 2 threads':>20} {'SciPy':>10} {'SciPy / MI 1t':>14} {'SciPy / MI 2t':>14}")
for s, r in rows.items():
    sp = scipy.get(s, (float('nan'), ''))[0]
    print(f"{s:18} {r['oneThread']:16.1f} ms {r['twoThreads']:17.1f} ms {sp:7.1f} ms {sp / r['oneThread']:13.2f}x {sp / r['twoThreads']:13.2f}x")
print("MI Studio: median of 7 JMH iterations (3 s each, after 3 warm-up iterations); SciPy", next(iter(scipy.values()), ('', '?'))[1], "(one core): median of 7 runs after 3 warm-up runs")
PY
