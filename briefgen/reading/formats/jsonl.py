"""JSON Lines (`.jsonl`, `.ndjson`): one article per line.

Each line is an object with `text` and any of the front-matter fields (`title`, `outlet`, `url`,
`published`, `author`, `topic`, `language`), plus an optional `id`. A bad line is reported (as a
partial skip naming the line) and the other lines are kept.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...errors import UnreadableInput
from ...models import RawDocument, Skipped
from ..files import meta_from_mapping, read_text_file, reader
from . import language_code, unique_ids


def parse_line(line: str) -> tuple[str, dict[str, str], str]:
    """(text, metadata, id) of one line; raises ValueError with the reason."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError('expected a JSON object with a "text" field')
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('no article text (the "text" field is missing or empty)')
    meta = meta_from_mapping(data)
    if "language" in meta:
        meta["language"] = language_code(meta["language"]) or meta["language"]
    ident = data.get("id")
    from ...text import slugify

    return text, meta, slugify(str(ident), 80) if isinstance(ident, str | int) and str(ident) else ""


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    found: list[tuple[str, str, dict[str, str]]] = []
    problems: list[Skipped] = []
    for n, line in enumerate(read_text_file(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            text, meta, ident = parse_line(line)
        except ValueError as exc:
            problems.append(Skipped(str(path), f"line {n}: {exc}", partial=True))
            continue
        found.append((ident or f"{doc_id}-{n}", text, meta))
    if not found:
        first = f" ({problems[0].reason})" if problems else ""
        raise UnreadableInput(f"no usable article line in the JSON Lines file{first}")
    ids = unique_ids(ident for ident, _, _ in found)
    docs: list[RawDocument | Skipped] = [
        RawDocument(id=i, path=str(path), text=text, meta=meta)
        for i, (_, text, meta) in zip(ids, found, strict=True)
    ]
    return docs + problems
