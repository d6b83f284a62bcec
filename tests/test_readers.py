from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefgen.errors import UnreadableInput
from briefgen.reading.files import decode, discover, read_path


def test_decode_utf8_and_boms() -> None:
    assert decode("Zürich “quoted”".encode()) == "Zürich “quoted”"
    assert decode(codecs.BOM_UTF8 + b"plain") == "plain"
    assert decode("Ünïcode text".encode("utf-16")) == "Ünïcode text"


def test_decode_utf16_without_bom() -> None:
    text = "The minister said the plan would cost “less than expected” — officials agreed."
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_decode_detects_cp1252() -> None:
    text = "The minister said the café’s owners were “delighted” by the decision, and résumé."
    assert decode(text.encode("cp1252")) == text


def test_binary_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("   \n\n")
    with pytest.raises(UnreadableInput, match="empty"):
        read_path(path)


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff")
    with pytest.raises(UnreadableInput, match="unsupported file type"):
        read_path(path)


def test_markdown_front_matter_wins(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Explicit title\noutlet: Reuters\npublished: 2025-03-30\ntopic: japan\n---\n"
        "Body sentence one is here. Body sentence two is here.\n"
    )
    [doc] = read_path(path)
    assert doc.meta == {
        "title": "Explicit title",
        "outlet": "Reuters",
        "published": "2025-03-30",
        "topic": "japan",
    }
    assert doc.text.startswith("Body sentence one")


def test_front_matter_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.md"
    path.write_text("---\ntitle: !!python/object/apply:os.system ['touch pwned']\n---\nText body here.\n")
    with pytest.raises(UnreadableInput, match="malformed front matter"):
        read_path(path)
    assert not (tmp_path / "pwned").exists()


def test_discover_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["a.txt", "sub/b.txt"]


def test_same_named_files_get_distinct_ids_in_order(tmp_path: Path) -> None:
    from briefgen.reading import read_inputs

    # A file really named like a suffixed copy ("a-3") takes that id first; copies skip it.
    paths = []
    for n, name in enumerate(["a", "a", "a-3", "a", "a", "A"]):
        folder = tmp_path / f"t{n}"
        folder.mkdir()
        path = folder / f"{name}.txt"
        path.write_text(f"The harbour plan number {n} was approved by the council on Monday.\n")
        paths.append(path)
    reading = read_inputs(paths, tmp_path)
    assert [a.id for a in reading.articles] == ["a", "a-2", "a-3", "a-4", "a-5", "A-6"]
