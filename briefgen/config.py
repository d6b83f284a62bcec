"""Configuration: one optional YAML file (`briefgen.yml`), validated into a typed object.

Every option has a default; command-line flags override the file. Validation collects every
problem before stopping, so one run tells the user everything to fix.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import BriefgenError

CONFIG_FILE = "briefgen.yml"


@dataclass(frozen=True)
class Limits:
    """Resource limits: no single input can make a build use unbounded memory or time.

    Set them under `limits:` in briefgen.yml. What goes beyond a limit is skipped or cut, and the
    build report says so; nothing is dropped silently. Limits are sizes, not timeouts, so a build
    stays deterministic whatever the machine.
    """

    max_file_bytes: int = 20_000_000
    """A larger input file is skipped ("file too large") without being read."""
    max_input_files: int = 100_000
    """Files beyond this many (in sorted order) are skipped ("too many input files")."""
    max_articles_per_file: int = 5_000
    """A feed or JSON Lines file keeps its first N articles; the report counts the rest."""
    max_article_chars: int = 100_000
    """An article's text is cut at the last line break before this many characters (reported)."""
    max_sentences_per_article: int = 1_000
    """An article is cut after this many sentences (reported)."""


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
    jobs: int = 0
    """Processes that analyse topics at once: one per CPU core when unset; 1 for no worker processes.
    The output is the same whatever the number."""
    limits: Limits = Limits()
    """Resource limits (a mapping under `limits:`; see `Limits`)."""

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
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BriefgenError(f"cannot read config file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise BriefgenError(f"config file {path}: expected key: value pairs")
    errors: list[str] = []
    values = _validate(Config, data, errors)
    if isinstance(data.get("limits"), dict):
        values["limits"] = Limits(**_validate(Limits, data["limits"], errors, prefix="limits."))
    elif "limits" in data:
        errors.append(f"option 'limits': expected a mapping of limits, got {data['limits']!r}")
    if errors:
        raise BriefgenError(f"config file {path}: " + "; ".join(errors))
    return Config(**values)


def _validate(cls: type, data: dict[Any, Any], errors: list[str], prefix: str = "") -> dict[str, Any]:
    """The valid scalar options of `data` for dataclass `cls`; every problem is added to `errors`."""
    known = {f.name: f for f in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        field = known.get(key)
        if field is None:
            errors.append(f"unknown option {prefix}{key!r} (known: {', '.join(known)})")
            continue
        default = field.default
        if isinstance(default, Limits):
            continue
        if isinstance(default, Path) and isinstance(value, str):
            values[key] = Path(value)
        elif (
            isinstance(default, bool)
            and isinstance(value, bool)
            or isinstance(default, int)
            and not isinstance(default, bool)
            and type(value) is int
            and value > 0
            or isinstance(default, str)
            and isinstance(value, str)
        ):
            values[key] = value
        else:
            expected = "a positive int" if type(default) is int else type(default).__name__
            errors.append(f"option {prefix}{key!r}: expected {expected}, got {value!r}")
    return values
