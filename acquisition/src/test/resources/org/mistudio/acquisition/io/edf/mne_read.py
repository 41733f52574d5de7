"""Reads an EDF/BDF file with MNE-Python and prints what it found as JSON (used by EdfMneInteropTest).

Usage: python3 mne_read.py FILE
Output: {"ch_names": [...], "sfreq": f, "data_uV": [[...], ...], "annotations": [[onset, duration, text], ...],
         "meas_date": iso or null}
"""
import json
import sys

import mne

raw = mne.io.read_raw_edf(sys.argv[1], preload=True, verbose="error") if sys.argv[1].endswith(".edf") \
    else mne.io.read_raw_bdf(sys.argv[1], preload=True, verbose="error")
out = {
    "ch_names": raw.ch_names,
    "sfreq": raw.info["sfreq"],
    "data_uV": (raw.get_data() * 1e6).tolist(),
    "annotations": [[float(a["onset"]), float(a["duration"]), a["description"]] for a in raw.annotations],
    "meas_date": None if raw.info["meas_date"] is None else raw.info["meas_date"].isoformat(),
}
json.dump(out, sys.stdout)
