"""Local HTTP servers for the fetch tests: loopback addresses only (127.0.0.1, and 127.0.0.2 standing
for an internal host), routes set per test, every request logged."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[["Handler"], None]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int = 0
    start: float = 0.0
    end: float = 0.0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server  # type: ignore[assignment]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        site = self.server.site
        request = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, start=time.monotonic())
        with site.lock:
            site.requests.append(request)
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
        self.request_log = request
        try:
            route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
            if route is None:
                self.reply(404, b"not found", "text/plain")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            request.end = time.monotonic()
            with site.lock:
                site.in_flight -= 1

    def reply(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.request_log.status = status
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up (size limit, timeout) is part of the tests


@dataclass
class Site:
    host: str = "127.0.0.1"
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: int = 0
    max_in_flight: int = 0

    def start(self) -> Site:
        self.server = Server((self.host, 0), Handler)
        self.server.site = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def full(self) -> list[Request]:
        """Requests answered with a body (200)."""
        return [r for r in self.requests if r.status == 200]

    def add(
        self,
        path: str,
        body: bytes | str,
        ctype: str = "application/rss+xml",
        etag: str | None = None,
        modified: float | None = None,
        compress: bool = False,
    ) -> None:
        """A static resource; answers conditional requests with 304 when `etag`/`modified` are set."""
        data = body.encode() if isinstance(body, str) else body
        last_modified = formatdate(modified, usegmt=True) if modified is not None else None

        def route(h: Handler) -> None:
            headers = {}
            if etag:
                headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            if (etag and h.headers.get("If-None-Match") == etag) or (
                last_modified and not etag and h.headers.get("If-Modified-Since") == last_modified
            ):
                h.request_log.status = 304
                h.send_response(304)
                for name, value in headers.items():
                    h.send_header(name, value)
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            payload = data
            if compress and "gzip" in h.headers.get("Accept-Encoding", ""):
                payload = gzip.compress(data)
                headers["Content-Encoding"] = "gzip"
            h.reply(200, payload, ctype, headers)

        self.routes[path] = route


def rss(items: list[dict[str, str]], title: str = "Example News", extra: str = "") -> str:
    """An RSS 2.0 feed; each item may have title, link, description, content, date, author, guid."""
    parts = []
    for it in items:
        fields = [f"<title>{it['title']}</title>"] if "title" in it else []
        if "link" in it:
            fields.append(f"<link>{it['link']}</link>")
        if "guid" in it:
            fields.append(f"<guid>{it['guid']}</guid>")
        if "description" in it:
            fields.append(f"<description><![CDATA[{it['description']}]]></description>")
        if "content" in it:
            fields.append(f"<content:encoded><![CDATA[{it['content']}]]></content:encoded>")
        if "date" in it:
            fields.append(f"<pubDate>{it['date']}</pubDate>")
        if "author" in it:
            fields.append(f"<dc:creator>{it['author']}</dc:creator>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{extra}\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{title}</title><link>http://example.org/</link><description>d</description>"
        "<language>en-us</language>" + "".join(parts) + "</channel></rss>"
    )


def page(title: str, paragraphs: list[str], canonical: str = "") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{link}"
        '<meta name="author" content="Page Author"><meta property="og:site_name" content="Page Site">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example</footer></body></html>"
    )
