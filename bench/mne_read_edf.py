"""Times MNE-Python's read_raw_edf(..., preload=True) on every EDF file under a folder (the 45 EEGMMIDB runs),
as bench/io-bench.sh compares with EdfReadBench. Prints one JSON line: seconds per pass over all files."""
import glob
import json
import os
import sys
import time

import mne

folder, repeats = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(os.path.join(folder, "**", "*.edf"), recursive=True))
assert len(files) == 45, f"expected the 45 EEGMMIDB files under {folder}, found {len(files)}"
mne.set_log_level("ERROR")


def one_pass():
    t = time.perf_counter()
    for f in files:
        raw = mne.io.read_raw_edf(f, preload=True, verbose=False)
        raw.get_data()  # already in memory with preload=True; keeps the work honest
    return time.perf_counter() - t


for _ in range(3):  # warm-ups, as JMH's
    one_pass()
seconds = [one_pass() for _ in range(repeats)]
print(json.dumps({"seconds": seconds, "bytes": sum(os.path.getsize(f) for f in files), "mne": mne.__version__}))
