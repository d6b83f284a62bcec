"""Incremental builds: the site is staged over the previous one kept in the cache (no folder removed
and created again), unchanged pages are not rendered again, and the output is the same, byte for byte,
as a build from nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import build_config, tree

from briefgen.cache import DOCS_PAGES, SPARE_DOCS, SPARE_SITE
from briefgen.config import Config
from briefgen.fsutil import LinkingWriter, staged_dir
from briefgen.pipeline import build


def folders(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_staging_over_the_spare_gives_exactly_what_was_written(tmp_path: Path) -> None:
    target, spare = tmp_path / "site", tmp_path / "cache" / "previous-site"
    with staged_dir(target, spare=spare) as stage:  # first build: no spare yet, empty stage
        assert not any(stage.iterdir())
        write(stage / "a" / "index.html", "a1")
        write(stage / "b" / "index.html", "b1")
    assert tree(target) == {"a/index.html": b"a1", "b/index.html": b"b1"}
    assert not spare.exists()  # nothing to keep: there was no previous output

    with staged_dir(target, spare=spare) as stage:
        write(stage / "a" / "index.html", "a2")
        write(stage / "c" / "deep" / "index.html", "c2")
    assert tree(target) == {"a/index.html": b"a2", "c/deep/index.html": b"c2"}
    assert tree(spare) == {"a/index.html": b"a1", "b/index.html": b"b1"}  # the previous output

    # Staged over the spare (the output before the previous one): what this build did not write
    # goes, the same bytes written again stay, folders left empty go.
    kept = spare / "a" / "index.html"
    inode = kept.stat().st_ino
    with staged_dir(target, spare=spare) as stage:
        assert tree(stage) == {"a/index.html": b"a1", "b/index.html": b"b1"}
        write(stage / "a" / "index.html", "a1")
        write(stage / "d" / "index.html", "d3")
    assert tree(target) == {"a/index.html": b"a1", "d/index.html": b"d3"}
    assert folders(target) == ["a", "d"]
    assert (target / "a" / "index.html").stat().st_ino == inode  # written over, not created again
    assert tree(spare) == {"a/index.html": b"a2", "c/deep/index.html": b"c2"}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_linking_writer_links_same_bytes_and_never_writes_into_the_live_output(tmp_path: Path) -> None:
    live, stage = tmp_path / "live", tmp_path / "stage"
    write(live / "same.html", "same")
    write(live / "changed.html", "old")
    writer = LinkingWriter(stage, live)
    writer.write(b"same", str(stage / "same.html"))
    writer.write(b"new", str(stage / "changed.html"))
    writer.write(b"fresh", str(stage / "sub" / "fresh.html"))
    assert (stage / "same.html").stat().st_ino == (live / "same.html").stat().st_ino
    assert tree(stage) == {"same.html": b"same", "changed.html": b"new", "sub/fresh.html": b"fresh"}
    # Written again with other bytes: a new file, the live one untouched (also when they were linked).
    writer.write(b"other", str(stage / "same.html"))
    assert tree(live) == {"same.html": b"same", "changed.html": b"old"}
    assert (stage / "same.html").read_bytes() == b"other"
    assert writer.linked == 1 and len(writer.written) == 3


def test_a_failed_build_leaves_the_output_and_drops_the_spare(tmp_path: Path) -> None:
    target, spare = tmp_path / "site", tmp_path / "cache" / "previous-site"
    for text in ("one", "two"):
        with staged_dir(target, spare=spare) as stage:
            write(stage / "index.html", text)
    try:
        with staged_dir(target, spare=spare) as stage:
            write(stage / "index.html", "three")
            raise RuntimeError("mkdocs failed")
    except RuntimeError:
        pass
    assert tree(target) == {"index.html": b"two"}
    assert not spare.exists()  # it was the staging folder: removed with it
    with staged_dir(target, spare=spare) as stage:
        assert not any(stage.iterdir())
        write(stage / "index.html", "four")
    assert tree(target) == {"index.html": b"four"}


def test_a_spare_on_another_device_or_gone_falls_back_to_an_empty_stage(tmp_path: Path) -> None:
    target, spare = tmp_path / "site", tmp_path / "cache" / "previous-site"
    spare.parent.mkdir()
    spare.write_text("not a folder", encoding="utf-8")
    with staged_dir(target, spare=spare) as stage:
        assert not any(stage.iterdir())
        write(stage / "x.html", "x")
    with staged_dir(target, spare=spare) as stage:
        write(stage / "y.html", "y")
    assert tree(target) == {"y.html": b"y"}


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NEW_ARTICLE = (
    "Harbour ferry fares frozen for a year\n\n"
    "The Glenrock harbour board froze ferry fares on Monday, its chair Mara Quist said. "
    '"Families told us the crossing had become too dear," Quist said after the vote.\n'
)


def from_nothing(root: Path, warm: Config, name: str) -> Config:
    """A build of the same input with the same history (topic registry, change notes) and no memo."""
    cold = build_config(root, name)
    shutil.rmtree(cold.docs_dir.parent, ignore_errors=True)
    cold.cache_dir.mkdir(parents=True)
    for keep in ("state.json", "topics.json"):
        if (warm.cache_dir / keep).is_file():
            shutil.copyfile(warm.cache_dir / keep, cold.cache_dir / keep)
    return cold


def test_rebuilds_render_only_changed_pages_and_give_what_a_build_from_nothing_gives(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    warm = build_config(tmp_path, "warm")
    first = build(warm, quiet=True)
    assert first.docs_reused == 0

    def pages() -> int:
        return sum(len(list((warm.docs_dir / kind).iterdir())) for kind in ("articles", "topics"))

    def stable(name: str) -> tuple[int, int]:
        st = (warm.site_dir / name).stat()
        return st.st_ino, st.st_mtime_ns

    unchanged = sorted((warm.site_dir / "articles").iterdir())[0].name + "/index.html"
    before = stable(f"articles/{unchanged}")
    for step in ("same input", "one new article", "one article removed", "same input"):
        if step == "one new article":
            (inputs / "zz_new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        elif step == "one article removed":
            (inputs / "zz_new.txt").unlink()
            sorted(inputs.iterdir())[-1].unlink()
        cold = from_nothing(tmp_path, warm, "cold")
        again = build(warm, quiet=True)
        reference = build(cold, quiet=True, use_cache=False)
        assert reference.docs_reused == 0
        assert tree(warm.docs_dir) == tree(cold.docs_dir), step
        assert tree(warm.site_dir) == tree(cold.site_dir), step
        assert folders(warm.site_dir) == folders(cold.site_dir), step
        if step == "same input":
            assert again.analysed == 0 and again.docs_reused == pages()
        else:
            assert 0 < again.analysed <= len(again.topics)
            # A new story's pages are new; the other pages are taken from the previous build. (The
            # removed article shared its topic with every other: their pages all name it.)
            assert again.docs_reused < pages() and (again.docs_reused > 0) == (step == "one new article")
        # A page whose bytes did not change is the same file, with the same modification time.
        if (warm.site_dir / "articles" / unchanged).exists():
            assert stable(f"articles/{unchanged}") == before, step
    assert (warm.cache_dir / SPARE_SITE).is_dir()
    assert [p.name for p in warm.docs_dir.parent.iterdir() if p.name.startswith(".")] == []


def dated_topic(folder: Path, name: str, day: int, n: int = 2) -> None:
    for i in range(n):
        write(
            folder / f"{name.lower()}-{i}.md",
            f"---\ntitle: {name} ferry timetable changed\noutlet: Outlet {i}\n"
            f"published: 2024-03-{day:02d}\n---\n"
            f"The {name} ferry will leave at seven from the {name} pier, the operator said on Monday. "
            f"Captain Ira {name} said the early ferry {i} would carry more cars. "
            f"The {name} council welcomed the change to the timetable.\n",
        )


def test_a_rebuild_builds_only_the_changed_pages_of_the_site(tmp_path: Path) -> None:
    """MkDocs' dirty mode with briefgen's plan: the files whose source did not change are kept from the
    spare; the site is byte-identical to a build from nothing, whatever changed (an article added to a
    topic outside the navigation, an article edited, a new topic that enters the navigation, an article
    removed, renamed, moved to another topic's folder, a page of the spare tampered with)."""
    from briefgen.site import NAV_TOPICS

    names = [f"Port{chr(97 + n)}" for n in range(NAV_TOPICS + 4)]
    for n, name in enumerate(names):
        dated_topic(tmp_path / "in" / name.lower(), name, n + 2)
    warm = build_config(tmp_path, "warm")
    for _ in range(3):  # from the third build on, the spare has a manifest
        first = build(warm, quiet=True)
    assert first.site_kept > 0 and first.analysed == 0
    oldest = tmp_path / "in" / names[0].lower()
    steps = (
        "article added to an old topic",
        "article edited",
        "new topic",
        "article removed",
        "article renamed",
        "article moved to another topic",
        "tampered",
        "memos deleted",
    )
    for step in steps:
        if step == "article added to an old topic":
            dated_topic(oldest, names[0], 1, n=3)  # same dates: the navigation does not change
        elif step == "article edited":
            path = oldest / f"{names[0].lower()}-1.md"
            path.write_text(path.read_text(encoding="utf-8").replace("more cars", "more bicycles"), "utf-8")
        elif step == "new topic":
            dated_topic(tmp_path / "in" / "newport", "Newport", 28)
        elif step == "article removed":
            (oldest / f"{names[0].lower()}-2.md").unlink()
        elif step == "article renamed":  # same bytes under another name: another article id
            (oldest / f"{names[0].lower()}-1.md").rename(oldest / f"{names[0].lower()}-renamed.md")
        elif step == "article moved to another topic":  # a folder names a topic
            (oldest / f"{names[0].lower()}-0.md").rename(tmp_path / "in" / names[1].lower() / "moved.md")
        elif step == "memos deleted":  # the spares are there, nothing tells what they hold
            (warm.cache_dir / DOCS_PAGES).unlink()
            (warm.cache_dir / "pages" / "site.pickle").unlink()
            dated_topic(oldest, names[0], 1, n=3)
        else:
            build(warm, quiet=True)
            build(warm, quiet=True)  # the spare and the live site both after the removal
            spare = warm.cache_dir / SPARE_SITE
            page = next(p for p in sorted(spare.rglob("index.html")) if "topics" in p.parts)
            page.unlink()
            page.write_text("tampered", encoding="utf-8")
            docs_page = sorted((warm.cache_dir / SPARE_DOCS / "topics").iterdir())[-1]
            docs_page.unlink()
            docs_page.write_text("tampered", encoding="utf-8")
        again = build(warm, quiet=True)
        cold = from_nothing(tmp_path, warm, "cold")
        build(cold, quiet=True, use_cache=False)
        assert tree(warm.docs_dir) == tree(cold.docs_dir), step
        assert tree(warm.site_dir) == tree(cold.site_dir), step
        assert folders(warm.site_dir) == folders(cold.site_dir), step
        files = len(tree(warm.site_dir))
        if step in ("article added to an old topic", "article edited", "tampered"):
            assert 0 < again.site_kept < files, step  # only the changed pages were built
            assert again.docs_reused > 0, step
        else:  # the navigation changed (every page shows it), a page was removed, no memo: a full build
            assert again.site_kept == 0, step


def test_a_damaged_cached_brief_is_analysed_again(tmp_path: Path) -> None:
    """A rebuild reads unchanged topics' briefs only when it needs them (`LazyBrief`); an entry damaged
    since is analysed again then, as a lookup would (same pages)."""
    for n, name in enumerate(("Porta", "Portb", "Portc")):
        dated_topic(tmp_path / "in" / name.lower(), name, n + 2)
    warm = build_config(tmp_path, "warm")
    build(warm, quiet=True)
    for entry in (warm.cache_dir / "analysis").glob("*.pickle"):
        if entry.name not in ("sentences.pickle", "digests.pickle"):
            entry.write_bytes(b"damaged")
    (warm.cache_dir / DOCS_PAGES).unlink()  # every page rendered again: every brief needed
    again = build(warm, quiet=True)
    assert again.analysed == 0  # found in the digests...
    cold = from_nothing(tmp_path, warm, "cold")
    build(cold, quiet=True, use_cache=False)
    assert tree(warm.docs_dir) == tree(cold.docs_dir)  # ...and analysed again when read
    assert tree(warm.site_dir) == tree(cold.site_dir)
