"""Readers: one per input format, each declaring the file extensions it handles.

A reader turns one file into `RawDocument`s (one per article: a feed or a JSON Lines file holds
several). A file that cannot be used raises `UnreadableInput` with a reason; the pipeline reports it
and goes on with the rest. A multi-article file may also return a `Skipped(partial=True)` for a part
it could not use (a bad line, an empty entry) next to the articles it could.

Formats: `.txt` and `.md` here; `.html`/`.htm`, RSS/Atom feeds and `.jsonl` in `briefgen/formats/`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from .errors import UnreadableInput
from .models import RawDocument, Skipped

MAX_FILE_BYTES = 20 * 1024 * 1024

Reader = Callable[[Path, str], list[RawDocument | Skipped]]
READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    """Register a reader for the given extensions (lower case, with the dot)."""

    def register(func: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = func
        return func

    return register


def article_id(path: Path) -> str:
    """The article id: the file name without its extension."""
    return path.stem


def decode(data: bytes) -> str:
    """Decode bytes to text: BOMs first, then UTF-8, then a detected encoding.

    Raises `UnreadableInput` for binary data or text no encoding explains.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"invalid {encoding} text ({exc.reason})") from None
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise UnreadableInput("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput("binary file or unknown text encoding")
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: NUL bytes on every other position of mostly-ASCII text."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    half = len(head) // 2
    encoding = "utf-16-le" if odd > 0.7 * half and even == 0 else None
    encoding = encoding or ("utf-16-be" if even > 0.7 * half and odd == 0 else None)
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if "\x00" not in text else None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, within the size limit; `UnreadableInput` when it cannot be read or is empty."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableInput(f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise UnreadableInput("empty file")
    return data


def read_text_file(path: Path) -> str:
    text = decode(read_bytes(path))
    if not text.strip():
        raise UnreadableInput("empty file")
    return text


@reader(".txt", ".text")
def read_txt(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    return [RawDocument(id=doc_id, path=str(path), text=read_text_file(path))]


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?", re.S)
META_FIELDS = ("title", "outlet", "url", "published", "author", "topic", "language")


def meta_from_mapping(data: dict[object, object]) -> dict[str, str]:
    """The documented metadata fields of a front matter or JSON object, as non-empty strings."""
    meta: dict[str, str] = {}
    for key in META_FIELDS:
        value = data.get(key)
        if isinstance(value, list | tuple):  # e.g. several authors
            value = ", ".join(str(v).strip() for v in value if v is not None and str(v).strip())
        if value is not None and not isinstance(value, dict) and str(value).strip():
            meta[key] = " ".join(str(value).split())
    return meta


@reader(".md", ".markdown")
def read_markdown(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    """Markdown with optional YAML front matter (read with the safe loader only)."""
    text = read_text_file(path)
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(text)
    if match:
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            problem = getattr(exc, "problem", None) or "invalid YAML"
            raise UnreadableInput(f"malformed front matter: {problem}") from None
        if data is not None and not isinstance(data, dict):
            raise UnreadableInput("malformed front matter: expected key: value pairs")
        meta = meta_from_mapping(data or {})
        # Blank out the front matter so offsets still point into the file as printed.
        text = text[match.end() :]
    if not text.strip():
        raise UnreadableInput("no article text after the front matter")
    return [RawDocument(id=doc_id, path=str(path), text=text, meta=meta)]


def discover(input_dir: Path) -> Iterator[Path]:
    """Every regular file under `input_dir`, sorted, hidden files and folders excluded."""
    for path in sorted(input_dir.rglob("*")):
        rel = path.relative_to(input_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def read_path(path: Path) -> list[RawDocument | Skipped]:
    """Read one file with the reader for its extension."""
    func = READERS.get(path.suffix.lower())
    if func is None:
        known = ", ".join(sorted(READERS))
        raise UnreadableInput(f"unsupported file type {path.suffix or '(none)'!r} (known: {known})")
    return func(path, article_id(path))


# The other formats register themselves on import.
from .formats import feeds, html, jsonl  # noqa: E402,F401
