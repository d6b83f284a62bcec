"""Import NLTK (which sumy imports for its Snowball stemmer) without scipy.stats.

`import nltk` imports nltk.metrics.association, which imports `fisher_exact` from scipy.stats: about
0.6 CPU seconds of the 0.7 NLTK costs, paid by every build that analyses a topic (sumy's LexRank ranks
each article's sentences), for a function briefgen never calls. While NLTK is imported, scipy.stats
is a stand-in whose `fisher_exact` imports the real scipy.stats when it is called; the stand-in is
removed right after, so any later `import scipy.stats` gets the real module. NLTK behaves the same:
its other imports from scipy.stats (`norm` in gale_church, `betai` in metrics.scores) fail with the
real scipy too (a module named `norm` does not exist; scipy no longer has `betai`), and it falls back
in both cases. A test checks this.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


def _fisher_exact(*args: Any, **kwargs: Any) -> Any:
    return importlib.import_module("scipy.stats").fisher_exact(*args, **kwargs)


def import_nltk() -> None:
    """`import nltk`, without importing scipy.stats when it is not imported yet."""
    if "nltk" in sys.modules or "scipy.stats" in sys.modules:
        return
    stand_in = types.ModuleType("scipy.stats")
    stand_in.fisher_exact = _fisher_exact  # type: ignore[attr-defined]
    sys.modules["scipy.stats"] = stand_in
    try:
        import nltk  # noqa: F401
    finally:
        if sys.modules.get("scipy.stats") is stand_in:
            del sys.modules["scipy.stats"]
