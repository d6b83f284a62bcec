"""The static site: `mkdocs build` (Material theme) over the docs folder briefgen wrote."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefgenError

DEFAULT_MKDOCS: dict[str, Any] = {
    "site_name": "briefgen briefings",
    "theme": {
        "name": "material",
        "font": False,
        "features": ["search.suggest", "search.highlight", "navigation.top"],
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "toggle": {"icon": "material/brightness-7", "name": "Switch to dark mode"},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "toggle": {"icon": "material/brightness-4", "name": "Switch to light mode"},
            },
        ],
    },
    "plugins": ["search"],
    "markdown_extensions": ["toc", "tables", "admonition"],
    "extra_css": ["assets/briefgen.css"],
}


def build_site(
    docs_dir: Path,
    site_dir: Path,
    nav: list[Any],
    site_name: str,
    mkdocs_config: Path | None,
    strict: bool = False,
) -> None:
    """Build the site into `site_dir` with MkDocs; raises BriefgenError on failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="briefgen-mkdocs-") as tmp:
        if mkdocs_config is not None and mkdocs_config.is_file():
            config_file = mkdocs_config
        else:
            config_file = Path(tmp) / "mkdocs.yml"
            config_file.write_text(
                yaml.safe_dump({**DEFAULT_MKDOCS, "site_name": site_name}), encoding="utf-8"
            )
        try:
            config = load_config(
                config_file=str(config_file),
                docs_dir=str(docs_dir.resolve()),
                site_dir=str(site_dir.resolve()),
                nav=nav,
                strict=strict,
            )
            os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
            build(config)
        except MkDocsException as exc:
            raise BriefgenError(f"mkdocs build failed: {exc}") from None
