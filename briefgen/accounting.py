"""The build's account of its inputs: every input file is used, merged or skipped, and why.

- used: at least one of its articles is in a topic's brief (its topic is named);
- merged: all its articles are syndicated copies of another article (named), counted once;
- skipped: it gave no article (the reason is given).

Invariant, checked on every build: inputs = used + merged + skipped, each input exactly once, and
every article in exactly one topic. A violation is a bug in briefgen (`InternalError`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InternalError
from .fsutil import safe_name
from .models import Article, Brief, Skipped, Topic


@dataclass(frozen=True)
class ArticleAccount:
    id: str
    topic: str
    """Slug of the topic the article is in."""
    copy_of: str = ""
    """Id of the article whose report this one copies (syndication), or "" when independent."""


@dataclass(frozen=True)
class FileAccount:
    path: str
    """Relative to the input folder, with '/' separators."""
    status: str
    """"used", "merged" or "skipped"."""
    reason: str = ""
    topics: tuple[str, ...] = ()
    copy_of: str = ""
    """For a merged file: the file that carries the report it copies."""
    articles: tuple[ArticleAccount, ...] = ()
    notes: tuple[str, ...] = ()
    """Limits applied while reading (text cut, feed entries dropped...)."""


@dataclass(frozen=True)
class Account:
    files: tuple[FileAccount, ...]
    ignored: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def inputs(self) -> int:
        return len(self.files)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)


STATUSES = ("used", "merged", "skipped")
# A file note that starts so warns that cleaning removed most of an article (a warning; --strict fails).
HEAVY_CLEANING = "cleaning removed"


def display_path(path: str, root: Path | None = None) -> str:
    """A path as the report shows it: relative to the input folder, '/' separators, valid UTF-8."""
    if root is not None and os.sep == "/":
        prefix = str(root).rstrip("/") + "/"
        plain = "//" not in path and "/./" not in path and not path.endswith(("/", "/."))
        if plain and prefix != "/" and path.startswith(prefix):
            return printable(path[len(prefix) :])  # what the Path steps below give, without them
    p = Path(path)
    if root is not None:
        with contextlib.suppress(ValueError):
            p = p.relative_to(root)
    return printable(p.as_posix())


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text safe to write and print: valid UTF-8 (undecodable file-name bytes become U+FFFD) and
    no control characters (a file name cannot break a report line or send terminal escapes)."""
    if text.isascii() and text.isprintable():  # nothing to change (most paths: 6,000 calls a build)
        return text
    return CONTROL.sub("?", text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


def account_inputs(
    inputs: Sequence[str],
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    briefs: Sequence[Brief],
    notes: dict[str, list[str]] | None = None,
    root: Path | None = None,
    ignored: Sequence[str] = (),
) -> Account:
    """Account for every input file; raises `InternalError` if the build lost or doubled one."""
    notes = notes or {}
    topic_of: dict[str, str] = {}
    copy_of: dict[str, str] = {}
    for brief in briefs:
        for a in brief.articles:
            topic_of[a.id] = brief.topic.slug
        for group in brief.syndication:
            for member in group[1:]:
                copy_of[member] = group[0]
    path_of = {a.id: a.path for a in articles}
    by_path: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_path[a.path].append(a)
    skipped = [s for s in skipped if not s.partial]  # bad parts of a used file are in its notes
    reasons = {s.path: s.reason for s in skipped}
    files = []
    for path in inputs:
        shown = display_path(path, root)
        file_notes = tuple(notes.get(path, ()))
        mine = by_path.get(path, [])
        if not mine:
            if path not in reasons:
                raise InternalError(f"input {shown!r} was neither used nor skipped")
            files.append(FileAccount(shown, "skipped", reason=reasons[path], notes=file_notes))
            continue
        if path in reasons:
            raise InternalError(f"input {shown!r} was both used and skipped ({reasons[path]})")
        accounts = tuple(ArticleAccount(a.id, topic_of.get(a.id, ""), copy_of.get(a.id, "")) for a in mine)
        topics = tuple(dict.fromkeys(x.topic for x in accounts))
        if all(x.copy_of for x in accounts):
            leader = accounts[0].copy_of
            files.append(
                FileAccount(
                    shown,
                    "merged",
                    topics=topics,
                    copy_of=display_path(path_of.get(leader, leader), root),
                    articles=accounts,
                    notes=file_notes,
                )
            )
        else:
            files.append(FileAccount(shown, "used", topics=topics, articles=accounts, notes=file_notes))
    account = Account(
        tuple(files),
        tuple(display_path(p, root) for p in ignored),
        dict(Counter(f.status for f in files)),
    )
    check_accounting(account, inputs, articles, skipped, briefs)
    return account


def check_accounting(
    account: Account,
    inputs: Sequence[str],
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    briefs: Sequence[Brief],
) -> None:
    """The invariant: inputs = used + merged + skipped; every article in exactly one topic."""
    problems = []
    if len(set(inputs)) != len(inputs):
        problems.append("an input file was listed twice")
    total = sum(account.count(s) for s in STATUSES)
    if total != len(inputs) or account.inputs != len(inputs):
        problems.append(
            f"{len(inputs)} inputs but {account.count('used')} used + {account.count('merged')} merged"
            f" + {account.count('skipped')} skipped = {total}"
        )
    known = set(inputs)
    strays = {a.path for a in articles} - known | {s.path for s in skipped} - known
    if strays:
        problems.append(f"{len(strays)} articles or skips name no input file, e.g. {sorted(strays)[0]!r}")
    if len({s.path for s in skipped}) != len(skipped):
        problems.append("an input was skipped twice")
    pages = Counter(safe_name(a.id).casefold() for a in articles)
    if any(n > 1 for n in pages.values()):
        problems.append(f"article page names collide: {sorted(k for k, n in pages.items() if n > 1)[:3]}")
    in_topics = Counter(a.id for b in briefs for a in b.articles)
    ids = {a.id for a in articles}
    if set(in_topics) != ids or any(n != 1 for n in in_topics.values()):
        lost = sorted(ids - set(in_topics))[:3]
        problems.append(f"articles not in exactly one topic (e.g. lost: {lost})")
    for brief in briefs:
        members = sorted(i for g in brief.syndication for i in g)
        if brief.syndication and members != sorted(a.id for a in brief.articles):
            problems.append(f"topic {brief.topic.slug!r}: syndication groups do not cover its articles")
    if problems:
        raise InternalError("build report does not add up (a bug in briefgen): " + "; ".join(problems))


def report_data(account: Account, topics: Sequence[Topic], articles: Sequence[Article]) -> dict[str, Any]:
    """The build report as JSON-ready data (report.json; report.md is rendered from the same)."""
    paths = {a.id: f.path for f in account.files for a in f.articles}
    return {
        "inputs": account.inputs,
        "used": account.count("used"),
        "merged": account.count("merged"),
        "skipped": account.count("skipped"),
        "files": [_file(f) for f in account.files],
        "ignored": list(account.ignored),
        "topics": [
            {"slug": t.slug, "title": t.title, "articles": [paths.get(a.id, a.path) for a in t.articles]}
            for t in topics
        ],
        "removed": [
            {
                "id": a.id,
                "path": paths.get(a.id, a.path),
                "lines": [{"text": r.text, "reason": r.reason} for r in a.removed],
            }
            for a in articles
            if a.removed
        ],
    }


def _file(f: FileAccount) -> dict[str, Any]:
    return {
        "path": f.path,
        "status": f.status,
        "reason": f.reason,
        "topics": list(f.topics),
        "copy_of": f.copy_of,
        "articles": [{"id": a.id, "topic": a.topic, "copy_of": a.copy_of} for a in f.articles],
        "notes": list(f.notes),
    }


def report_json(report: dict[str, Any]) -> str:
    """report.json's text: `json.dumps(report, ensure_ascii=False, indent=2)` and a line end, the
    same characters (a test compares them), written about twice as fast: the standard library
    indents in pure Python, value by value; here a list of strings is joined at once."""
    out: list[str] = []
    _indented(report, out, "\n")
    out.append("\n")
    return "".join(out)


_string = json.encoder.encode_basestring  # JSON's own string encoder (ensure_ascii=False)


def _indented(value: Any, out: list[str], newline: str) -> None:
    """`value` as `json.dumps(..., indent=2)` writes it at the depth `newline` ends with."""
    kind = type(value)
    if kind is dict and value:
        # The report's dicts hold mostly strings, None and short lists: each such member is one piece.
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            name = _string(key) if type(key) is str else json.dumps({key: 0})[1:-4]
            kind = type(item)
            if kind is str:
                out.append(f"{separator}{name}: {_string(item)}")
            elif item is None:
                out.append(f"{separator}{name}: null")
            elif (kind is list or kind is tuple) and not item:
                out.append(f"{separator}{name}: []")
            else:
                out.append(f"{separator}{name}: ")
                _indented(item, out, inner)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        if all(type(item) is str for item in value):
            out.append("[" + inner + ("," + inner).join(map(_string, value)) + newline + "]")
            return
        separator = "[" + inner
        for item in value:
            out.append(separator)
            separator = "," + inner
            _indented(item, out, inner)
        out.append(newline + "]")
    elif kind is str:
        out.append(_string(value))
    elif kind is int:
        out.append(int.__repr__(value))
    else:
        _indented_other(value, out, newline)


def _indented_other(value: Any, out: list[str], newline: str) -> None:
    """`_indented` of what is not exactly a dict, list, tuple, str or int (subclasses of them too)."""
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict) and value:
        _indented(dict(value), out, newline)
    elif isinstance(value, (list, tuple)) and value:
        _indented(list(value), out, newline)
    elif isinstance(value, (list, tuple)):  # empty
        out.append("[]")
    else:  # other numbers, booleans, None, an empty dict
        out.append(json.dumps(value, ensure_ascii=False))
