"""The build cache (`.briefgen-cache/`): analysed briefs keyed by content hash, and the last build's state.

Two things live there, with different guarantees:

- `analysis/<hash>.pickle`: one analysed `Brief` per topic, keyed by a hash of the topic (slug, title,
  every field of every article), the analysis settings and briefgen's own code. It is a pure memo:
  deleting it never changes the output, only the time a build takes.
- `state.json`: what the previous build published (each topic's articles and brief items), from which
  the "changed since the last build" note is computed (see `changes.py`). Deleting it resets the notes.

Entries are written atomically (temporary file, then rename); a damaged entry is ignored and recomputed.
The cache holds Python pickles: restore it only from your own builds (as the GitHub workflow does).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import stat
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .errors import UnreadableInput
from .models import Article, Brief, Sentence, Topic, fingerprint, text_key

FORMAT = 1
ANALYSIS = "analysis"
STATE = "state.json"
SENTENCES = "sentences.pickle"  # in analysis/: each article's sentences, for its page in the site
DIGESTS = "digests.pickle"  # in analysis/: what a rebuild needs of each cached brief (`LazyBrief`)
KEEP = frozenset({SENTENCES, DIGESTS})


@cache
def code_fingerprint() -> str:
    """A hash of briefgen's own source, so a new version of the analysis never reuses old results."""
    digest = hashlib.sha256(str(FORMAT).encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class AnalysisCache:
    """Memo of `analyze(topic)`; `directory=None` disables it (every topic analysed, nothing stored)."""

    def __init__(self, directory: Path | None, settings: tuple[Any, ...] = (), read: bool = True) -> None:
        self.directory = directory / ANALYSIS if directory is not None else None
        self.settings = settings
        self.read = read
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self._sentences: dict[str, tuple[Sentence, ...]] | None = None
        self._sentences_used: dict[str, tuple[Sentence, ...]] = {}
        self._keys: dict[int, tuple[Topic, str]] = {}
        self._digests: dict[str, Any] | None = None
        self.digests: dict[str, Any] = {}  # this build's, saved by `prune`
        self._listing: frozenset[str] | None = None

    def key(self, topic: Topic) -> str:
        """A hash of the topic (every field of every article), the settings and briefgen's code."""
        found = self._keys.get(id(topic))
        if found is not None and found[0] is topic:
            return found[1]
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(repr(self.settings).encode())
        # The topic's fields, each article by its fingerprint (a hash of all its fields).
        parts = [repr((topic.slug, topic.title)), *map(fingerprint, topic.articles)]
        digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
        self._keys[id(topic)] = (topic, digest.hexdigest())
        return digest.hexdigest()

    def lookup(self, topic: Topic, lazy: bool = False) -> Brief | None:
        """The cached brief of `topic`, or None (then analyse it and `store` the result). `lazy`: a
        `LazyBrief` when the digest of the brief is known (the brief is read when needed)."""
        if self.directory is None:
            return None
        key = self.key(topic)
        self.used.add(key)
        if self.read and lazy:
            digest = self._previous_digests().get(key)
            if digest is not None and f"{key}.pickle" in self._names():
                self.hits += 1
                self.digests[key] = digest
                directory = self.directory
                return LazyBrief(  # type: ignore[return-value]
                    topic, digest[0], digest[1], lambda: self._load(topic, directory / f"{key}.pickle")
                )
        path = self.directory / f"{key}.pickle"
        if self.read:
            try:
                with open(path, "rb") as fh:
                    cached = _BriefUnpickler(fh, topic.articles).load()
            except Exception:  # absent, damaged or outdated: recomputed
                cached = None
            if isinstance(cached, Brief) and cached.topic == topic:
                self.hits += 1
                return cached
        return None

    def _names(self) -> frozenset[str]:
        """The files of the cache folder as it was found (one listing, not a `stat` per topic)."""
        if self._listing is None:
            try:
                self._listing = frozenset(os.listdir(self.directory)) if self.directory else frozenset()
            except OSError:
                self._listing = frozenset()
        return self._listing

    def _load(self, topic: Topic, path: Path) -> Brief:
        """The brief of a `LazyBrief`: read from the cache, or analysed again (and stored) when the
        entry went missing or is damaged, as `lookup` would have."""
        try:
            with open(path, "rb") as fh:
                cached = _BriefUnpickler(fh, topic.articles).load()
        except Exception:  # absent or damaged
            cached = None
        if isinstance(cached, Brief) and cached.topic == topic:
            return cached
        from .analyze import analyze

        brief = analyze(topic, *self.settings)
        atomic_write(path, _dump_brief(brief))
        return brief

    def _load_dict(self, name: str) -> dict[str, Any]:
        """The dict pickled in the cache folder as `name`; empty when not reading, absent or damaged."""
        if not self.read or self.directory is None:
            return {}
        try:
            loaded = pickle.loads((self.directory / name).read_bytes())
        except Exception:
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _previous_digests(self) -> dict[str, Any]:
        if self._digests is None:
            self._digests = self._load_dict(DIGESTS)  # absent or damaged: read every brief
        return self._digests

    def digest(self, brief: Brief, row: Any) -> None:
        """Keep what a rebuild needs of `brief` without reading it: its syndication groups and its row
        on the home page (`site.TopicRow`, from the brief: the same key gives the same)."""
        if not isinstance(brief, LazyBrief):
            self.digests[self.key(brief.topic)] = (brief.syndication, row)

    def store(self, topic: Topic, brief: Brief) -> None:
        """Keep the brief `topic` was just analysed into."""
        self.misses += 1
        if self.directory is None:
            return
        key = self.key(topic)
        self.used.add(key)
        atomic_write(self.directory / f"{key}.pickle", _dump_brief(brief))

    def brief(self, topic: Topic, analyze: Callable[[Topic], Brief]) -> Brief:
        """`analyze(topic)`, from the cache when an earlier build analysed the same topic."""
        brief = self.lookup(topic)
        if brief is None:
            brief = analyze(topic)
            self.store(topic, brief)
        return brief

    def _sentence_memo(self) -> dict[str, tuple[Sentence, ...]]:
        if self._sentences is None:
            self._sentences = self._load_dict(SENTENCES)  # absent or damaged: split again
        return self._sentences

    @staticmethod
    def _sentence_key(article: Article) -> str:
        return hashlib.sha256(f"{code_fingerprint()}\0{article!r}".encode()).hexdigest()

    def sentences(self, article: Article) -> tuple[Sentence, ...]:
        """`split_article(article)`, from memory when this build already split it (during the
        analysis) or from the cache when an earlier build did."""
        key = self._sentence_key(article)
        found = self._sentences_used.get(key)
        if found is None:
            found = self._sentence_memo().get(key)
        if found is None:
            # Here, not at the top: the MkDocs plugin imports this module, and a plain `mkdocs build`
            # needs none of the reading package (a fifth of a second of imports).
            from .reading.split import split_article

            found = split_article(article)
        self._sentences_used[key] = found
        return found

    def remember(self, article: Article, sentences: tuple[Sentence, ...]) -> None:
        """Record `split_article(article)`, computed elsewhere (in a worker process)."""
        self._sentences_used[self._sentence_key(article)] = sentences

    def prune(self) -> None:
        """Drop entries this build did not use, so the cache does not grow without bound."""
        if self.directory is None or not self.directory.is_dir():
            return
        for name in os.listdir(self.directory):
            if name.endswith(".pickle") and name[:-7] not in self.used and name not in KEEP:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(self.directory, name))
        digests = {k: v for k, v in self.digests.items() if k in self.used}
        if digests != self._previous_digests():
            atomic_write(self.directory / DIGESTS, pickle.dumps(digests, protocol=pickle.HIGHEST_PROTOCOL))
        if self._sentences_used:
            data = pickle.dumps(self._sentences_used, protocol=pickle.HIGHEST_PROTOCOL)
            atomic_write(self.directory / SENTENCES, data)


class LazyBrief:
    """A cached brief not read yet (`AnalysisCache.lookup(lazy=True)`): its topic, syndication groups
    and row on the home page are known; reading any other field reads the brief from the cache. A
    rebuild after one new article reads the brief of the topic that changed only."""

    def __init__(self, topic: Topic, syndication: Any, row: Any, load: Callable[[], Brief]) -> None:
        self.topic = topic
        self.syndication = syndication
        self.row = row
        self._load = load
        self._brief: Brief | None = None

    # The same as a brief's, from the topic and syndication groups known without reading it.
    articles = Brief.articles
    independent_sources = Brief.independent_sources

    def load(self) -> Brief:
        if self._brief is None:
            self._brief = self._load()
        return self._brief

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.load(), name)


def real_brief(brief: Any) -> Brief:
    """The brief itself (read from the cache when `brief` is a `LazyBrief`)."""
    return brief.load() if isinstance(brief, LazyBrief) else brief


def _dump_brief(brief: Brief) -> bytes:
    """The brief pickled without its topic's articles (references to them by position): the topic
    looked up has them already, and reading them again is most of the cost of a cache hit."""
    import io

    positions = {id(a): n for n, a in enumerate(brief.topic.articles)}
    articles = brief.topic.articles

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            n = positions.get(id(obj))
            return ("article", n) if n is not None and articles[n] is obj else None

    out = io.BytesIO()
    Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(brief)
    return out.getvalue()


class _BriefUnpickler(pickle.Unpickler):
    def __init__(self, fh: Any, articles: tuple[Article, ...]) -> None:
        super().__init__(fh)
        self.articles = articles

    def persistent_load(self, pid: Any) -> Any:
        kind, n = pid
        if kind != "article":
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        return self.articles[n]  # the key covers every field of the topic's articles: the same ones


def load_state(directory: Path | None) -> dict[str, Any] | None:
    """The previous build's state, or None (no cache, first build, unreadable file)."""
    if directory is None:
        return None
    try:
        data = json.loads((directory / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def save_state(directory: Path | None, state: dict[str, Any]) -> None:
    if directory is None:
        return
    # Compact: read by the next build only (Python's JSON encoder is much slower with an indent).
    text = json.dumps({"format": FORMAT, **state}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    atomic_write(directory / STATE, text.encode("utf-8"))


DOCS_PAGES = "docs-pages.pickle"  # a pickle: read and written in a third of the time JSON takes


def templates_fingerprint(env: Any) -> str:
    """A hash of every template `env` can load (the project's and briefgen's own)."""
    digest = hashlib.sha256()
    for name in sorted(env.list_templates()):
        digest.update(name.encode())
        digest.update(env.loader.get_source(env, name)[0].encode())
    return digest.hexdigest()


class DocsMemo:
    """The pages of docs/ the previous build wrote, each with a key of what it was rendered from (the
    topic and its change note, or the article and the topics citing it; briefgen's code and templates).

    docs/ is staged like the site (`fsutil.staged_dir` with a spare, `SPARE_DOCS`): the next docs/ is
    written over the docs/ before the previous one. A page whose key did not change is not rendered
    again: the spare's copy is kept when it is still the file that build wrote (same inode, size and
    modification time), else the live page is linked in (a hard link: no copy, same modification
    time). Every other file is written anew (never into a file the live docs/ shares), and the spare's
    files the new docs/ lacks are removed: the file list of each docs/ is kept too. When the spare is
    not the folder this memo describes, it is emptied first (as `LinkingWriter.prepare_full`). A pure
    memo, like the others: deleting it never changes the output. `directory=None` or `read=False`
    renders every page (the keys are still saved)."""

    def __init__(self, directory: Path | None, docs_dir: Path, salt: str, read: bool = True) -> None:
        self.path = directory / DOCS_PAGES if directory is not None else None
        self.spare_dir = directory / SPARE_DOCS if directory is not None else None
        self.docs_dir = docs_dir
        self.salt = salt
        self.previous: dict[str, list[Any]] = {}
        self.spare: dict[str, list[Any]] = {}
        self.kept: dict[str, list[Any]] = {}
        self.reused = 0
        self.loaded: dict[str, Any] = {}
        self.files: set[str] = set()  # every file of the new docs/
        self.stats: dict[str, tuple[int, int, int]] = {}  # of these: inode, size and mtime
        self.stage: Path | None = None
        self.folders: set[Path] = set()  # folders of the stage made (or found) by `put`
        self.mode = "empty"
        self.before: dict[str, int] | None = None
        self.root: int | None = None
        if self.path is not None:
            try:
                loaded = pickle.loads(self.path.read_bytes())
                self.loaded = loaded if isinstance(loaded, dict) and loaded.get("format") == 3 else {}
            except Exception:  # absent or damaged: every page rendered
                self.loaded = {}
        if read and self.loaded.get("salt") == salt:
            self.previous = dict((self.loaded.get("live") or {}).get("pages") or {})
            self.spare = dict((self.loaded.get("spare") or {}).get("pages") or {})
        self.live_root = _inode(docs_dir)

    def key(self, *parts: str) -> str:
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def start(self, stage: Path) -> None:
        """`stage`: the folder the new docs/ is written into (the spare, or an empty folder)."""
        self.stage = stage
        spare = self.loaded.get("spare") or {}
        if not any(os.scandir(stage)):
            self.mode = "empty"
        elif spare.get("root") == _inode(stage) and isinstance(spare.get("files"), list):
            self.mode = "spare"
        else:  # not the folder this memo describes: everything in it is written again or removed
            from .fsutil import file_changes

            self.mode = "full"
            self.spare = {}
            self.before = file_changes(stage, unlink_shared=True)

    def put(self, page: str, text: str) -> None:
        """Write `page` (a path relative to docs/) into the stage, as a new file."""
        assert self.stage is not None
        path = self.stage / page
        if self.mode != "empty":
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        if path.parent not in self.folders:  # one `mkdir` per folder, not per page
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        st = os.stat(path)
        self.stats[page] = (st.st_ino, st.st_size, st.st_mtime_ns)
        self.files.add(page)

    def reuse(self, stage: Path, page: str, key: str) -> bool:
        """Put the previous build's `page` (a path relative to docs/) into `stage` when it was rendered
        from the same `key`; False when it must be rendered."""
        new = f"{stage}/{page}"
        entry = self.spare.get(page) if self.mode == "spare" else None
        if entry is not None and entry[0] == key:
            try:
                st = os.stat(new)
            except OSError:
                pass
            else:  # `_same` and `_reused`, inline: most pages of a rebuild come this way
                if st.st_size == entry[1] and st.st_mtime_ns == entry[2] and st.st_ino == entry[3]:
                    self.kept[page] = entry
                    self.stats[page] = (entry[3], entry[1], entry[2])
                    self.files.add(page)
                    self.reused += 1
                    return True
        entry = self.previous.get(page)
        if entry is None or entry[0] != key:
            return False
        old = f"{self.docs_dir}/{page}"
        try:
            if not _same(old, entry):
                return False
            if self.mode != "empty":
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(new)
            try:
                os.link(old, new)
            except FileNotFoundError:  # its folder is new
                os.makedirs(os.path.dirname(new), exist_ok=True)
                os.link(old, new)
            except OSError:  # no hard links here: a copy, with its modification time
                shutil.copy2(old, new)
        except OSError:
            return False
        self._reused(page, _entry(key, os.stat(new)))
        return True

    def _reused(self, page: str, entry: list[Any]) -> None:
        self.kept[page] = entry
        self.stats[page] = (entry[3], entry[1], entry[2])
        self.files.add(page)
        self.reused += 1

    def wrote(self, stage: Path, page: str, key: str) -> None:
        """Record `page`, just rendered into `stage` from `key`."""
        self.kept[page] = _entry(key, os.stat(stage / page))

    def finish(self) -> None:
        """Remove what the stage held and the new docs/ does not have."""
        assert self.stage is not None
        self.root = _inode(self.stage)  # before the swap: the stage is the new docs/ from now on
        if self.mode == "full" and self.before is not None:
            from .fsutil import prune_unwritten

            prune_unwritten(self.stage, self.before)
        elif self.mode == "spare":
            for page in set((self.loaded.get("spare") or {}).get("files") or ()) - self.files:
                path = self.stage / page
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                folder = path.parent
                while folder != self.stage:
                    try:
                        folder.rmdir()
                    except OSError:  # not empty
                        break
                    folder = folder.parent

    def save(self) -> None:
        """The memo of the new docs/ (and of the previous one, now the spare)."""
        if self.path is None or self.root is None:
            return
        live = self.loaded.get("live") or {}
        data = {
            "format": 3,
            "salt": self.salt,
            "live": {"root": self.root, "files": sorted(self.files), "pages": self.kept},
            "spare": live if live.get("root") == self.live_root and self.live_root is not None else {},
        }
        atomic_write(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def _entry(key: str, st: os.stat_result) -> list[Any]:
    return [key, st.st_size, st.st_mtime_ns, st.st_ino]


def _same(path: str, entry: list[Any]) -> bool:
    """Whether `path` is still the file `entry` recorded (size, modification time, inode)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return [st.st_size, st.st_mtime_ns, st.st_ino] == entry[1:4]


def keep_keys(articles: Any) -> None:
    """Each article's hashes that later stages ask for (`fingerprint`, `text_key`, the topics'
    `content_key`), computed and kept on it, so that the reading memo keeps them too."""
    from .topics.slugs import content_key

    for article in articles:
        fingerprint(article)
        text_key(article)
        content_key(article)


def _read_one(
    path: Path, root: Path | None, limits: Any
) -> tuple[list[Article], list[str], str | None] | None:
    """`read_file` of one file as `read_inputs` calls it (`ReadingCache.prefetch`): its articles,
    notes and the reason it is unreadable; None when its reader failed otherwise."""
    from .reading import read_file
    from .reading.files import admit, file_size_limit

    notes: list[str] = []
    try:
        with file_size_limit(limits.max_file_bytes):
            if root is not None:
                admit(path, root)
            articles = read_file(path, root, limits, notes)
            keep_keys(articles)  # here, on the worker, not in the build process
            return articles, notes, None
    except UnreadableInput as exc:
        return [], notes, str(exc)
    except Exception:  # `read_inputs` reads it again and reports the error
        return None


READING = "reading.pickle"
READING_FORMAT = 2
SPARE_SITE = "previous-site"
SPARE_DOCS = "previous-docs"
"""docs/ before the last build's: the next docs/ is written over it (see `DocsMemo`)."""
"""The site before the last build's (`fsutil.staged_dir`'s spare): the next build is written over it."""


class ReadingCache:
    """Memo of reading one input file (`reading.read_file`: decode, clean, cut to the limits), so a
    rebuild after one new article reads and cleans that article only.

    An entry is found by the file's path (and its root, which names folder topics) and is reused when
    the file's size and modification time are those it was read with, or, when they differ (a file
    touched, checked out again), when its content hash is the same; it is keyed as well by briefgen's
    code and the limits. A file that could not be read is remembered with its reason (and read again
    once it changes). Like the analysis cache it is a pure memo: deleting it never changes the output.
    `directory=None` or `read=False` reads every file (the entries are still stored)."""

    def __init__(self, directory: Path | None, limits: Any, read: bool = True) -> None:
        self.path = directory / READING if directory is not None else None
        self.salt = repr((READING_FORMAT, code_fingerprint(), limits))
        # Each entry: [(size, mtime), content hash, pickle of (articles, notes, reason unreadable)].
        # Entries are pickled one by one: a rebuild unpickles the entries of the files it finds and
        # saves the unchanged ones as the bytes it read (no pickling of every article again).
        self.previous: dict[str, list[Any]] = {}
        self.used: dict[str, list[Any]] = {}
        self.misses = 0
        self.prefetched: dict[Path, tuple[list[Article], list[str], str | None]] = {}
        self.stats: dict[Path, tuple[int, int]] = {}  # taken by `prefetch`, for `read`
        self.lstats: dict[Path, os.stat_result] = {}
        """`os.lstat` of the input files that are no symbolic link, taken by `prefetch` (for
        `reading.files.admit`: one `stat` per file and build)."""
        self.signatures: dict[str, bytes] = {}
        """The articles' MinHash signatures (`dedupe.text_signatures`), by a hash of their text."""
        if self.path is not None and read:
            try:
                loaded = pickle.loads(self.path.read_bytes())
                if isinstance(loaded, dict) and loaded.get("salt") == self.salt:
                    self.previous = loaded["files"]
                    self.signatures = dict(loaded.get("signatures", {}))
            except Exception:  # absent or damaged: read every file
                self.previous, self.signatures = {}, {}

    def prefetch(self, paths: Any, root: Path | None, limits: Any, jobs: int) -> None:
        """Read and clean the files the memo has no entry for on `jobs` processes (`parallel`), ahead
        of `read`, which takes their results (same articles, notes and reasons as reading them here;
        a file whose reader fails in another way is read again by `read`, which reports it)."""
        import functools

        from .parallel import ordered_map, worker_count

        todo = []
        for path in list(paths)[: limits.max_input_files]:
            entry = self.previous.get(f"{root}\0{path}")
            try:
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    st = os.stat(path)
                else:
                    self.lstats[path] = st
            except OSError:
                continue
            self.stats[path] = (st.st_size, st.st_mtime_ns)
            if entry is None or entry[0] != self.stats[path]:
                todo.append(path)
        if worker_count(jobs, len(todo)) < 2:
            return
        work = functools.partial(_read_one, root=root, limits=limits)
        for path, found in zip(todo, ordered_map(work, todo, jobs), strict=True):
            if found is not None:
                self.prefetched[path] = found

    def read(self, path: Path, root: Path | None, limits: Any, notes: list[str]) -> list[Article]:
        """`read_file(path, root, limits, notes)`, from the memo when the file did not change."""
        name = f"{root}\0{path}"
        stat = self.stats.pop(path, None)  # from `prefetch`, earlier in this build
        if stat is None:
            st = os.stat(path)
            stat = (st.st_size, st.st_mtime_ns)
        entry = self.previous.get(name)
        digest = None
        if entry is None or entry[0] != stat:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if entry is not None and entry[1] != digest:
                entry = None
        found: tuple[list[Article], list[str], str | None] | None = None
        if entry is not None:
            try:
                found = pickle.loads(entry[2])
                entry = [stat, entry[1], entry[2]]
            except Exception:  # damaged: read again
                entry = None
        if entry is None or found is None:
            self.misses += 1
            found = self.prefetched.pop(path, None)
            if found is None:
                from .reading import read_file  # only for a file to read (the memo's users start fast)

                read_notes: list[str] = []
                try:
                    found = (read_file(path, root, limits, read_notes), read_notes, None)
                except UnreadableInput as exc:
                    found = ([], read_notes, str(exc))
            keep_keys(found[0])  # kept in the entry: the next build does not hash them again
            # The digest is set: a file without an entry was hashed above.
            entry = [stat, digest, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)]
        self.used[name] = entry
        articles, file_notes, error = found
        notes.extend(file_notes)
        if error is not None:
            raise UnreadableInput(error)
        return list(articles)

    def save(self, articles: Any = ()) -> None:
        """Keep the entries of this build's files only (and the signatures of its `articles`)."""
        if self.path is not None:
            keep = {text_key(a) for a in articles}
            # Besides the articles' signatures, the memos `dedupe.infer_metadata` keeps in the same dict.
            memos = ("groups:", "pairs:")
            signatures = {k: v for k, v in self.signatures.items() if k in keep or k.startswith(memos)}
            data = {"salt": self.salt, "files": self.used, "signatures": signatures}
            atomic_write(self.path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
