"""`briefgen serve`: the site served on localhost, rebuilt when an article arrives in the input folder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

TEXTS = {
    "Harwick": (
        "The Harwick city council approved a new budget for the harbour on Monday. "
        "Mayor Ana Harwick said the harbour budget would pay for two new piers and a ferry. "
        "The council voted seven to two in favour of the harbour plan."
    ),
    "Tolbury": (
        "Tolbury's school board closed two village schools after a long night of debate. "
        "Pupils will travel by bus to the grammar school from September, the board's chair wrote. "
        "Parents at the meeting promised to take the board to court over the closures."
    ),
}
PATIENCE = 300.0
"""Seconds to wait for the server or a rebuild before giving up: generous, the machine may be loaded."""


def article(folder: Path, name: str, day: int, title: str) -> None:
    (folder / f"{name.lower()}.md").write_text(
        f"---\ntitle: {title}\noutlet: {name} Post\npublished: 2024-05-{day:02d}\n---\n{TEXTS[name]}\n",
        encoding="utf-8",
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(condition, what: str, server: subprocess.Popen[bytes], log: Path) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            return
        if server.poll() is not None:
            pytest.fail(f"briefgen serve exited ({server.returncode}): {log.read_text()}")
        time.sleep(0.5)
    pytest.fail(f"{what} not seen within {PATIENCE} s: {log.read_text()}")


@pytest.mark.slow
def test_serve_rebuilds_when_an_article_arrives(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    article(inputs, "Harwick", 1, "Harwick harbour budget approved")
    port = free_port()
    log = tmp_path / "serve.log"
    briefgen = Path(sys.executable).parent / "briefgen"
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEFGEN_CACHE_DIR", "SOURCE_DATE_EPOCH")}
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(briefgen), "serve", "in", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    home = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Harwick harbour budget" in (fetch(home) or ""), "the home page", server, log)
        assert (tmp_path / "docs" / "topics").is_dir() and not (tmp_path / "site").exists()
        page = fetch(home) or ""
        assert "livereload" in page  # MkDocs' own server, with live reload
        assert "Tolbury" not in page

        article(inputs, "Tolbury", 2, "Tolbury closes two village schools")
        new_topic = "Tolbury closes two village schools"
        wait_for(lambda: new_topic in (fetch(home) or ""), "the new topic", server, log)
        topic = fetch(f"{home}topics/tolbury-closes-two-village-schools/") or ""
        assert "Parents at the meeting promised" in topic
        # Only the new article's topic was analysed; the other came from the analysis cache.
        assert "2 topics (1 analysed, 1 from the cache)" in log.read_text()
    finally:
        server.send_signal(signal.SIGTERM)  # not SIGINT: a job started in the background ignores it
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    assert server.returncode == 0, log.read_text()
    assert "Traceback" not in log.read_text()
    assert (tmp_path / ".briefgen-cache" / "pages" / "pages.pickle").is_file()  # site rebuilds memoised
