"""The site step of a rebuild: only the files whose source changed are built again (`SitePlan`).

`briefgen build` writes each site over the site before the previous one (the spare, see
`fsutil.staged_dir`). A manifest (`site.pickle` in the page memo's folder) records, for the live
site and for the spare, what each of their files was made from (a file of docs/ by its content hash,
or a file of the theme), with the file's inode, size and modification time, and each page's search
entries. When everything every page depends on is what the spare was built with (the configuration
file, the navigation, timestamp and address briefgen wrote, the theme's folders, the versions of
MkDocs, Material, cmark-gfm and briefgen: `context`), MkDocs runs in its "dirty" mode and a file is
built again only when the spare's copy was not made from the same source, or is not the file the
manifest describes. The rest of the spare is already the new site; files of the spare the new site
does not have are removed. The search index is joined from each page's entries (new or recorded),
in the order a full build writes them, so it is the same bytes.

A full build runs instead (every page, as before) when there is no manifest or it describes other
settings or another folder, with --strict (a full build checks every link and anchor), when a file
of docs/ the spare was built from is gone (links to it change), and after a build that logged a
warning. A test checks a dirty build gives the files a full build gives.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .cache import atomic_write, code_fingerprint

MANIFEST = "site.pickle"
FORMAT = 2
GENERATED_IN_PLACE = ("sitemap.xml.gz",)
"""Files MkDocs writes itself (not through `utils.write_file`): written again in place every build."""


def fragment(entries: list[Any]) -> bytes:
    """Search entries as they appear in the search index (Material's `json.dumps` of the index), as
    UTF-8 bytes (ASCII: JSON escapes the rest): kept in the manifest, bytes are read and written
    without decoding or encoding 5 MB of text on every build."""
    return ",".join(json.dumps(e, separators=(",", ":"), default=str) for e in entries).encode()


def search_index(config: dict[str, Any], fragments: list[bytes]) -> str:
    """Material's `SearchIndex.generate_search_index` (no previous index), from each page's fragment."""
    head = json.dumps(config, separators=(",", ":"), default=str)
    return '{"config":' + head + ',"docs":[' + b",".join(f for f in fragments if f).decode() + "]}"


def _package_dir(name: str) -> str:
    import importlib.util

    spec = importlib.util.find_spec(name)
    return os.path.dirname(spec.origin) if spec is not None and spec.origin else "\0"


def context(config: Any, salt: str) -> str:
    """A hash of everything every page of the site depends on, besides its own source."""
    digest = hashlib.sha256()
    parts = [
        salt,
        code_fingerprint(),
        version("mkdocs-material"),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        repr(config["nav"]),
        config["site_url"] or "",
        config["site_name"],
        repr(sorted(config["plugins"])),
        repr(config["extra_css"]),
        repr(config["extra_javascript"]),
        repr(config["extra"]),
        repr(dict(config["theme"].items()) if hasattr(config["theme"], "items") else config["theme"]),
    ]
    for part in parts:
        digest.update(str(part).encode("utf-8", "surrogatepass") + b"\0")
    path = config.config_file_path
    if path and os.path.isfile(path):
        with open(path, "rb") as fh:
            digest.update(fh.read())
    packages = (_package_dir("material"), _package_dir("mkdocs"))
    for folder in config["theme"].dirs:  # versions cover the installed themes; a project's are read
        digest.update(folder.encode("utf-8", "surrogatepass") + b"\0")
        if folder.startswith(packages):
            continue
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                st = os.stat(os.path.join(root, name))
                digest.update(f"{os.path.join(root, name)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def load(store: Path) -> dict[str, Any]:
    try:
        data = pickle.loads(store.read_bytes())
    except Exception:  # absent or damaged: a full build
        return {}
    return data if isinstance(data, dict) and data.get("format") == FORMAT else {}


def _root(path: str) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


class SitePlan:
    """Which files of the site this build writes (`modified`), and the manifest it leaves."""

    def __init__(self, store: Path, stage: str, live: str, ctx: str, strict: bool) -> None:
        self.store = store
        self.stage = stage
        self.live = live
        self.ctx = ctx
        data = load(store)
        live_root = _root(live)
        previous = data.get("live") or {}
        spare = data.get("spare") or {}
        # What the live site and the spare were built from, when the manifest still describes them.
        self.previous = previous if previous.get("root") == live_root and live_root is not None else {}
        self.spare = spare if spare.get("root") == _root(stage) else {}
        self.known_sources: dict[str, tuple[int, int, int, str]] = {
            **(spare.get("sources") or {}),
            **(previous.get("sources") or {}),
        }
        self.sources: dict[str, tuple[int, int, int, str]] = {}
        self.origins: dict[str, Any] = {}  # site file (relative path) -> what it is made from
        self.kept: dict[str, tuple[int, int, int]] = {}  # files of the spare that are already right
        self.search: dict[str, bytes] = {}  # page -> its search entries (JSON, `fragment`)
        self.dirty = bool(self.spare) and self.spare.get("context") == ctx and not strict
        chunks = data.get("chunks")
        self.chunks = ChunkMemo(chunks if isinstance(chunks, dict) and data.get("salt") == ctx else {})
        """Search sections of the pieces of long pages (`fastpages.search_sections`)."""

    def source(self, path: str, uri: str, known_stat: Any = None) -> str:
        """The content hash of a file of docs/: from the manifest when its inode, size and modification
        time are those recorded, else read. `known_stat`: (inode, size, mtime) of the file, when the
        caller just wrote it."""
        if known_stat is None:
            st = os.stat(path)
            known_stat = (st.st_ino, st.st_size, st.st_mtime_ns)
        known = self.known_sources.get(uri)
        if known is not None and tuple(known[:3]) == tuple(known_stat):
            sha = known[3]
        else:
            with open(path, "rb") as fh:
                sha = hashlib.sha256(fh.read()).hexdigest()
        self.sources[uri] = (*known_stat, sha)
        return sha

    def plan(self, files: Any, docs_dir: str, downloads: list[str], stats: Any = None) -> None:
        """Mark every file modified or not (`File.is_modified`, read by MkDocs' dirty mode). `stats`:
        (inode, size, mtime) of files of docs/ by relative path, as briefgen build just left them."""
        stats = stats or {}
        docs_abs = os.path.abspath(docs_dir)
        docs_prefix = os.path.join(docs_abs, "")
        in_docs: dict[Any, bool] = {}  # a file's folder -> whether it is docs/ itself
        known_sources, sources = self.known_sources, self.sources
        for file in files:
            folder = file.src_dir
            plain = in_docs.get(folder)
            if plain is None:
                plain = in_docs[folder] = folder is not None and os.path.abspath(folder) == docs_abs
            uri = file.src_uri
            if plain and ".." not in uri and "abs_src_path" not in vars(file):
                # A file of docs/ (what the test below finds, without making its path absolute).
                known_stat, known = stats.get(uri), known_sources.get(uri)
                if type(known_stat) is tuple and type(known) is tuple and known[:3] == known_stat:
                    sources[uri] = known  # `source`, inline: most files of a rebuild
                    origin: Any = ("docs", uri, known[3])
                else:
                    origin = ("docs", uri, self.source(docs_prefix + uri, uri, known_stat))
            else:
                src = file.abs_src_path
                if src is not None and os.path.abspath(src).startswith(docs_prefix):
                    origin = ("docs", uri, self.source(src, uri, stats.get(uri)))
                else:
                    origin = ("theme", src)
            self.origins[file.dest_uri] = origin
        for uri in downloads:
            sha = self.source(os.path.join(docs_dir, uri), uri, stats.get(uri))
            self.origins[uri] = ("download", uri, sha)
        if self.dirty and not set(self.spare.get("sources") or {}) <= set(self.sources):
            self.dirty = False  # a file of docs/ was removed: pages linking to it change
        outputs = self.spare.get("outputs") or {} if self.dirty else {}
        search = self.spare.get("search") or {}
        stage = os.path.join(self.stage, "")
        stat = os.stat
        for dest, origin in self.origins.items():
            recorded = outputs.get(dest)
            if recorded is None or recorded[0] != origin:
                continue
            try:
                st = stat(stage + dest)
            except OSError:
                continue
            if (st.st_ino, st.st_size, st.st_mtime_ns) == recorded[1:]:
                self.kept[dest] = recorded[1:]
        kept_files = self.kept
        live_search = self.previous.get("search") or {}
        for file in files:
            dest = file.dest_uri
            if dest not in kept_files:
                file.is_modified = _modified
                continue
            if file.is_documentation_page():
                entries = search.get(file.src_uri)
                if entries is None:
                    del kept_files[dest]
                    file.is_modified = _modified
                    continue
                live = live_search.get(file.src_uri)  # `shared`, inline
                self.search[file.src_uri] = live if live == entries else entries
            file.is_modified = _kept

    def shared(self, page: str, entries: bytes) -> bytes:
        """`entries` (a page's search entries), as the live site's same string when they are equal:
        the manifest then holds one copy for both sites (pickle writes a shared object once)."""
        live = (self.previous.get("search") or {}).get(page)
        return live if live == entries else entries

    def modified(self, dest: str) -> bool:
        return dest not in self.kept

    def stale(self, written: set[str]) -> list[str]:
        """Files of the spare that are not in the new site (`written`: absolute paths written)."""
        prefix = os.path.join(self.stage, "")
        new = {p[len(prefix) :] for p in written if p.startswith(prefix)}
        new.update(self.kept)
        new.update(name for name in GENERATED_IN_PLACE if os.path.exists(os.path.join(self.stage, name)))
        self.outputs_now = new
        return sorted(set(self.spare.get("outputs") or {}) - new)

    def save(self, clean: bool) -> None:
        """The manifest of the new site (and of the live one, which becomes the spare); `clean`: no
        warning was logged (else the next build is a full one)."""
        outputs: dict[str, tuple[Any, int, int, int]] = {}
        for dest in sorted(getattr(self, "outputs_now", ())):
            kept = self.kept.get(dest)
            if kept is None:
                try:
                    st = os.stat(os.path.join(self.stage, dest))
                except OSError:
                    continue
                kept = (st.st_ino, st.st_size, st.st_mtime_ns)
            outputs[dest] = (self.origins.get(dest), *kept)
        new = {
            "context": self.ctx if clean else "",
            "root": _root(self.stage),
            "sources": self.sources,
            "outputs": outputs,
            "search": self.search,
        }
        data = {
            "format": FORMAT,
            "live": new,
            "spare": self.previous,
            "chunks": self.chunks.saved(self.search),
            "salt": self.ctx,
        }
        atomic_write(self.store, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


class ChunkMemo:
    """The search sections of pieces of long pages (`fastpages.search_sections`), page by page: a
    page built again keeps the pieces it used (found in the previous build's or cut now), a page not
    built again keeps its previous ones."""

    def __init__(self, before: dict[str, dict[bytes, Any]]) -> None:
        self.before = before
        self.now: dict[str, PageChunks] = {}

    def page(self, uri: str) -> PageChunks:
        self.now[uri] = PageChunks(self.before.get(uri) or {})
        return self.now[uri]

    def saved(self, pages: Any) -> dict[str, dict[bytes, Any]]:
        """What to keep for the next build: the memo of each page of `pages` (the site's pages)."""
        kept = {uri: self.before[uri] for uri in pages if uri in self.before}
        kept.update((uri, dict(chunks)) for uri, chunks in self.now.items() if uri in pages)
        return {uri: chunks for uri, chunks in kept.items() if chunks}


class PageChunks(dict[bytes, Any]):
    """The memo of one page: the entries this build used, found in `before` or added."""

    def __init__(self, before: dict[bytes, Any]) -> None:
        super().__init__()
        self.before = before

    def get(self, key: bytes, default: Any = None) -> Any:  # type: ignore[override]
        found = super().get(key)
        if found is None:
            found = self.before.get(key)
            if found is not None:
                self[key] = found
        return found if found is not None else default


def docs_files(config: Any) -> Any:
    """MkDocs' `get_files(config)` (the files of docs/, in the same order, with the same exclusions),
    each `File` made without the `PurePath` MkDocs makes per file to spell its path: a tenth of a
    rebuild's site step over 3,000 files. MkDocs' own on a system whose paths are not '/'-separated and
    when a folder holds both README.md and index.md (MkDocs warns and drops one)."""
    from mkdocs.structure.files import File, Files, InclusionLevel, _file_sort_key, get_files, set_exclusions

    if os.sep != "/" or os.altsep:
        return get_files(config)
    docs, site, directory_urls = config["docs_dir"], config["site_dir"], config["use_directory_urls"]
    files = []
    new = File.__new__
    for folder, folders, names in os.walk(docs, followlinks=True):
        relative = os.path.relpath(folder, docs)
        prefix = "" if relative == "." else relative + "/"
        folders.sort()
        names.sort(key=_file_sort_key)
        by_dest: dict[str, Any] = {}
        for name in names:
            file = new(File)
            # What `File.__init__` sets (`src_path` gives `src_uri`, MkDocs' path with '/').
            file.src_uri = prefix + name
            file.src_dir, file.dest_dir, file.use_directory_urls = docs, site, directory_urls
            file.inclusion = InclusionLevel.UNDEFINED
            if name.endswith(".md") and name != ".md":
                # A page's `name` and `dest_uri` as `File` works them out (README.md is the index).
                stem = name[:-3] if name != "README.md" else "index"
                index = not directory_urls or stem == "index"
                file.__dict__["name"] = stem
                file.__dict__["dest_uri"] = prefix + stem + (".html" if index else "/index.html")
            if by_dest.setdefault(file.dest_uri, file) is not file:
                return get_files(config)
            files.append(file)
    set_exclusions(files, config)
    return Files(files)


def _modified() -> bool:
    return True


def _kept() -> bool:
    return False
