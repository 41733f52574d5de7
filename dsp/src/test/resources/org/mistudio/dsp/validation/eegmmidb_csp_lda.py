#!/usr/bin/python3
"""MNE-Python's motor-imagery CSP+LDA example on EEGMMIDB imagined left/right fist (runs 4, 8, 12).

Protocol of mne/examples/decoding/decoding_csp_eeg.py (MNE 1.3) with the runs of imagined left vs right fist:
runs concatenated with concatenate_raws (BAD/EDGE boundary annotations), band-pass 7-30 Hz with MNE's default
FIR (firwin, skip_by_annotation='edge': each run filtered on its own), events T1 (left) / T2 (right),
Epochs tmin=-1, tmax=4 (baseline None; epochs overlapping a BAD annotation or the end are dropped), cropped
to 1-2 s, CSP(n_components=4, reg=None, log=True, norm_trace=False) + LinearDiscriminantAnalysis().
Scored with KFold(5) (contiguous, no shuffling) and ShuffleSplit(10, test_size=0.2, random_state=42).

Run with /usr/bin/python3 (MNE 1.3.0, scikit-learn 1.2.1):
    /usr/bin/python3 eegmmidb_csp_lda.py [DATA_DIR] > eegmmidb_csp_lda.json
DATA_DIR defaults to ../shared/data/eegmmidb seen from the repository root. With --time SUBJECT it only
times the whole pipeline (read, filter, epoch, 10 shuffle splits) for one subject and prints seconds.
"""
import json
import os
import sys
import time

import numpy as np
import mne
import sklearn
from mne import Epochs, events_from_annotations, pick_types
from mne.decoding import CSP
from mne.io import concatenate_raws, read_raw_edf
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import KFold, ShuffleSplit, cross_val_score
from sklearn.pipeline import Pipeline

mne.set_log_level('ERROR')
RUNS = (4, 8, 12)


def subject_data(data_dir, subject):
    files = [os.path.join(data_dir, 'S%03d' % subject, 'S%03dR%02d.edf' % (subject, r)) for r in RUNS]
    raw = concatenate_raws([read_raw_edf(f, preload=True) for f in files])
    raw.filter(7.0, 30.0, fir_design='firwin', skip_by_annotation='edge')
    events, _ = events_from_annotations(raw, event_id=dict(T1=2, T2=3))
    picks = pick_types(raw.info, meg=False, eeg=True, stim=False, eog=False, exclude='bads')
    epochs = Epochs(raw, events, dict(left=2, right=3), -1.0, 4.0, proj=True, picks=picks, baseline=None,
                    preload=True)
    train = epochs.copy().crop(tmin=1.0, tmax=2.0)
    labels = epochs.events[:, -1] - 2
    return raw, events, epochs, train.get_data(), labels


def pipeline():
    return Pipeline([('CSP', CSP(n_components=4, reg=None, log=True, norm_trace=False)),
                     ('LDA', LinearDiscriminantAnalysis())])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    data_dir = args[0] if args else os.path.join('..', 'shared', 'data', 'eegmmidb')
    if '--time' in sys.argv:
        subject = int(args[1]) if len(args) > 1 else 1
        t0 = time.perf_counter()
        _, _, _, x, y = subject_data(data_dir, subject)
        scores = cross_val_score(pipeline(), x, y, cv=ShuffleSplit(10, test_size=0.2, random_state=42))
        print(json.dumps({'subject': subject, 'seconds': time.perf_counter() - t0, 'accuracy': scores.mean()}))
        return
    out = {'versions': {'mne': mne.__version__, 'sklearn': sklearn.__version__, 'numpy': np.__version__},
           'protocol': __doc__.strip().splitlines()[0], 'subjects': []}
    for subject in range(1, 10):
        raw, events, epochs, x, y = subject_data(data_dir, subject)
        kfold = cross_val_score(pipeline(), x, y, cv=KFold(5))
        ss = ShuffleSplit(10, test_size=0.2, random_state=42)
        splits = [test.tolist() for _, test in ss.split(x)]
        shuffle = cross_val_score(pipeline(), x, y, cv=ss)
        kept = epochs.selection.tolist()  # indices into the T1/T2 events that survived
        out['subjects'].append({
            'subject': subject,
            'n_times': int(raw.n_times),
            'events': int(len(events)),
            'kept_events': kept,
            'event_samples': epochs.events[:, 0].tolist(),
            'labels': y.tolist(),
            'samples_per_epoch': int(x.shape[2]),
            'first_epoch_c3_first5_volts': x[0, epochs.ch_names.index('C3..'), :5].tolist(),
            'kfold5_scores': kfold.tolist(),
            'kfold5_accuracy': float(kfold.mean()),
            'shuffle10_test_indices': splits,
            'shuffle10_scores': shuffle.tolist(),
            'shuffle10_accuracy': float(shuffle.mean()),
        })
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
