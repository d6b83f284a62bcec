"""How similar two articles must be to share a story, learned from the pile itself.

The similarities on the neighbour graph are a mixture of two populations: pairs of unrelated articles
that happen to be nearest neighbours (the background: most edges) and pairs from the same story. A
two-component Gaussian mixture on the log-similarities is fitted by EM; the threshold is the
background's upper tail at a fixed error rate: a similarity that background pairs reach for fewer than
`FALSE_LINKS` of an article's neighbours. So the granularity follows the corpus (how alike unrelated
articles are in this pile) instead of a constant tuned to one. Weak priors (a few pseudo-observations,
`PRIOR_*`) keep the fit sensible on tiny piles; with a real pile the data dominates.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import norm

PRIOR_UNRELATED = math.log(0.05)
"""Prior mean log-cosine of unrelated neighbours (TF-IDF cosine of unrelated news is a few percent)."""
PRIOR_SAME = math.log(0.4)
"""Prior mean log-cosine of two articles on one story."""
PRIOR_SD = 0.6
"""Prior spread of each component (log scale)."""
PRIOR_WEIGHT = 4.0
"""Pseudo-observations behind each prior: enough to steady a pile of five, nothing for a thousand."""
FLOOR = 1e-4
FALSE_LINKS = 0.05
"""Expected number of an article's neighbours that background similarity puts above the threshold."""


def mixture_threshold(similarities: np.ndarray, neighbours: float = 20.0, iterations: int = 200) -> float:
    """The similarity above which a neighbour pair is unlikely to be background.

    `neighbours`: edges per article in the graph the similarities come from.
    """
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
    z = float(norm.isf(FALSE_LINKS / max(neighbours, 1.0)))
    return min(1.0, math.exp(mean[0] + z * math.sqrt(var[0])))
