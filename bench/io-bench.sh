#!/usr/bin/env bash
# Reads all 45 EEGMMIDB EDF files fully into memory: MI Studio (JMH EdfReadBench, one thread) against MNE-Python's
# read_raw_edf(..., preload=True) (bench/mne_read_edf.py, Debian's python3-mne via /usr/bin/python3) in the same run;
# prints medians in MB/s (10^6 bytes of file per second) and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${MISTUDIO_EEGMMIDB:-$(cd .. && pwd)/shared/data/eegmmidb}"
mvn -q -o -DskipTests -pl bench -am package
java -Dmistudio.eegmmidb="$data" -jar bench/target/benchmarks.jar EdfReadBench \
  -rf json -rff bench/target/jmh-edf-read.json > bench/target/jmh-edf-read.log
mne_out=bench/target/mne-edf-read.json
if /usr/bin/python3 -c "import mne" 2> /dev/null; then
  taskset -c 0 /usr/bin/python3 bench/mne_read_edf.py "$data" 7 > "$mne_out"
else
  echo "io-bench: /usr/bin/python3 with MNE not found; MNE column left empty" >&2
  echo '{"seconds": [], "bytes": 0, "mne": "absent"}' > "$mne_out"
fi
python3 - "$data" "$mne_out" <<'PY'
import glob, json, os, statistics, sys
files = glob.glob(os.path.join(sys.argv[1], "**", "*.edf"), recursive=True)
size = sum(os.path.getsize(f) for f in files)
jmh = json.load(open("bench/target/jmh-edf-read.json"))[0]
ours_s = statistics.median(v for fork in jmh["primaryMetric"]["rawData"] for v in fork) / 1000
m = json.load(open(sys.argv[2]))
mne_s = statistics.median(m["seconds"]) if m["seconds"] else float("nan")
print(f"{len(files)} EEGMMIDB files, {size / 1e6:.1f} MB")
print(f"{'reader':34} {'median s':>9} {'MB/s':>8}")
print(f"{'MI Studio EdfReader.read (1 thread)':34} {ours_s:9.3f} {size / 1e6 / ours_s:8.1f}")
print(f"{'MNE ' + m['mne'] + ' read_raw_edf preload':34} {mne_s:9.3f} {size / 1e6 / mne_s:8.1f}")
print(f"MI Studio / MNE throughput: {mne_s / ours_s:.2f}x  (medians of 7 passes after 3 warm-ups; MNE pinned to one core)")
PY
