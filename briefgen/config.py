"""Configuration: one optional YAML file (`briefgen.yml`), validated into a typed object.

Every option has a default; command-line flags override the file. Validation collects every
problem before stopping, so one run tells the user everything to fix.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import BriefgenError

CONFIG_FILE = "briefgen.yml"


@dataclass(frozen=True)
class Config:
    input_dir: Path = Path("seeds")
    """Folder of articles to read (sub-folders name topics)."""
    docs_dir: Path = Path("docs")
    """Where the Markdown briefs are written (MkDocs' docs_dir)."""
    site_dir: Path = Path("site")
    """Where the static site is built."""
    templates_dir: Path = Path("templates")
    """Project templates that override briefgen's defaults, file by file."""
    mkdocs_config: Path = Path("mkdocs.yml")
    """MkDocs configuration used for the site when present; briefgen's default otherwise."""
    site_name: str = "briefgen briefings"
    """Title of the site's home page."""
    summary_words: int = 150
    """Word budget of each topic's consensus summary."""
    article_summary_words: int = 60
    """Word budget of each article's short summary in the sources list."""
    build_site: bool = True
    """Run `mkdocs build` after writing the Markdown."""
    cache_dir: Path = Path(".briefgen-cache")
    """Shared state folder: analysis cache and the previous build's state (safe to delete)."""
    site_url: str = ""
    """Public address of the site (e.g. https://you.github.io/repo/): absolute feed links and sitemap."""

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_config(path: Path | None = None) -> Config:
    """Read and validate a config file; a missing default file means all defaults."""
    explicit = path is not None
    path = path or Path(CONFIG_FILE)
    if not path.exists():
        if explicit:
            raise BriefgenError(f"config file {path} not found")
        return Config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BriefgenError(f"cannot read config file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise BriefgenError(f"config file {path}: expected key: value pairs")
    known = {f.name: f for f in fields(Config)}
    errors = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        field = known.get(key)
        if field is None:
            errors.append(f"unknown option {key!r} (known: {', '.join(known)})")
            continue
        default = field.default
        if isinstance(default, Path) and isinstance(value, str):
            values[key] = Path(value)
        elif (
            isinstance(default, bool)
            and isinstance(value, bool)
            or isinstance(default, int)
            and not isinstance(default, bool)
            and isinstance(value, int)
            and value > 0
            or isinstance(default, str)
            and isinstance(value, str)
        ):
            values[key] = value
        else:
            errors.append(f"option {key!r}: expected {type(default).__name__}, got {value!r}")
    if errors:
        raise BriefgenError(f"config file {path}: " + "; ".join(errors))
    return Config(**values)
