"""briefgen's MkDocs plugin: `mkdocs build` after `briefgen build` gives the same site, byte for byte."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import tree

from briefgen.site import DEFAULT_MKDOCS

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_mkdocs_build_gives_briefgens_site(tmp_path: Path) -> None:
    """The project's mkdocs.yml, the seeds: `briefgen build`, then `mkdocs build` into another folder
    from the same docs/. Every file is compared, sitemap and search index included (the plugin gives
    MkDocs briefgen's timestamp, so nothing needs normalising)."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    bin_dir = Path(sys.executable).parent
    run([str(bin_dir / "briefgen"), "build", str(ROOT / "seeds"), "-q"], tmp_path)
    run([str(bin_dir / "mkdocs"), "build", "-q", "-d", "mk-site"], tmp_path)
    ours, theirs = tree(tmp_path / "site"), tree(tmp_path / "mk-site")
    assert len(ours) > 20 and "sitemap.xml.gz" in ours and "search/search_index.json" in ours
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    # briefgen's site, not MkDocs' default one: bounded navigation, article template, downloads.
    home = ours["index.html"].decode()
    assert "All topics" in home and "articles/" not in home.split("md-sidebar--secondary")[0]
    assert any(name.startswith("topics/") and name.endswith(".md") for name in ours)
    assert not any(name.startswith(".briefgen") for name in ours)


def test_default_config_is_the_projects() -> None:
    """Without an mkdocs.yml, `briefgen build` uses the same settings as the project's mkdocs.yml."""
    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("docs_dir", "site_dir"):
        project.pop(key)
    assert project == DEFAULT_MKDOCS


def test_unregistered_plugin_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An install made before the plugin existed: a message saying what to do, no MkDocs traceback."""
    import importlib.metadata

    from briefgen.errors import BriefgenError
    from briefgen.site import build_site

    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: ())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    with pytest.raises(BriefgenError, match="plugin is not registered: install briefgen again"):
        build_site(tmp_path / "docs", tmp_path / "site", None, "test", None)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("conflict", [False, True])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_docs_files_are_mkdocs_own(tmp_path: Path, conflict: bool, directory_urls: bool) -> None:
    """`siteplan.docs_files` (briefgen build's walk over docs/) gives the files MkDocs' `get_files`
    gives: same order, paths, destinations, addresses and exclusions; README.md beside index.md is
    MkDocs' own case."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from briefgen import siteplan

    docs = tmp_path / "docs"
    names = [
        "index.md",
        "report.md",
        "feed.xml",
        "a b.md",
        "Ünï.md",
        "z.md",
        ".hidden.md",
        ".dot/x.md",
        "topics/b.md",
        "topics/a.md",
        "topics/README.md",
        "topics/sub/index.md",
        "topics/sub/c.txt",
        "articles/x.y.md",
        "articles/.md",
        "articles/notes.markdown",
        "articles/index.md.md",
        "assets/briefgen.css",
        "templates/t.html",
        "drafts/d.md",
        "quiet/q.md",
        "README.md" if conflict else "other/README.md",
    ]
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# x\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ndraft_docs: 'drafts/'\nnot_in_nav: 'quiet/'\nexclude_docs: '*.txt'\n"
        f"use_directory_urls: {str(directory_urls).lower()}\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"))

    def described(files: Any) -> list[tuple[Any, ...]]:
        return [
            (
                type(f),
                f.src_uri,
                f.src_path,
                f.dest_uri,
                f.url,
                f.abs_src_path,
                f.abs_dest_path,
                f.inclusion,
                f.name,
                f.use_directory_urls,
                f.is_documentation_page(),
            )
            for f in files
        ]

    assert described(siteplan.docs_files(config)) == described(get_files(config))
    assert len(get_files(config)) == len(names) - conflict
