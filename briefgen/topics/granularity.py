"""How similar two articles must be to share a story, learned from the pile itself.

The similarities on the neighbour graph are a mixture of two populations: pairs from the same story
(high) and pairs of unrelated articles that happen to be nearest neighbours (low). A two-component
Gaussian mixture on the log-similarities is fitted by EM, and the threshold is where a pair becomes
more likely to belong to the same story than not. Weak priors (a few pseudo-observations, see
`PRIOR_*`) keep the fit sensible on tiny piles; with a real pile the data dominates, so the granularity
follows the corpus instead of a constant tuned to one.
"""

from __future__ import annotations

import math

import numpy as np

PRIOR_UNRELATED = math.log(0.05)
"""Prior mean log-cosine of unrelated neighbours (TF-IDF cosine of unrelated news is a few percent)."""
PRIOR_SAME = math.log(0.4)
"""Prior mean log-cosine of two articles on one story."""
PRIOR_SD = 0.6
"""Prior spread of each component (log scale)."""
PRIOR_WEIGHT = 4.0
"""Pseudo-observations behind each prior: enough to steady a pile of five, nothing for a thousand."""
FLOOR = 1e-4


def mixture_threshold(similarities: np.ndarray, iterations: int = 200) -> float:
    """The similarity above which a pair is more likely same-story than unrelated."""
    x = np.log(np.clip(np.asarray(similarities, dtype=np.float64), FLOOR, 1.0))
    prior_mean = np.array([PRIOR_UNRELATED, PRIOR_SAME])
    mean = prior_mean.copy()
    var = np.full(2, PRIOR_SD**2)
    weight = np.array([0.5, 0.5])
    k = PRIOR_WEIGHT
    for _ in range(iterations):
        dens = weight[:, None] * np.exp(-0.5 * (x[None, :] - mean[:, None]) ** 2 / var[:, None])
        dens /= np.sqrt(var)[:, None]
        resp = dens / np.maximum(dens.sum(axis=0), 1e-300)
        n = resp.sum(axis=1)
        new_mean = (resp @ x + k * prior_mean) / (n + k)
        dev = (x[None, :] - new_mean[:, None]) ** 2
        new_var = ((resp * dev).sum(axis=1) + k * PRIOR_SD**2) / (n + k)
        new_weight = (n + k) / (n.sum() + 2 * k)
        done = np.allclose(new_mean, mean, atol=1e-7) and np.allclose(new_var, var, atol=1e-7)
        mean, var, weight = new_mean, new_var, new_weight
        if done:
            break
    return math.exp(_crossing(mean, var, weight))


def _crossing(mean: np.ndarray, var: np.ndarray, weight: np.ndarray) -> float:
    """Where the weighted densities of the two components are equal, between the two means."""
    lo, hi = float(min(mean)), float(max(mean))
    grid = np.linspace(lo, hi, 4001)
    logp = [
        math.log(weight[c]) - 0.5 * math.log(var[c]) - 0.5 * (grid - mean[c]) ** 2 / var[c] for c in (0, 1)
    ]
    high = int(np.argmax(mean))
    above = np.flatnonzero(logp[high] >= logp[1 - high])
    return float(grid[above[0]]) if len(above) else hi
