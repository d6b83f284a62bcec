"""Readers: one per input format, each declaring the file extensions it handles.

A reader turns one file into `RawDocument`s (one per article: a feed or a JSON Lines file holds
several). A file that cannot be used raises `UnreadableInput` with a reason; the pipeline reports it
and goes on with the rest. A multi-article file may also return a `Skipped(partial=True)` for a part
it could not use (a bad line, an empty entry) next to the articles it could.

Formats: `.txt` and `.md` here; `.html`/`.htm`, RSS/Atom feeds, `.jsonl`, e-mail (`.eml`, `.mbox`,
and text files that start with a mail header) and newswire archives (`.sgm`, and text files of
`<DOC>` elements) in `briefgen/reading/formats/`.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnreadableInput
from ..models import RawDocument, Skipped

MAX_FILE_BYTES = 20_000_000
"""Default size limit; a build sets its own (`limits.max_file_bytes`) with `file_size_limit`."""
_max_file_bytes: ContextVar[int] = ContextVar("max_file_bytes", default=MAX_FILE_BYTES)

# Files in these formats may carry a DTD; one with entity declarations is refused before parsing.
MARKUP_EXTENSIONS = frozenset({".xml", ".rss", ".atom", ".rdf", ".feed", ".html", ".htm", ".xhtml"})
ENTITY_DECLARATION = re.compile(rb"<!\s*ENTITY", re.I)

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


@contextmanager
def file_size_limit(max_bytes: int) -> Iterator[None]:
    """Within this block, readers refuse files larger than `max_bytes`."""
    token = _max_file_bytes.set(max_bytes)
    try:
        yield
    finally:
        _max_file_bytes.reset(token)


def too_large(size: int) -> UnreadableInput:
    limit = _max_file_bytes.get()
    return UnreadableInput(f"file too large ({size:,} bytes; limit max_file_bytes = {limit:,})")


def within_size_limit(path: Path) -> int:
    """The size limit, after checking that the file is within it (for readers that open the file
    themselves, as `read_bytes` does)."""
    limit = _max_file_bytes.get()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from None
    if size > limit:
        raise too_large(size)
    return limit


def read_bytes(path: Path) -> bytes:
    """The file's bytes, never more than the size limit (a file that grows while read is refused)."""
    limit = within_size_limit(path)
    try:
        with path.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise too_large(len(data))
    if not data.strip():
        raise UnreadableInput("empty file")
    return data


def refuse_entity_declarations(data: bytes) -> None:
    """Refuse XML/HTML that declares entities (billion laughs, external entities): never expanded."""
    if b"\x00" in data:  # UTF-16/32: look at the ASCII bytes only
        data = data.replace(b"\x00", b"")
    if ENTITY_DECLARATION.search(data):
        raise UnreadableInput(
            "XML with entity declarations (<!ENTITY ...>): refused, entities are never expanded"
        )


def read_text_file(path: Path) -> str:
    text = decode(read_bytes(path))
    if not text.strip():
        raise UnreadableInput("empty file")
    return text


@reader(".txt", ".text")
def read_txt(path: Path, doc_id: str) -> list[RawDocument | Skipped]:
    text = read_text_file(path)
    if starts_with_mail_header(text):  # an e-mail saved as text: read as the message it is
        return [to_document(parse(text.lstrip("\ufeff").encode("utf-8")), doc_id, path)]
    if starts_with_doc(text):  # a newswire archive (<DOC> ... </DOC>, LDC/TREC)
        return read_archive(text, path, doc_id)
    return [RawDocument(id=doc_id, path=str(path), text=text)]


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
        import yaml

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


@dataclass(frozen=True)
class Scan:
    """What a folder holds: the inputs (every visible entry that is not a folder, including links
    and special files, which `admit` refuses with a reason) and the entries ignored on purpose."""

    inputs: list[Path] = field(default_factory=list)
    ignored: list[Path] = field(default_factory=list)
    """Hidden files and folders (name starting with '.'), and output folders inside the input."""


def scan(input_dir: Path, exclude: Sequence[Path] = ()) -> Scan:
    """Walk `input_dir` without following symbolic links (so a link loop cannot trap it)."""
    excluded = {str(p.resolve()) for p in exclude}
    inputs: list[str] = []
    ignored: list[str] = []
    # (folder, the folder resolved): a folder reached is no link, so a sub-folder resolves to its
    # folder's resolved path and its name (no `Path.resolve` per folder).
    stack = [(str(input_dir), str(input_dir.resolve()))]
    while stack:
        folder, real = stack.pop()
        try:
            with os.scandir(folder) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError:
            if folder == str(input_dir):
                raise
            inputs.append(folder)  # unreadable folder: `admit` reports it
            continue
        for entry in found:
            if entry.name.startswith("."):
                ignored.append(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                resolved = os.path.join(real, entry.name)
                if resolved in excluded:
                    ignored.append(entry.path)
                else:
                    stack.append((entry.path, resolved))
            else:
                inputs.append(entry.path)
    # Sorted as paths (part by part), without making and comparing Path objects.
    return Scan([Path(p) for p in sorted(inputs, key=_parts)], [Path(p) for p in sorted(ignored, key=_parts)])


def _parts(path: str) -> list[str]:
    return path.split(os.sep)


def discover(input_dir: Path) -> Iterator[Path]:
    """Every input under `input_dir`, sorted, hidden files and folders excluded."""
    yield from scan(input_dir).inputs


def admit(path: Path, root: Path, known: os.stat_result | None = None) -> None:
    """Refuse, with a reason, an input that is not a regular file inside `root` within the size limit.

    Symbolic links are followed only to a regular file inside the input folder; links to folders,
    to outside the input folder, broken links and link loops are refused (never followed). `known`:
    the file's `os.lstat`, when this build took it already.
    """
    try:
        st = known if known is not None else path.lstat()
        if stat.S_ISLNK(st.st_mode):
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                raise UnreadableInput("broken or looping symbolic link (not followed)") from None
            if not target.is_relative_to(root.resolve()):
                raise UnreadableInput("symbolic link to outside the input folder (not followed)")
            st = target.stat()
            if stat.S_ISDIR(st.st_mode):
                raise UnreadableInput("symbolic link to a folder (not followed)")
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableInput("folder cannot be listed (permission denied?)")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableInput("not a regular file (device, pipe or socket)")
    if st.st_size > _max_file_bytes.get():
        raise too_large(st.st_size)


def read_path(path: Path) -> list[RawDocument | Skipped]:
    """Read one file with the reader for its extension.

    Markup files (XML feeds, HTML) that declare entities are refused here, before any parser sees
    them, whatever reader handles the extension.
    """
    ext = path.suffix.lower()
    func = READERS.get(ext)
    if func is None:
        known = ", ".join(sorted(READERS))
        raise UnreadableInput(f"unsupported file type {path.suffix or '(none)'!r} (known: {known})")
    if ext in MARKUP_EXTENSIONS:
        refuse_entity_declarations(read_bytes(path))
    return func(path, article_id(path))


# The other formats register themselves on import.
from .formats import feeds, html, jsonl  # noqa: E402,F401
from .formats.mail import parse, starts_with_mail_header, to_document  # noqa: E402
from .formats.newswire import read_archive, starts_with_doc  # noqa: E402
