"""`briefgen serve`: the site on localhost with MkDocs' own live-reload server, rebuilt as articles arrive.

briefgen writes the briefs into docs/ (as `briefgen build --no-site` does), then MkDocs serves the
site, building it with briefgen's plugin and rebuilding it (and reloading the browser) whenever docs/
changes. A watcher polls the input folder (path, size and modification time of every input file); when
it changed and has stayed the same for one more poll (a file being written is not read half-done),
the briefs are written again: the topic registry places the new articles and the analysis cache
serves every topic whose articles did not change, so only those topics are analysed.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import click

from .config import Config
from .errors import BriefgenError, InputError
from .pipeline import BuildResult, build
from .reading.files import scan
from .site import mkdocs_config_file, require_plugin

POLL_SECONDS = 1.0

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(config: Config) -> Fingerprint:
    """Every input file's path, size and modification time (what `briefgen build` would read)."""
    found = scan(config.input_dir, exclude=(config.docs_dir, config.site_dir)).inputs
    out = []
    for path in found:
        try:
            st = os.stat(path)
            out.append((str(path), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(path), -1, -1))
    return tuple(out)


class InputWatcher(threading.Thread):
    """Calls `rebuild` after the input folder changed and then stayed the same for one poll."""

    def __init__(self, config: Config, seen: Fingerprint, rebuild: Callable[[], None]) -> None:
        super().__init__(name="briefgen-input-watcher", daemon=True)
        self.config, self.seen, self.rebuild = config, seen, rebuild
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(POLL_SECONDS):
            try:
                now = fingerprint(self.config)
                if now == self.seen:
                    continue
                while not self.stopped.wait(POLL_SECONDS):
                    again = fingerprint(self.config)
                    if again == now:
                        break
                    now = again
                self.seen = now
            except OSError as exc:  # the input folder went away: say so, keep serving
                click.echo(f"briefgen serve: cannot read {self.config.input_dir}: {exc}", err=True)
                continue
            if not self.stopped.is_set():
                self.rebuild()


def serve(
    config: Config, dev_addr: str, quiet: bool = False, report: Callable[[BuildResult], None] | None = None
) -> None:
    """Write the briefs, then serve the site on `dev_addr` until interrupted (Ctrl-C)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    docs_config = config.replace(build_site=False)
    if not config.input_dir.is_dir():
        raise InputError(f"input folder {config.input_dir} does not exist (give a folder of articles)")
    require_plugin()
    seen = fingerprint(docs_config)
    result = build(docs_config, quiet=quiet)
    if report is not None:
        report(result)
    # Rebuilds run in a thread of a process that is serving: one process (no fork), and they analyse
    # only the topics whose articles changed.
    rebuild_config = docs_config.replace(jobs=1)

    def rebuild() -> None:
        click.echo("briefgen serve: input changed, writing the briefs again", err=True)
        try:
            again = build(rebuild_config, quiet=True)
        except BriefgenError as exc:
            click.echo(f"briefgen serve: {exc} (still serving the previous site)", err=True)
            return
        except Exception as exc:  # keep serving; say what went wrong, without a traceback
            click.echo(f"briefgen serve: rebuild failed: {type(exc).__name__}: {exc}", err=True)
            return
        if report is not None:
            report(again)

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING if quiet else logging.INFO)
    from . import plugin

    plugin.DEFAULT_CACHE_DIR = config.cache_dir / "pages"  # each site rebuild reuses unchanged pages
    watcher = InputWatcher(docs_config, seen, rebuild)
    watcher.start()
    previous = signal.signal(signal.SIGTERM, _interrupt)  # stop as on Ctrl-C: the temporary site removed
    try:
        with tempfile.TemporaryDirectory(prefix="briefgen-serve-") as tmp:
            config_file = mkdocs_config_file(config.mkdocs_config, config.site_name, Path(tmp))
            mkdocs_serve(
                config_file=str(config_file),
                livereload=True,
                dev_addr=dev_addr,
                docs_dir=str(config.docs_dir.resolve()),
            )
    finally:
        watcher.stopped.set()
        watcher.join(timeout=30)
        mkdocs_log.removeHandler(handler)
        plugin.DEFAULT_CACHE_DIR = None
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
