"""A small HTTP client for fetching other people's feeds and pages: polite and safe by default.

Polite: a User-Agent naming briefgen and its address; at most one request at a time per host, with a
delay between two (robots.txt's Crawl-delay when longer); robots.txt honoured; conditional GET; gzip;
retries with back-off for 5xx, 429 and network errors, `Retry-After` honoured (up to a limit).

Safe: http and https only, no credentials in URLs; at most `max_redirects` redirects, each hop checked
like the first; a response larger than `max_bytes` (on the wire or once decompressed) is cut off and
refused; the content type is checked; a host that resolves to a loopback, private, link-local
(cloud metadata), multicast or otherwise non-public address is refused unless it is allowed by name.
The check is made on the address the socket actually connects to, so a DNS answer that changes
between a check and the connection (DNS rebinding) cannot slip through. Environment proxies are not
used (a proxy would hide the address connected to).

Built on the standard library (`http.client`), which lets the client pick and check the address it
connects to.
"""

from __future__ import annotations

import email.utils
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.robotparser
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from .. import __version__

USER_AGENT = f"briefgen/{__version__}"
"""The User-Agent of every request; the feed list's `contact` is added to it (`with_contact`)."""


def with_contact(agent: str, contact: str) -> str:
    """The User-Agent with where a site owner who sees it in their logs can reach whoever runs it."""
    return f"{agent} (+{contact})" if contact else agent


ROBOTS_AGENT = "briefgen"
"""The product token robots.txt rules are matched against."""
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 500, 502, 503, 504})
MAX_ROBOTS_BYTES = 500_000  # RFC 9309: crawlers must parse at least 500 KiB
MAX_CRAWL_DELAY = 60.0
METADATA_ADDRESSES = frozenset({"169.254.169.254", "fd00:ec2::254", "100.100.100.200", "169.254.170.2"})
FEED_TYPES = ("xml", "rss", "atom", "rdf", "text/plain", "application/octet-stream")
PAGE_TYPES = ("text/html", "application/xhtml+xml")


class FetchError(Exception):
    """A URL could not be fetched; the message is the reason shown to the user."""

    retry_next_run = True
    """False when fetching again later will not help (refused, disallowed, not found)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status that made the request fail, if it was one."""


class Refused(FetchError):
    """Refused for safety: scheme, address, size, content type or redirects."""

    retry_next_run = False


class Disallowed(FetchError):
    """robots.txt disallows the URL for briefgen."""

    retry_next_run = False


@dataclass(frozen=True)
class Policy:
    """How the client behaves; every field has a polite, safe default."""

    allow_hosts: frozenset[str] = frozenset()
    """Host names (or IP literals) that may resolve to non-public addresses."""
    delay: float = 1.0
    """Seconds between two requests to the same host (robots.txt Crawl-delay when longer, up to 60)."""
    timeout: float = 20.0
    """Seconds to connect, and to wait for each read."""
    total_timeout: float = 120.0
    """Seconds one response may take to arrive in full (a slow drip is cut off)."""
    max_bytes: int = 10_000_000
    """Largest response body accepted, compressed or not."""
    max_redirects: int = 5
    retries: int = 2
    """Further attempts after a 5xx, 429 or network error."""
    backoff: float = 2.0
    """Seconds before the first retry; doubled for each next one (unless Retry-After says more)."""
    max_retry_after: float = 120.0
    """A longer Retry-After gives up on the URL for this run instead of waiting."""
    user_agent: str = USER_AGENT


@dataclass
class Counters:
    """Requests made and bytes received (on the wire), across threads."""

    requests: int = 0
    conditional: int = 0
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, conditional: bool, received: int) -> None:
        with self.lock:
            self.requests += 1
            self.conditional += conditional
            self.bytes += received


@dataclass(frozen=True)
class Response:
    url: str
    """The final URL, after redirects."""
    status: int
    """200, or 304 (not modified since the validators sent)."""
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def validators(self) -> dict[str, str]:
        """ETag and Last-Modified, to send back next time."""
        return {k: self.headers[k] for k in ("etag", "last-modified") if self.headers.get(k)}


def host_key(url: str) -> str:
    """The host politeness is counted per (lower-case name, without port)."""
    return (urlsplit(url).hostname or "").lower()


def blocked_reason(address: str) -> str | None:
    """Why `address` must not be connected to without an explicit allowance, or None if public."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if str(ip) in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for name in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{name}"):
            return f"a {name.replace('_', '-')} address"
    if not ip.is_global:
        return "not a public address"
    return None


def check_url(url: str) -> None:
    """Refuse what is never fetched: other schemes, URLs without a host or with credentials."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise Refused(f"only http and https URLs are fetched, not {parts.scheme or 'a relative'} URL {url!r}")
    if not parts.hostname:
        raise Refused(f"URL without a host: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise Refused("URL with credentials (user:password@) refused")
    try:
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        raise Refused(f"URL with an invalid port: {url!r}") from None


URL_SAFE = "/%:@!$&'()*+,;=-._~"


def normalize_url(url: str) -> str:
    """`url` as sent: host in IDNA (ASCII), path and query percent-encoded where they are not ASCII
    or hold spaces or control characters, no fragment. Refuses a host no encoding can spell."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise Refused(f"URL with an invalid host name: {url!r}") from None
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    path = quote(parts.path, safe=URL_SAFE)
    query = quote(parts.query, safe=URL_SAFE + "?")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def open_socket(host: str, port: int, timeout: float, allowed: bool) -> socket.socket:
    """A TCP connection to `host`, to a public address unless `allowed`; checked after connecting."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        error = FetchError(f"cannot resolve host {host} ({exc.strerror})")
        error.retry_next_run = exc.errno == socket.EAI_AGAIN
        raise error from None
    refused: list[str] = []
    failure: OSError | None = None
    for family, kind, proto, _, address in infos:
        why = None if allowed else blocked_reason(address[0])
        if why:
            refused.append(f"{address[0]} ({why})")
            continue
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            peer = sock.getpeername()[0]
        except OSError as exc:
            sock.close()
            failure = exc
            continue
        why = None if allowed else blocked_reason(peer)
        if why:
            sock.close()
            refused.append(f"{peer} ({why})")
            continue
        return sock
    if failure is not None:
        raise failure
    raise Refused(
        f"host {host} resolves to {', '.join(refused)}: not fetched (allow it with --allow-host {host} "
        "or allow_hosts: in the feeds file if it is meant)"
    )


class _GuardedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int | None, timeout: float, allowed: bool) -> None:
        super().__init__(host, port, timeout=timeout)
        self.allowed = allowed

    def connect(self) -> None:
        self.sock = open_socket(self.host, self.port, self.timeout, self.allowed)


class _GuardedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int | None, timeout: float, allowed: bool) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.allowed = allowed

    def connect(self) -> None:
        sock = open_socket(self.host, self.port, self.timeout, self.allowed)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class HostGate:
    """At most one request at a time per host, `delay` seconds apart."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    def _host(self, host: str) -> tuple[threading.Lock, list[float]]:
        with self._lock:
            return self._hosts.setdefault(host, (threading.Lock(), [0.0]))

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        lock, next_time = self._host(host)
        with lock:
            wait = next_time[0] - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                next_time[0] = max(next_time[0], time.monotonic() + delay)

    def defer(self, host: str, seconds: float) -> None:
        """No request to `host` for `seconds` (Retry-After, back-off)."""
        _, next_time = self._host(host)
        next_time[0] = max(next_time[0], time.monotonic() + seconds)


@dataclass
class RobotsEntry:
    """robots.txt of one origin as last fetched: its validators and text, for the next run."""

    validators: dict[str, str] = field(default_factory=dict)
    text: str = ""


class Client:
    """Fetches URLs under a `Policy`; safe to share between threads (connections are per thread)."""

    def __init__(
        self, policy: Policy, robots_state: dict[str, RobotsEntry] | None = None, gate: HostGate | None = None
    ) -> None:
        self.policy = policy
        self.gate = gate or HostGate()
        self.counters = Counters()
        self.robots_state: dict[str, RobotsEntry] = robots_state if robots_state is not None else {}
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, str]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self._connections: list[http.client.HTTPConnection] = []

    # -- public -------------------------------------------------------------------------------------

    def get(
        self, url: str, kinds: tuple[str, ...], validators: dict[str, str] | None = None, robots: bool = True
    ) -> Response:
        """GET `url`: a 200 with a body of one of the content `kinds`, or a 304 when `validators`
        (ETag / Last-Modified of an earlier response) still hold. Raises `FetchError` with the reason."""
        visited: list[str] = []
        for _ in range(self.policy.max_redirects + 1):
            try:
                check_url(url)
                url = normalize_url(url)
            except ValueError:  # urlsplit on e.g. 'http://[::1'
                raise Refused(f"invalid URL {url!r}") from None
            if url in visited:
                raise Refused(f"redirect loop ({' -> '.join([*visited, url])})")
            visited.append(url)
            if robots:
                self.check_robots(url)
            status, headers, body = self._with_retries(url, validators)
            if status in REDIRECTS:
                location = headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location, from {url}")
                url = urljoin(url, location.strip()).split("#")[0]
                continue
            if status == 304 and validators:
                return Response(url, 304, headers, b"")
            if status != 200:
                name = http.client.responses.get(status, "")
                error = FetchError(f"HTTP {status} {name} for {url}".replace("  ", " "), status)
                error.retry_next_run = status >= 500 or status in (408, 429)
                raise error
            response = Response(url, 200, headers, body)
            ctype = response.content_type
            if ctype and not any(k in ctype for k in kinds):
                raise Refused(f"unexpected content type {ctype} for {url}")
            return response
        raise Refused(f"more than {self.policy.max_redirects} redirects ({' -> '.join(visited)})")

    def check_robots(self, url: str) -> None:
        """Raise `Disallowed` when the origin's robots.txt does not let briefgen fetch `url`, and
        `FetchError` when it could not be fetched (a server error: nothing is fetched there this run)."""
        parser, problem = self._robots_for(url)
        if problem:
            raise FetchError(problem)
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            raise Disallowed(f"robots.txt of {_origin(url)} disallows {url}")

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()

    # -- robots.txt ---------------------------------------------------------------------------------

    def _robots_for(self, url: str) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        origin = _origin(url)
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def _load_robots(self, origin: str) -> tuple[urllib.robotparser.RobotFileParser | None, str]:
        """(parser or None for 'everything allowed', problem): RFC 9309 — a 4xx allows everything,
        a server error or an unreachable server disallows everything for this run."""
        known = self.robots_state.get(origin)
        try:
            response = self.get(
                origin + "/robots.txt",
                kinds=("",),
                validators=known.validators if known else None,
                robots=False,
            )
        except Refused:
            raise
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                self.robots_state.pop(origin, None)
                return None, ""
            return None, f"robots.txt of {origin} unavailable ({exc}): nothing fetched from there this run"
        if response.status == 304 and known is not None:
            text = known.text
        else:
            text = response.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
            self.robots_state[origin] = RobotsEntry(response.validators, text)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(text.splitlines())
        return parser, ""

    def delay_for(self, url: str) -> float:
        parser = self._robots.get(_origin(url), (None, ""))[0]
        crawl = parser.crawl_delay(ROBOTS_AGENT) if parser is not None else None
        return max(self.policy.delay, min(float(crawl or 0), MAX_CRAWL_DELAY))

    # -- requests -----------------------------------------------------------------------------------

    def _with_retries(self, url: str, validators: dict[str, str] | None) -> tuple[int, dict[str, str], bytes]:
        host = host_key(url)
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                with self.gate.slot(host, self.delay_for(url)):
                    status, headers, body = self._request(url, validators)
            except Refused:
                raise
            except FetchError as exc:
                if last or not exc.retry_next_run:
                    raise
                self.gate.defer(host, self.policy.backoff * 2**attempt)
                continue
            except ssl.SSLCertVerificationError as exc:  # asking again will not change the certificate
                raise FetchError(f"{_describe(exc)} for {url}") from None
            except (OSError, http.client.HTTPException) as exc:
                if last:
                    raise FetchError(f"{_describe(exc)} for {url} (after {attempt + 1} attempts)") from None
                self.gate.defer(host, self.policy.backoff * 2**attempt)
                continue
            if status not in RETRIED or last:
                return status, headers, body
            wait = _retry_after(headers.get("retry-after"))
            if wait is not None and wait > self.policy.max_retry_after:
                raise FetchError(
                    f"HTTP {status} for {url}, Retry-After {wait:.0f} s is longer than "
                    f"{self.policy.max_retry_after:.0f} s: left for a later run",
                    status,
                )
            self.gate.defer(host, wait if wait is not None else self.policy.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _connection(self, url: str) -> http.client.HTTPConnection:
        parts = urlsplit(url)
        key = (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port)
        pool: dict[tuple[str, str, int | None], http.client.HTTPConnection] = self._local.__dict__.setdefault(
            "pool", {}
        )
        conn = pool.get(key)
        if conn is None:
            allowed = key[1] in self.policy.allow_hosts
            cls = _GuardedHTTPS if key[0] == "https" else _GuardedHTTP
            conn = cls(key[1], key[2], self.policy.timeout, allowed)
            pool[key] = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _drop(self, url: str, conn: http.client.HTTPConnection) -> None:
        conn.close()
        pool = self._local.__dict__.get("pool", {})
        for key, value in list(pool.items()):
            if value is conn:
                del pool[key]

    def _request(self, url: str, validators: dict[str, str] | None) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "*/*",
        }
        for name, header in (("etag", "If-None-Match"), ("last-modified", "If-Modified-Since")):
            if validators and validators.get(name):
                headers[header] = validators[name]
        for fresh in (False, True):
            conn = self._connection(url)
            reused = conn.sock is not None
            try:
                conn.request("GET", target, headers=headers)
                response = conn.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self._drop(url, conn)
                if reused and not fresh:  # the server closed an idle kept-alive connection: once more
                    continue
                raise
            except BaseException:
                self._drop(url, conn)
                raise
            break
        received = 0
        try:
            got = {k.lower(): v for k, v in response.getheaders()}
            body, received = self._read_body(response, got, url)
        except BaseException:
            self._drop(url, conn)
            raise
        finally:
            self.counters.add(bool(validators), received)
        if response.will_close:
            self._drop(url, conn)
        return response.status, got, body

    def _read_body(
        self, response: http.client.HTTPResponse, headers: dict[str, str], url: str
    ) -> tuple[bytes, int]:
        limit = self.policy.max_bytes
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise Refused(f"response too large ({int(length):,} bytes, limit {limit:,}) from {url}")
        encoding = headers.get("content-encoding", "").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
        elif encoding in ("", "identity"):
            inflater = None
        else:
            raise Refused(f"unsupported content encoding {encoding!r} from {url}")
        deadline = time.monotonic() + self.policy.total_timeout
        chunks: list[bytes] = []
        size = received = 0
        while True:
            chunk = response.read(65536)
            if not chunk:
                break
            received += len(chunk)
            if received > limit:
                raise Refused(f"response too large (more than {limit:,} bytes) from {url}")
            if inflater is not None:
                chunk = inflater.decompress(chunk, limit + 1 - size)
                if inflater.unconsumed_tail:
                    raise Refused(
                        f"response too large once decompressed (more than {limit:,} bytes) from {url}"
                    )
            size += len(chunk)
            if size > limit:
                raise Refused(f"response too large once decompressed (more than {limit:,} bytes) from {url}")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchError(f"response took longer than {self.policy.total_timeout:.0f} s from {url}")
        if inflater is not None:
            chunks.append(inflater.flush())
        return b"".join(chunks), received


def _origin(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    default = 443 if parts.scheme.lower() == "https" else 80
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port and port != default else "")


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | socket.timeout):
        return "timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error ({exc.reason or exc})"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, http.client.HTTPException):
        return f"bad HTTP response ({type(exc).__name__})"
    return f"network error ({exc.strerror or exc})" if isinstance(exc, OSError) else str(exc)
