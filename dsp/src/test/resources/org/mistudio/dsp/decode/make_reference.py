#!/usr/bin/python3
"""Reference outputs for MI Studio's decoders and evaluation tools.

Run with /usr/bin/python3 (numpy 1.24, scikit-learn 1.2.1, MNE-Python 1.3.0):
    /usr/bin/python3 make_reference.py
It writes reference.json next to this file. Inputs (deterministic, fixed seeds) are stored in the JSON
too, so the Java tests read exactly the data sklearn/MNE saw; the Java tests never run Python.
"""
import json
import os

import numpy as np
import mne
import sklearn
from scipy import stats
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis as LDA
from sklearn.metrics import (cohen_kappa_score, confusion_matrix, precision_recall_fscore_support,
                             roc_auc_score, accuracy_score)
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from mne.decoding import CSP

mne.set_log_level('ERROR')
out = {'versions': {'numpy': np.__version__, 'sklearn': sklearn.__version__, 'mne': mne.__version__}}


def gaussian_classes(rng, counts, means, cov):
    X = np.vstack([rng.multivariate_normal(m, cov, size=c) for m, c in zip(means, counts)])
    return X


def lda_case(name, X, y, Xtest):
    case = {'X': X.tolist(), 'y': y.tolist(), 'Xtest': Xtest.tolist()}
    for key, est in (('svd', LDA()), ('lsqr_auto', LDA(solver='lsqr', shrinkage='auto')),
                     ('lsqr_0.3', LDA(solver='lsqr', shrinkage=0.3))):
        est.fit(X, y)
        case[key] = {
            'classes': est.classes_.tolist(),
            'coef': np.atleast_2d(est.coef_).tolist(),
            'intercept': np.atleast_1d(est.intercept_).tolist(),
            'decision': np.asarray(est.decision_function(Xtest)).reshape(len(Xtest), -1).tolist(),
            'proba': est.predict_proba(Xtest).tolist(),
            'predict': est.predict(Xtest).tolist(),
        }
    out['lda'][name] = case


out['lda'] = {}
rng = np.random.RandomState(42)
A = rng.randn(5, 5)
cov5 = A @ A.T / 5 + 0.5 * np.eye(5)
means2 = [np.zeros(5), np.array([1.0, -0.5, 0.3, 0.8, 0.0])]
X = gaussian_classes(rng, [25, 35], means2, cov5)
y = np.array([3] * 25 + [7] * 35)
perm = rng.permutation(len(y))
X, y = X[perm], y[perm]
Xtest = gaussian_classes(rng, [10, 10], means2, cov5)
lda_case('two_class', X, y, Xtest)

# collinear feature: within-class scatter singular (svd solver truncates its rank)
Xc = np.column_stack([X, X[:, 0] + 2 * X[:, 1]])
Xct = np.column_stack([Xtest, Xtest[:, 0] + 2 * Xtest[:, 1]])
lda_case('two_class_collinear', Xc, y, Xct)

B = rng.randn(4, 4)
cov4 = B @ B.T / 4 + 0.3 * np.eye(4)
means3 = [np.zeros(4), np.array([1.0, 0.5, -0.5, 0.0]), np.array([-0.5, 1.0, 0.5, 0.5])]
X3 = gaussian_classes(rng, [20, 30, 25], means3, cov4)
y3 = np.array([0] * 20 + [1] * 30 + [2] * 25)
perm = rng.permutation(len(y3))
X3, y3 = X3[perm], y3[perm]
X3t = gaussian_classes(rng, [5, 5, 5], means3, cov4)
lda_case('three_class', X3, y3, X3t)


def synthetic_epochs(rng, n_trials_per_class, n_channels, n_times, n_classes):
    """Class-dependent channel covariances: shared mixing, class-specific source powers."""
    mixing = rng.randn(n_channels, n_channels)
    X, y = [], []
    for k in range(n_classes):
        power = np.ones(n_channels)
        power[k] = 1.8   # source k is strong in class k
        power[(k + 1) % n_channels] = 0.3
        for _ in range(n_trials_per_class):
            src = rng.randn(n_channels, n_times) * np.sqrt(power)[:, None]
            X.append(mixing @ src + 0.1 * rng.randn(n_channels, 1))
            y.append(k)
    X = np.asarray(X).astype(np.float32).astype(np.float64)   # exactly representable as Java floats
    y = np.asarray(y)
    perm = rng.permutation(len(y))
    return X[perm], y[perm]


def csp_result(csp, X, Xtest):
    return {'filters': csp.filters_.tolist(), 'patterns': csp.patterns_.tolist(),
            'mean': csp.mean_.tolist(), 'std': csp.std_.tolist(),
            'features': csp.transform(X).tolist(), 'features_test': csp.transform(Xtest).tolist()}


out['csp'] = {}
rng = np.random.RandomState(7)
Xe, ye = synthetic_epochs(rng, 19, 6, 64, 2)   # same mixing for training and test trials
Xe, ye, Xet, yet = Xe[:28], ye[:28], Xe[28:], ye[28:]
case = {'X': Xe.tolist(), 'y': ye.tolist(), 'Xtest': Xet.tolist(), 'ytest': yet.tolist()}
configs = {
    'default': dict(n_components=4, reg=None, log=True, norm_trace=False),
    'reg0.1': dict(n_components=4, reg=0.1, log=True, norm_trace=False),
    'epoch_cov': dict(n_components=4, reg=None, log=True, norm_trace=False, cov_est='epoch'),
    'alternate': dict(n_components=4, reg=None, log=True, norm_trace=False, component_order='alternate'),
    'norm_trace_zscore': dict(n_components=3, reg=None, log=False, norm_trace=True),
}
for key, kw in configs.items():
    csp = CSP(**kw).fit(Xe, ye)
    case[key] = csp_result(csp, Xe, Xet)
pipe = make_pipeline(CSP(n_components=4, reg=None, log=True, norm_trace=False), LDA())
pipe.fit(Xe, ye)
case['pipeline'] = {'decision': pipe.decision_function(Xet).tolist(), 'predict': pipe.predict(Xet).tolist(),
                    'proba': pipe.predict_proba(Xet).tolist(),
                    'cv_kfold5_accuracy': cross_val_score(
                        make_pipeline(CSP(n_components=4, reg=None, log=True, norm_trace=False), LDA()),
                        Xe, ye, cv=KFold(5), scoring='accuracy').tolist()}
out['csp']['two_class'] = case

rng = np.random.RandomState(11)
Xm, ym = synthetic_epochs(rng, 11, 5, 64, 3)
Xm, ym, Xmt = Xm[:24], ym[:24], Xm[24:]
keep = np.ones(len(ym), bool)
keep[np.where(ym == 0)[0][:3]] = False   # unbalanced classes (5, 8, 8 or so): class weights matter
Xm, ym = Xm[keep], ym[keep]
case = {'X': Xm.tolist(), 'y': ym.tolist(), 'Xtest': Xmt.tolist()}
case['default'] = csp_result(CSP(n_components=4, reg=None, log=True, norm_trace=False).fit(Xm, ym), Xm, Xmt)
case['epoch_cov'] = csp_result(CSP(n_components=4, reg=None, log=True, norm_trace=False, cov_est='epoch')
                               .fit(Xm, ym), Xm, Xmt)
out['csp']['three_class'] = case

# ---- splitters ----
out['splits'] = {}
out['splits']['kfold'] = {str(k): [[tr.tolist(), te.tolist()] for tr, te in KFold(k).split(np.zeros(23))]
                          for k in (2, 5, 7)}
rng = np.random.RandomState(3)
ys = rng.choice(['right', 'left', 'feet'], size=23, p=[0.45, 0.35, 0.2])
out['splits']['stratified_y'] = ys.tolist()
out['splits']['stratified'] = {str(k): [[tr.tolist(), te.tolist()] for tr, te in
                                        StratifiedKFold(k).split(np.zeros(23), ys)] for k in (2, 3, 4)}
d2 = out['lda']['two_class']
out['cv'] = {'lda_two_class_kfold5_accuracy': cross_val_score(
    LDA(), np.array(d2['X']), np.array(d2['y']), cv=KFold(5), scoring='accuracy').tolist(),
    'lda_three_class_stratified4_accuracy': cross_val_score(
        LDA(), X3, y3, cv=StratifiedKFold(4), scoring='accuracy').tolist()}

# ---- metrics ----
rng = np.random.RandomState(5)
yt = rng.randint(0, 3, size=40)
yp = np.where(rng.rand(40) < 0.6, yt, rng.randint(0, 3, size=40))
yp[yp == 2] = np.where(rng.rand((yp == 2).sum()) < 0.5, 2, 1)
p, r, f, s = precision_recall_fscore_support(yt, yp, labels=[0, 1, 2], zero_division=0)
yb = rng.randint(0, 2, size=30)
scores = np.round(yb * 0.4 + rng.rand(30), 1)   # rounded: many ties
out['metrics'] = {'y_true': yt.tolist(), 'y_pred': yp.tolist(),
                  'accuracy': accuracy_score(yt, yp), 'kappa': cohen_kappa_score(yt, yp),
                  'confusion': confusion_matrix(yt, yp, labels=[0, 1, 2]).tolist(),
                  'precision': p.tolist(), 'recall': r.tolist(), 'f1': f.tolist(), 'support': s.tolist(),
                  'roc_y': yb.tolist(), 'roc_scores': scores.tolist(), 'roc_auc': roc_auc_score(yb, scores)}

# ---- binomial chance threshold (Mueller-Putz et al. 2008): smallest k with P(X >= k) < alpha ----
thr = []
for n, c, alpha in ((100, 2, 0.05), (100, 4, 0.05), (40, 2, 0.05), (40, 2, 0.01), (288, 4, 0.01),
                    (20, 3, 0.05), (1000, 2, 0.001)):
    k = next(k for k in range(n + 1) if stats.binom.sf(k - 1, n, 1.0 / c) < alpha)
    thr.append({'n': n, 'classes': c, 'alpha': alpha, 'k': int(k), 'accuracy': k / n})
out['binomial_threshold'] = thr

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference.json')
with open(path, 'w') as fh:
    json.dump(out, fh, separators=(',', ':'))
print('wrote', path, os.path.getsize(path), 'bytes')
