"""What a build imports: sumy's NLTK without scipy.stats (briefgen.summarize._nltk), NLTK unchanged."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import briefgen.summarize.sumy_adapter
assert "nltk" in sys.modules
assert "scipy.stats" not in sys.modules, "scipy.stats imported"
import importlib
association = importlib.import_module("nltk.metrics.association")
scores = importlib.import_module("nltk.metrics.scores")
import scipy.stats
assert scipy.stats.__file__  # the real module
assert association.fisher_exact([[8, 2], [1, 5]]) == scipy.stats.fisher_exact([[8, 2], [1, 5]])
print(scores.betai)
"""


PLAIN = "import scipy.stats, importlib; print(importlib.import_module('nltk.metrics.scores').betai)"


def test_sumy_is_imported_without_scipy_stats_and_nltk_works_the_same() -> None:
    light = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    # NLTK's own way (scipy.stats imported first): the same fallback for what scipy no longer has.
    plain = subprocess.run(
        [sys.executable, "-c", PLAIN],
        capture_output=True,
        text=True,
        check=True,
    )
    assert light.stdout == plain.stdout == "None\n"


def test_the_mkdocs_plugin_imports_no_reading_or_rendering() -> None:
    """A plain `mkdocs build` loads briefgen's plugin: it needs neither the reading package (sentence
    splitter, cleaning rules, readers) nor the brief templates' rendering."""
    check = (
        "import sys, briefgen.plugin\n"
        "briefgen.plugin.theme_dir()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('briefgen.reading', 'briefgen.render'))))"
    )
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"
