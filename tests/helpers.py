from __future__ import annotations

import hashlib
from pathlib import Path

from briefgen.cache import code_fingerprint
from briefgen.config import Config
from briefgen.models import Article, RawDocument
from briefgen.pipeline import read_articles
from briefgen.reading.article import to_article
from briefgen.reading.split import split_article
from briefgen.sections import TopicContext


def article(text: str, id: str = "a", **meta: str) -> Article:
    return to_article(RawDocument(id=id, path=f"{id}.txt", text=text, meta=dict(meta)))


def context(*articles: Article, groups: dict[str, str] | None = None) -> TopicContext:
    return TopicContext(tuple(articles), {a.id: split_article(a) for a in articles}, groups or {})


def seed_articles(paths: list[Path]) -> list[Article]:
    """The seeds as the pipeline reads them (syndicated copies fill each other's missing outlet)."""
    articles, skipped = read_articles(paths)
    assert not skipped, skipped
    return articles


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative POSIX path -> bytes), to compare two builds byte for byte."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def build_config(root: Path, name: str) -> Config:
    """A serial build of `root/in` into `root/name/` (docs, site, cache), no MkDocs or project templates."""
    return Config(
        input_dir=root / "in",
        docs_dir=root / name / "docs",
        site_dir=root / name / "site",
        cache_dir=root / name / "cache",
        mkdocs_config=root / "no-mkdocs.yml",
        templates_dir=root / "no-templates",
        jobs=1,
    )


def working_tree() -> str:
    """A hash of what a build reads of the working tree besides its input: briefgen's code (as this
    process found it first, `code_fingerprint`) and, through the working folder, the project's
    templates/ and mkdocs.yml."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for path in sorted([*Path("templates").rglob("*"), Path("mkdocs.yml")]):
        if path.is_file():
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
