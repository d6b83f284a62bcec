"""Golden test of the seed brief. Refresh after an intended change, then review the diff:

pytest tests/test_golden.py --update-golden && git diff tests/golden
"""

from __future__ import annotations

from pathlib import Path

from helpers import seed_articles

from briefgen.analyze import analyze
from briefgen.models import Topic
from briefgen.render import environment, render_brief

GOLDEN = Path(__file__).parent / "golden" / "seed-brief.md"


def test_seed_brief_matches_golden(seeds: list[Path], update_golden: bool) -> None:
    articles = tuple(seed_articles(seeds))
    brief = analyze(Topic(slug="seed", title=articles[1].title, articles=articles))
    output = render_brief(brief, environment())
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(output, encoding="utf-8")
    assert output == GOLDEN.read_text(encoding="utf-8"), (
        "seed brief changed: rerun with --update-golden and review"
    )
