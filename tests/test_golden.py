"""Golden test of the seed brief. Refresh after an intended change, then review the diff:

pytest tests/test_golden.py --update-golden && git diff tests/golden
"""

from __future__ import annotations

from pathlib import Path

from helpers import seed_articles

from briefgen.analyze import analyze
from briefgen.models import Topic
from briefgen.render import environment, render_brief
from briefgen.topics import central_title, reading_order

GOLDEN = Path(__file__).parent / "golden" / "seed-brief.md"


def test_seed_brief_matches_golden(seeds: list[Path], update_golden: bool) -> None:
    # The topic as `briefgen build` and `briefgen brief` make it: articles in reading order (their
    # citation numbers), the most central headline as title.
    articles = reading_order(seed_articles(seeds))
    brief = analyze(Topic(slug="seed", title=central_title(articles), articles=articles))
    output = render_brief(brief, environment())
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(output, encoding="utf-8")
    assert output == GOLDEN.read_text(encoding="utf-8"), (
        "seed brief changed: rerun with --update-golden and review"
    )


def test_readme_excerpt_is_the_golden_brief() -> None:
    """Every line of the README's excerpt of the seed brief is a line of the golden brief, its links
    shown as `(#)` (the meta line without its download link): refresh the README with the golden."""
    import re

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("```markdown\n# ") + len("```markdown\n")
    excerpt = readme[start : readme.index("```", start)].splitlines()
    golden = {
        re.sub(
            r'\]\(\.\./articles/[^)]+\)| <a href="[^"]*" download>[^<]*</a>',
            lambda m: "](#)" if m[0][0] == "]" else "",
            line,
        )
        for line in GOLDEN.read_text(encoding="utf-8").splitlines()
    }
    assert [line for line in excerpt if line not in golden] == []
