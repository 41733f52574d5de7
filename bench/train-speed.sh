#!/usr/bin/env bash
# Seconds per training epoch of the five networks: MI Studio (EegTrainer, DJL 0.34 on libtorch 2.7.1, one thread)
# against the same architectures in PyTorch (bench/torch_train_speed.py, Debian's python3-torch 1.13.1, one thread),
# on the same seeded data, one network at a time, each side pinned to the same core, and prints a table of medians
# and ratios. The data: 58 trials x 64 channels x 512 samples, 2 classes, batch 32: the training part of one
# PaperBenchmark fold on EEGMMIDB (90 trials, 72 in the four training folds, 20 % of them held out for early stopping;
# 4 s at 128 Hz). Per epoch both sides do forward, cross-entropy, backward, Adam step and max-norm after every step;
# no validation and no batch-norm recompute on either side.
# Usage: bench/train-speed.sh [WARMUP_EPOCHS TIMED_EPOCHS [NET...]]   (defaults 1 and 3, all five networks)
# Environment: CORE (default 1) for taskset; ROUNDS (default 1): repeat the whole comparison, medians over all rounds.
# python3-torch is needed for the benchmark only (MI Studio does not use Python); install it with
#   apt-get install -y python3-torch
set -euo pipefail
cd "$(dirname "$0")/.."
warmup=${1:-1}
timed=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
nets=("$@")
[ ${#nets[@]} -gt 0 ] || nets=(shallow deep eegnet eegnet-fusion mi-eegnet)
core=${CORE:-1}
rounds=${ROUNDS:-1}
batch=32
if ! /usr/bin/python3 -c "import torch" 2> /dev/null; then
  echo "train-speed: /usr/bin/python3 cannot import torch; install Debian's python3-torch (benchmark only):" \
       "apt-get install -y python3-torch" >&2
  exit 1
fi
pin=()
command -v taskset > /dev/null && pin=(taskset -c "$core")
mvn -q -o -DskipTests -pl bench -am package
data=bench/target/train-data
out=bench/target/train-speed.jsonl
java -cp bench/target/benchmarks.jar org.mistudio.bench.TrainSpeed data "$data" 58 64 512
: > "$out"
echo "load before: $(uptime)" >&2
djl() {
  local line
  line=$("${pin[@]}" java -cp bench/target/benchmarks.jar org.mistudio.bench.TrainSpeed run "$data" $batch \
         "$warmup" "$timed" "$1" 2> /dev/null)
  echo "{\"side\": \"djl\", \"data\": $line}" >> "$out"
  params[$1]=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["params"])' "$line")
}
peer() {
  local line
  line=$("${pin[@]}" /usr/bin/python3 bench/torch_train_speed.py "$data" $batch "$warmup" "$timed" \
         "$1=${params[$1]:-}" "$1")
  echo "{\"side\": \"torch\", \"data\": $line}" >> "$out"
}
declare -A params
# Each network's two sides run back to back; with ROUNDS > 1 the order alternates (DJL first, then PyTorch first)
# so that a change in the machine's load does not always favour the same side.
for round in $(seq 1 "$rounds"); do
  for net in "${nets[@]}"; do
    if (( round % 2 )); then djl "$net"; peer "$net"; else peer "$net"; djl "$net"; fi
    echo "train-speed: round $round, $net done" >&2
  done
done
echo "load after: $(uptime)" >&2
python3 - "$out" "$warmup" "$timed" "$rounds" <<'PY'
import json, statistics, sys
rows = {}
torch_version = "?"
for line in open(sys.argv[1]):
    d = json.loads(line)
    r = rows.setdefault(d["data"]["net"], {}).setdefault(d["side"], {"seconds": [], "cpu": []})
    r["params"] = d["data"]["params"]
    r["seconds"] += d["data"]["seconds"]
    r["cpu"] += d["data"]["cpu"]
    torch_version = d["data"].get("torch", torch_version)
med = statistics.median
print(f"{'network':14} {'params':>8} {'DJL wall':>9} {'torch wall':>11} {'torch/DJL':>10} {'DJL CPU':>8} {'torch CPU':>10} {'torch/DJL':>10}")
for net, r in rows.items():
    dj, pt = r["djl"], r["torch"]
    assert dj["params"] == pt["params"], net
    dw, pw, dc, pc = med(dj["seconds"]), med(pt["seconds"]), med(dj["cpu"]), med(pt["cpu"])
    print(f"{net:14} {dj['params']:8d} {dw:8.2f}s {pw:10.2f}s {pw / dw:9.2f}x {dc:7.2f}s {pc:9.2f}s {pc / dc:9.2f}x")
print(f"seconds per epoch, median of {sys.argv[3]} epochs after {sys.argv[2]} warm-up epoch(s) x {sys.argv[4]} round(s); 58 trials x 64 x 512, "
      f"batch 32, one thread; wall clock and the training thread's CPU time. torch/DJL > 1: MI Studio is faster.")
print(f"MI Studio: DJL 0.34.0 on libtorch 2.7.1; peer: PyTorch {torch_version} (Debian python3-torch 1.13.1). "
      "Different libtorch versions: the ratio compares the two stacks as shipped, not the same kernels.")
PY
