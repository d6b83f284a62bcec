"""The build report's two files, `report.md` and `report.json`, assembled from pieces kept between builds.

Both list every input file, every topic and every article's removed lines: about 1.6 MB for 1,000
topics, rendered whole on every build. Each item of those lists is one piece of text (its lines of
report.md, its entry of report.json), and a piece depends on that item only, so a rebuild after one
new article takes the unchanged items' pieces from the previous build (`ReportPieces`, keyed by
everything the item shows) and renders the new ones. The text is the same as rendering the template
and `json.dumps` of `accounting.report_data` (the tests compare them on varied reports); a project
that overrides `report.md.j2` gets its own template rendered as before (report.json is still
assembled).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .accounting import Account, FileAccount, _file, _indented, report_data
from .models import Article, Topic, fingerprint
from .render import code, md

PIECES = "report-pieces.pickle"
TEMPLATE = "report.md.j2"

Piece = tuple[str, ...]


class ReportPieces:
    """Memo of the report's pieces: an item's key (a tuple of the strings it shows) -> its texts.

    Salted with briefgen's code and templates; only the pieces a build used are saved, so it holds one
    build's report. A pure memo: deleting it (or `read=False`) renders every piece, same text."""

    def __init__(self, directory: Path | None, salt: str, read: bool = True) -> None:
        self.path = directory / PIECES if directory is not None else None
        self.salt = salt
        self.previous: dict[tuple[Any, ...], Piece] = {}
        self.used: dict[tuple[Any, ...], Piece] = {}
        self.made = 0  # pieces rendered in this build (the others came from the memo)
        if self.path is not None and read:
            try:
                loaded = pickle.loads(self.path.read_bytes())
                if isinstance(loaded, dict) and loaded.get("salt") == salt:
                    self.previous = loaded["pieces"]
            except Exception:  # absent or damaged: every piece rendered
                self.previous = {}

    def get(self, key: tuple[Any, ...], make: Callable[..., Piece], *args: Any) -> Piece:
        """The piece of `key`: the previous build's, else `make(*args)`."""
        found = self.previous.get(key)
        if found is None:
            found = make(*args)
            self.made += 1
        self.used[key] = found
        return found

    def save(self) -> None:
        if self.path is not None:
            from .cache import atomic_write

            data = {"salt": self.salt, "pieces": self.used}
            atomic_write(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _json(value: Any) -> str:
    """`value` as a member of a list at depth 2 of report.json (`json.dumps(..., indent=2)`)."""
    out: list[str] = []
    _indented(value, out, "\n    ")
    return "".join(out)


def _json_list(pieces: Sequence[str]) -> str:
    return "[\n    " + ",\n    ".join(pieces) + "\n  ]" if pieces else "[]"


def _file_key(f: FileAccount) -> tuple[Any, ...]:
    articles = tuple((a.id, a.topic, a.copy_of) for a in f.articles)
    return ("file", f.path, f.status, f.reason, f.topics, f.copy_of, articles, f.notes)


def _file_piece(f: FileAccount) -> Piece:
    """(its line in a list of skipped or merged files, its lines of notes, its report.json entry)."""
    if f.status == "skipped":
        line = f"- {code(f.path)}: {md(f.reason)}\n"
    elif f.status == "merged":
        links = ", ".join(f"[{t}](topics/{t}.md)" for t in f.topics)
        line = f"- {code(f.path)}: a copy of {code(f.copy_of)}, in {links}\n"
    else:
        line = ""
    notes = "".join(f"- {code(f.path)}: {md(n)}\n" for n in f.notes)
    return line, notes, _json(_file(f))


def _topic_piece(slug: str, title: str, paths: tuple[str, ...]) -> Piece:
    line = f"- [{md(title)}](topics/{slug}.md): " + ", ".join(code(p) for p in paths) + "\n"
    return line, _json({"slug": slug, "title": title, "articles": list(paths)})


def _removed_piece(article: Article, path: str) -> Piece:
    lines = article.removed
    item = f"- {code(article.id)}\n" + "".join(f"    - {md(r.reason)}: {md(r.text)}\n" for r in lines)
    entry = {"id": article.id, "path": path, "lines": [{"text": r.text, "reason": r.reason} for r in lines]}
    return item, _json(entry)


def report_files(
    account: Account,
    topics: Sequence[Topic],
    articles: Sequence[Article],
    env: Any,
    pieces: ReportPieces | None = None,
) -> tuple[str, str]:
    """The text of report.md and report.json: what `env`'s report.md.j2 renders from `report_data` and
    its `json.dumps(indent=2, ensure_ascii=False)`, from the pieces of `pieces` where it has them."""
    pieces = pieces if pieces is not None else ReportPieces(None, "")
    get = pieces.get
    files = [get(_file_key(f), _file_piece, f) for f in account.files]
    paths = {a.id: f.path for f in account.files for a in f.articles}
    topic_pieces = []
    for t in topics:
        shown = tuple([paths.get(a.id, a.path) for a in t.articles])
        topic_pieces.append(get(("topic", t.slug, t.title, shown), _topic_piece, t.slug, t.title, shown))
    removed = []
    for a in articles:
        if a.removed:
            # The article's fingerprint (a hash of every field) stands for its id and removed lines.
            path = paths.get(a.id, a.path)
            removed.append(get(("removed", fingerprint(a), path), _removed_piece, a, path))
    counts = (account.inputs, account.count("used"), account.count("merged"), account.count("skipped"))
    if _default_template(env):
        markdown = _markdown(counts, account, files, topic_pieces, removed)
    else:
        markdown = env.get_template(TEMPLATE).render(report=report_data(account, topics, articles))
    ignored: list[str] = []
    _indented(list(account.ignored), ignored, "\n  ")
    data = (
        f'{{\n  "inputs": {counts[0]},\n  "used": {counts[1]},\n  "merged": {counts[2]},\n'
        f'  "skipped": {counts[3]},\n  "files": {_json_list([p[2] for p in files])},\n'
        f'  "ignored": {"".join(ignored)},\n  "topics": {_json_list([p[1] for p in topic_pieces])},\n'
        f'  "removed": {_json_list([p[1] for p in removed])}\n}}\n'
    )
    return markdown, data


def _markdown(
    counts: tuple[int, int, int, int],
    account: Account,
    files: list[Piece],
    topics: list[Piece],
    removed: list[Piece],
) -> str:
    """briefgen's report.md.j2, rendered from the pieces."""
    none = "_None._\n"
    statuses = [f.status for f in account.files]
    skipped = "".join(p[0] for p, s in zip(files, statuses, strict=True) if s == "skipped") or none
    merged = "".join(p[0] for p, s in zip(files, statuses, strict=True) if s == "merged") or none
    notes = "".join(p[1] for p in files) or none
    out = [
        "---\nsearch:\n  exclude: true\n---\n# Build report\n\n",
        f"{counts[0]} input files: {counts[1]} used, {counts[2]} merged as copies of another article, "
        f"{counts[3]} skipped.\n\n",
        f"## Skipped inputs\n\n{skipped}\n",
        f"## Merged inputs (syndicated copies)\n\n{merged}\n",
        f"## Notes: limits applied, parts of files skipped\n\n{notes}\n",
        "## Topics\n\n",
        *(p[0] for p in topics),
        "\n",
    ]
    if account.ignored:
        out += [
            "## Ignored\n\nHidden files and folders (names starting with `.`) and output folders inside the "
            "input folder are not inputs:\n",
            ", ".join(code(p) for p in account.ignored),
            ".\n\n",
        ]
    out += ["## Removed lines\n\n", "".join(p[0] for p in removed) or none]
    return "".join(out)


_DEFAULT_SOURCE: list[str] = []


def _default_template(env: Any) -> bool:
    """Whether `env` loads briefgen's own report.md.j2 (not a project's) with briefgen's filters."""
    from .fsutil import default_templates

    if not _DEFAULT_SOURCE:
        _DEFAULT_SOURCE.append((default_templates() / TEMPLATE).read_text(encoding="utf-8"))
    try:
        source = env.loader.get_source(env, TEMPLATE)[0]
    except Exception:
        return False
    filters = env.filters
    return bool(source == _DEFAULT_SOURCE[0] and filters.get("md") is md and filters.get("code") is code)
