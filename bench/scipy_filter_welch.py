"""SciPy peer of FilterWelchBench: sosfiltfilt (Butterworth 4, 8-30 Hz) + welch (Hann, 1 s, 50 %) of every
channel of the same float32 file. Prints one JSON line per data set with the times of each run in ms.

Usage: python3 scipy_filter_welch.py DATA_DIR [RUNS]
"""
import json
import os
import sys
import time

import numpy as np
import scipy
from scipy import signal

SETS = {"64ch-160Hz-120s": (64, 160.0, 19200), "64ch-1000Hz-600s": (64, 1000.0, 600000)}
data_dir = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
for name, (channels, fs, n) in SETS.items():
    x = np.fromfile(os.path.join(data_dir, name + ".f32"), dtype="<f4").reshape(channels, n)
    sos = signal.butter(4, [8, 30], btype="bandpass", fs=fs, output="sos")
    seg = int(round(fs))
    times = []
    for run in range(runs + 3):  # 3 warm-up runs, as the JMH side
        t0 = time.perf_counter()
        y = signal.sosfiltfilt(sos, x, axis=1)
        f, p = signal.welch(y, fs=fs, window="hann", nperseg=seg, noverlap=seg // 2, axis=1)
        t1 = time.perf_counter()
        if run >= 3:
            times.append((t1 - t0) * 1e3)
    print(json.dumps({"set": name, "scipy": scipy.__version__, "ms": times}))
