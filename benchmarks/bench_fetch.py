"""`briefgen fetch` on 200 feeds x 50 entries served by a local HTTP server (loopback only).

    python benchmarks/bench_fetch.py [--feeds 200] [--entries 50] [--page-feeds 20] [--hosts 8]
                                     [--delay 0] [--work DIR]

The server runs in its own process on 127.0.0.1..127.0.0.N (one address per "host"), allowed
explicitly as the feeds file's `allow_hosts`. Every feed answers conditional requests (ETag on even
feeds, Last-Modified on odd ones) with 304. `--page-feeds` of the feeds carry summaries only, so their
articles' pages are fetched and extracted; the others carry each entry's full content. The text is
generated (numbered sentences from a fixed vocabulary): no third-party text.

Three runs of `briefgen fetch` (through its library entry point, in this process), side by side:
- `first`: empty articles folder and cache: every article written once;
- `second`: the same again: only conditional requests, nothing written;
- `no state`: the second run after deleting the cache folder (the baseline of a fetcher that keeps no
  validators): every feed downloaded again in full; the articles already in the folder are still
  recognised by their file names, so nothing is written twice.

Prints requests (conditional among them), the server's 200 and 304 answers, bytes received, articles
written, wall-clock and CPU seconds. The politeness delay defaults to 0 here (with the default 1 s
per host, the first run would take about entries x feeds / hosts seconds of waiting).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = " ".join(
    ["council budget river bridge school harbour election court minister police hospital station",
     "market festival museum library airport railway district village factory farmers teachers nurses"]
)  # fmt: skip

SERVER = r"""
import json, sys, threading, zlib
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

feeds, entries, page_feeds, hosts = map(int, sys.argv[1:5])
WORDS = sys.argv[5].split()
stats = {"200": 0, "304": 0, "404": 0}
lock = threading.Lock()

def text(f, e):
    w = lambda k: WORDS[(f * 7 + e * 3 + k) % len(WORDS)]
    return [
        f"Report {f}-{e}: the {w(0)} of district {f} met on day {e} to discuss the {w(1)} and the {w(2)}.",
        f"Officials said the {w(3)} plan number {e} for area {f} would cost {f * 1000 + e} euros in total.",
        f"Residents of street {e} in town {f} asked for the {w(4)} to open before the {w(5)} next year.",
    ]

def feed(f, base):
    full = f >= page_feeds
    items = []
    for e in range(entries):
        paras = "".join(f"<p>{p}</p>" for p in text(f, e))
        body = f"<content:encoded><![CDATA[{paras}]]></content:encoded>" if full else ""
        items.append(
            f"<item><title>Story {e} of feed {f}</title><link>{base}/a/{f}/{e}</link>"
            f"<description>Summary of story {e}.</description>{body}"
            f"<pubDate>Mon, 01 Dec 2025 {e % 24:02d}:00:00 GMT</pubDate></item>"
        )
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Outlet {f}</title><link>{base}/</link><description>d</description>"
            + "".join(items) + "</channel></rss>").encode()

def page(f, e):
    paras = "".join(f"<p>{p}</p>" for p in text(f, e))
    head = f"<html><head><title>Story {e} of feed {f}</title></head><body><nav>Home</nav>"
    return (head + f"<article><h1>Story {e} of feed {f}</h1>{paras}</article><footer>(c)</footer>").encode()

MODIFIED = formatdate(1_700_000_000, usegmt=True)

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, status, body=b"", ctype="text/plain", headers=()):
        with lock:
            stats[str(status)] = stats.get(str(status), 0) + 1
        if body and "gzip" in self.headers.get("Accept-Encoding", ""):
            c = zlib.compressobj(6, zlib.DEFLATED, 31)
            body = c.compress(body) + c.flush()
            headers = [*headers, ("Content-Encoding", "gzip")]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        parts = self.path.strip("/").split("/")
        base = f"http://{self.headers['Host']}"
        if parts == ["_stats"]:
            body = json.dumps(stats).encode()
            self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body); return
        if parts[0] == "feed":
            f = int(parts[1])
            if f % 2 == 0:
                tag = f'"feed-{f}"'
                if self.headers.get("If-None-Match") == tag:
                    return self.send(304, headers=[("ETag", tag)])
                return self.send(200, feed(f, base), "application/rss+xml", [("ETag", tag)])
            if self.headers.get("If-Modified-Since") == MODIFIED:
                return self.send(304, headers=[("Last-Modified", MODIFIED)])
            return self.send(200, feed(f, base), "application/rss+xml", [("Last-Modified", MODIFIED)])
        if parts[0] == "a":
            return self.send(200, page(int(parts[1]), int(parts[2])), "text/html; charset=utf-8")
        if parts == ["robots.txt"]:
            tag = '"robots"'
            if self.headers.get("If-None-Match") == tag:
                return self.send(304, headers=[("ETag", tag)])
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain", [("ETag", tag)])
        self.send(404, b"no")

class S(ThreadingHTTPServer):
    daemon_threads = True

servers = [S((f"127.0.0.{h + 1}", 0), H) for h in range(hosts)]
for s in servers:
    threading.Thread(target=s.serve_forever, daemon=True).start()
print(json.dumps([s.server_address[1] for s in servers]), flush=True)
sys.stdin.read()
"""


def stats(hosts: list[str]) -> dict[str, int]:
    """The server process's answers so far, by status (its hosts share one count)."""
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{hosts[0]}/_stats") as r:
        return json.loads(r.read())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--page-feeds", type=int, default=20, help="feeds without full content [20]")
    parser.add_argument("--hosts", type=int, default=8, help="loopback addresses serving the feeds [8]")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between two requests to a host [0]")
    parser.add_argument("--work", type=Path, help="folder for the articles and the cache [a temporary one]")
    args = parser.parse_args()

    from briefgen.fetch import Feed, FeedList, FetchOptions, Policy, fetch

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-fetch-"))
    shutil.rmtree(work / "articles", ignore_errors=True)
    shutil.rmtree(work / "cache", ignore_errors=True)
    sizes = map(str, (args.feeds, args.entries, args.page_feeds, args.hosts))
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, *sizes, WORDS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        ports = json.loads(server.stdout.readline())  # type: ignore[union-attr]
        hosts = [f"http://127.0.0.{h + 1}:{port}" for h, port in enumerate(ports)]
        feeds = FeedList(tuple(Feed(f"{hosts[f % len(hosts)]}/feed/{f}") for f in range(args.feeds)))
        policy = Policy(
            allow_hosts=frozenset(f"127.0.0.{h + 1}" for h in range(len(hosts))), delay=args.delay
        )
        options = FetchOptions(into=work / "articles", cache_dir=work / "cache", policy=policy)
        rows = []
        for name in ("first", "second", "no state"):
            if name == "no state":
                shutil.rmtree(work / "cache")
            before = stats(hosts)
            wall, cpu = time.perf_counter(), time.process_time()
            report = fetch(feeds, options)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            after = stats(hosts)
            served = {k: after.get(k, 0) - before.get(k, 0) for k in ("200", "304")}
            rows.append(
                (name, report.requests, report.conditional, served["200"], served["304"], report.bytes,
                 len(report.written), len(report.skipped) + len(report.failed), wall, cpu)
            )  # fmt: skip
        files = len(list((work / "articles").glob("*.md")))
    finally:
        server.stdin.close()  # type: ignore[union-attr]
        server.wait()
    print(
        f"{args.feeds} feeds x {args.entries} entries ({args.page_feeds} feeds summary-only: pages fetched), "
        f"{args.hosts} hosts, delay {args.delay} s"
    )
    head = (
        "run",
        "requests",
        "conditional",
        "200s",
        "304s",
        "bytes",
        "written",
        "skip+fail",
        "wall s",
        "CPU s",
    )
    print(f"{head[0]:<10}" + "".join(f"{h:>12}" for h in head[1:]))
    for name, *values in rows:
        print(f"{name:<10}" + "".join(f"{v:>12.1f}" if isinstance(v, float) else f"{v:>12,}" for v in values))
    expected = args.feeds * args.entries
    print(f"article files: {files:,} (expected {expected:,}: every entry once)")
    second = rows[1]
    ok = rows[0][6] == expected and second[6] == 0 and second[1] == second[2] == second[4] and second[3] == 0
    print("second run: only conditional requests, all answered 304, nothing written:", "yes" if ok else "NO")


if __name__ == "__main__":
    main()
