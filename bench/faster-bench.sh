#!/usr/bin/env bash
# FASTER on one EEGMMIDB subject (S001 runs 4, 8, 12; 64 channels, 45 epochs, ICA included): stage-by-stage wall
# time, median of 7 runs after 3 warm-ups in one JVM (bench/src/main/java/org/mistudio/bench/FasterBench.java).
# The issue's target: under 3 s in total on a 2-core machine. Pass "infomax" to time extended Infomax instead.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${MISTUDIO_EEGMMIDB:-$(cd .. && pwd)/shared/data/eegmmidb}"
mvn -q -o -DskipTests -pl bench -am package
java -cp bench/target/benchmarks.jar org.mistudio.bench.FasterBench "$data" 7 "${1:-fastica}"
