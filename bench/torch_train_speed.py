"""PyTorch peer of bench/train-speed.sh: the five networks of models/ARCHITECTURES.md written in torch.nn from that
document's facts, trained with the same work per epoch as MI Studio's EegTrainer on the same data, on one thread.

Usage: torch_train_speed.py DATA_DIR BATCH WARMUP TIMED EXPECTED NET...   (EXPECTED: net=count,net=count,... from
the Java side; the script stops if a network's trainable parameter count differs). Prints one JSON line per network.

Per epoch, as EegTrainer with no validation split, no batch-norm recompute and no early stopping: shuffle, then per
batch of BATCH trials: per-channel standardisation of the batch, forward, cross-entropy, loss to a float, backward,
accuracy count, Adam step (lr 1e-3, betas 0.9/0.999, eps 1e-7 as Keras), max-norm of the constrained weights after
the step; at the end of the epoch a copy of all parameters when the training loss improved (EegTrainer keeps the best
weights).
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

MAX_NORM_EPS = 1e-7


def same_conv(cin, cout, k, groups=1, bias=False):
    """Keras 'same' along time: pad k//2 both sides; for even k drop the first output (TensorFlow's alignment)."""
    conv = nn.Conv2d(cin, cout, (1, k), padding=(0, k // 2), groups=groups, bias=bias)
    return conv if k % 2 else nn.Sequential(conv, Trim())


class Trim(nn.Module):
    def forward(self, x):
        return x[:, :, :, 1:]


class Lambda(nn.Module):
    def __init__(self, f):
        super().__init__()
        self.f = f

    def forward(self, x):
        return self.f(x)


def separable(cin, cout, k, bias=False):
    return nn.Sequential(same_conv(cin, cin, k, groups=cin), nn.Conv2d(cin, cout, 1, bias=bias))


def keras_bn(maps):
    # Keras defaults momentum 0.99, eps 1e-3; PyTorch's momentum is 1 - Keras'.
    return nn.BatchNorm2d(maps, eps=1e-3, momentum=0.01)


class Net(nn.Module):
    """A sequential network with a list of (module, max_norm) constraints."""

    def __init__(self, body, constraints):
        super().__init__()
        self.body = body
        self.constraints = constraints

    def forward(self, x):
        return self.body(x.unsqueeze(1))


def shallow(c, t, classes):
    temporal = nn.Conv2d(1, 40, (1, 13))
    spatial = nn.Conv2d(40, 40, (c, 1), bias=False)
    pooled = (t - 13 + 1 - 35) // 7 + 1
    dense = nn.Linear(40 * pooled, classes)
    body = nn.Sequential(temporal, spatial, nn.BatchNorm2d(40, eps=1e-5, momentum=0.1), Lambda(torch.square),
                         nn.AvgPool2d((1, 35), (1, 7)), Lambda(lambda x: torch.log(torch.clamp(x, 1e-7, 1e4))),
                         nn.Dropout(0.5), nn.Flatten(), dense)
    return Net(body, [(temporal, 2.0), (spatial, 2.0), (dense, 0.5)])


def deep(c, t, classes):
    layers, constraints = [], []

    def tail(maps):
        layers.extend([nn.BatchNorm2d(maps, eps=1e-5, momentum=0.1), nn.ELU(), nn.MaxPool2d((1, 2), (1, 2)),
                       nn.Dropout(0.5)])

    temporal = nn.Conv2d(1, 25, (1, 5))
    spatial = nn.Conv2d(25, 25, (c, 1))
    layers += [temporal, spatial]
    constraints += [(temporal, 2.0), (spatial, 2.0)]
    tail(25)
    n = (t - 4) // 2
    prev = 25
    for f in (50, 100, 200):
        conv = nn.Conv2d(prev, f, (1, 5))
        layers.append(conv)
        constraints.append((conv, 2.0))
        tail(f)
        prev = f
        n = (n - 4) // 2
    dense = nn.Linear(200 * n, classes)
    layers += [nn.Flatten(), dense]
    constraints.append((dense, 0.5))
    return Net(nn.Sequential(*layers), constraints)


def eegnet_features(c, f1, k, d, f2, sk, constraints):
    depthwise = nn.Conv2d(f1, f1 * d, (c, 1), groups=f1, bias=False)
    constraints.append((depthwise, 1.0))
    return nn.Sequential(same_conv(1, f1, k), keras_bn(f1), depthwise, keras_bn(f1 * d), nn.ELU(),
                         nn.AvgPool2d((1, 4)), nn.Dropout(0.5), separable(f1 * d, f2, sk), keras_bn(f2), nn.ELU(),
                         nn.AvgPool2d((1, 8)), nn.Dropout(0.5), nn.Flatten())


def eegnet(c, t, classes):
    constraints = []
    feats = eegnet_features(c, 8, 64, 2, 16, 16, constraints)
    dense = nn.Linear(16 * (t // 4 // 8), classes)
    constraints.append((dense, 0.25))
    return Net(nn.Sequential(feats, dense), constraints)


class Concat(nn.Module):
    def __init__(self, branches, dim):
        super().__init__()
        self.branches = nn.ModuleList(branches)
        self.dim = dim

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], self.dim)


def eegnet_fusion(c, t, classes):
    constraints = []
    branches = [eegnet_features(c, f1, k, 2, f2, sk, constraints)
                for f1, k, f2, sk in ((8, 64, 16, 8), (16, 96, 32, 16), (32, 128, 64, 32))]
    dense = nn.Linear((16 + 32 + 64) * (t // 4 // 8), classes)
    constraints.append((dense, 0.25))
    return Net(nn.Sequential(Concat(branches, 1), dense), constraints)


def mi_eegnet(c, t, classes):
    depthwise = nn.Conv2d(64, 256, (c, 1), groups=64, bias=False)
    half = t // 4 // 2
    towers = [nn.Sequential(nn.Conv2d(256, 64, 1, bias=False), separable(64, 64, k), keras_bn(64), nn.ELU(),
                            nn.Dropout(0.5), separable(64, 64, k), nn.AvgPool2d((1, 2)))
              for k in (7, 9)]
    towers.append(nn.Sequential(nn.AvgPool2d((1, 2)), nn.Conv2d(256, 64, 1, bias=False)))
    towers.append(nn.Sequential(nn.Conv2d(256, 64, 1, stride=(1, 2), bias=False),
                                Lambda(lambda x: x[:, :, :, :half])))
    dense = nn.Linear(256, classes)
    body = nn.Sequential(same_conv(1, 64, 16), keras_bn(64), depthwise, keras_bn(256), nn.ELU(), nn.AvgPool2d((1, 4)),
                         nn.Dropout(0.5), Concat(towers, 1), keras_bn(256), nn.ELU(), separable(256, 256, 5, bias=True),
                         keras_bn(256), nn.ELU(), nn.Dropout(0.5), Lambda(lambda x: x.mean(3).mean(2)), dense)
    return Net(body, [(depthwise, 1.0), (dense, 0.25)])


NETWORKS = {"shallow": shallow, "deep": deep, "eegnet": eegnet, "eegnet-fusion": eegnet_fusion,
            "mi-eegnet": mi_eegnet}


def glorot(net):
    """Keras' initialisation, as ours: Glorot uniform weights, zero biases (batch norm: gamma 1, beta 0)."""
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)


@torch.no_grad()
def max_norm(net):
    for module, limit in net.constraints:
        w = module.weight
        n = w.square().sum(dim=tuple(range(1, w.dim())), keepdim=True).sqrt()
        w.mul_(n.clamp(0, limit) / (n + MAX_NORM_EPS))


def run(name, x, y, batch, warmup, timed, seed=42):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    n, c, t = x.shape
    net = NETWORKS[name](c, t, 2)
    glorot(net)
    params = sum(p.numel() for p in net.parameters())
    mean = x.mean(axis=(0, 2), keepdims=True)[0]
    sd = x.std(axis=(0, 2), keepdims=True)[0]
    xt, yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))
    mean_t, sd_t = torch.from_numpy(mean), torch.from_numpy(sd)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    net.train()
    max_norm(net)
    best, snapshot = float("inf"), None
    wall, cpu = [], []
    for epoch in range(1, warmup + timed + 1):
        w0, c0 = time.perf_counter(), time.thread_time()
        order = torch.from_numpy(rng.permutation(n))
        loss_sum, correct = 0.0, 0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb = (xt[idx] - mean_t) / sd_t
            yb = yt[idx]
            opt.zero_grad()
            logits = net(xb)
            loss = loss_fn(logits, yb)
            batch_loss = loss.item()
            loss.backward()
            loss_sum += batch_loss * len(idx)
            correct += int((logits.argmax(1) == yb).sum())
            opt.step()
            max_norm(net)
        train_loss = loss_sum / n
        if train_loss < best:
            best = train_loss
            snapshot = {k: v.detach().clone() for k, v in net.state_dict().items()}
        if epoch > warmup:
            wall.append(time.perf_counter() - w0)
            cpu.append(time.thread_time() - c0)
    del snapshot
    return {"net": name, "params": params, "seconds": wall, "cpu": cpu}


def main():
    data, batch, warmup, timed, expected = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    n, c, t = (int(v) for v in open(f"{data}/shape.txt").read().split())
    x = np.fromfile(f"{data}/x.f32", dtype="<f4").reshape(n, c, t)
    y = np.fromfile(f"{data}/y.i32", dtype="<i4")
    want = dict(kv.split("=") for kv in expected.split(",") if kv)
    for name in sys.argv[6:]:
        r = run(name, x, y, batch, warmup, timed)
        if name in want and int(want[name]) != r["params"]:
            sys.exit(f"torch_train_speed: {name} has {r['params']} trainable parameters here, "
                     f"{want[name]} in MI Studio; not the same architecture")
        r["torch"] = torch.__version__
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
