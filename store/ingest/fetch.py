"""Fetching a feed or a page over HTTP(S) with httpx: the only module of Dateline that uses the network.

One GET, made conditional with the ``ETag`` / ``Last-Modified`` a feed answered with last time, following
at most a few redirects (a loop is named as one), within a timeout, and reading the body as a stream
that stops at a size cap — counted after gzip/deflate decoding, which is done here, a chunk at a time,
so a small compressed bomb cannot grow past the cap either. Every failure is one ``FetchError`` line.
"""
from __future__ import annotations

import time
import zlib
from dataclasses import dataclass

import httpx

from dateline.store.ingest.formats.decode import MAX_BYTES
from dateline.store.ingest.parsed import IngestError

USER_AGENT = "Dateline/0.1 (a terminal news explorer following its feeds)"
ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, "
          "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
_CHUNK = 64 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)  # httpx's is_redirect also counts 304 and 300


@dataclass(frozen=True)
class Limits:
    """How long, how big, how far and how many at a time."""

    timeout: float = 20.0  # seconds: to connect, between bytes, and for the whole body
    max_bytes: int = MAX_BYTES  # a body larger than this (decoded) is refused: the same cap as a file's
    max_redirects: int = 5
    workers: int = 4  # feeds and pages fetched at once


@dataclass(frozen=True)
class Fetched:
    """A full answer (``status`` 2xx, with ``body``) or a 304 ("not modified", no body)."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(IngestError):
    """A feed or page that could not be fetched; ``str()`` is ``URL: reason``."""


def make_client(limits: Limits) -> httpx.Client:
    """One client for a whole run (connections are pooled and reused; it is safe across threads)."""
    return httpx.Client(timeout=httpx.Timeout(limits.timeout), follow_redirects=False,
                        limits=httpx.Limits(max_connections=limits.workers * 2),
                        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"})


def fetch(client: httpx.Client, url: str, limits: Limits, *, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET ``url`` (conditionally when given validators); raises FetchError with one line."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen = [url]
    current = url
    deadline = time.monotonic() + limits.timeout
    try:
        for _hop in range(limits.max_redirects + 1):
            with client.stream("GET", current, headers=headers) as response:
                if response.status_code in _REDIRECTS:
                    current = _next_hop(url, response, seen)
                    continue
                return _answer(url, current, response, limits, deadline)
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(url, f"timeout (no answer within {limits.timeout:g} s)") from None
    except httpx.ConnectError as exc:
        raise FetchError(url, f"cannot connect ({_reason(exc)})") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(url, f"not a URL Dateline can fetch ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(url, f"{type(exc).__name__} ({_reason(exc)})") from None
    raise FetchError(url, f"too many redirects (more than {limits.max_redirects}; last to {current})")


def _next_hop(url: str, response: httpx.Response, seen: list[str]) -> str:
    location = response.headers.get("location")
    if not location:
        raise FetchError(url, f"HTTP {response.status_code} redirect without a Location")
    target = str(response.url.join(location))
    if target in seen:
        raise FetchError(url, f"redirect loop ({len(seen)} redirects, back to {target})")
    seen.append(target)
    return target


def _answer(url: str, final_url: str, response: httpx.Response, limits: Limits, deadline: float) -> Fetched:
    status = response.status_code
    headers = response.headers
    if status == 304:
        return Fetched(url, final_url, status, etag=headers.get("etag"), last_modified=headers.get("last-modified"))
    if not 200 <= status < 300:
        raise FetchError(url, f"HTTP {status} {response.reason_phrase}".strip())
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes and not headers.get("content-encoding"):
        raise FetchError(url, f"too large ({int(declared):,} bytes; the limit is {limits.max_bytes:,})")
    body = _read_body(url, response, limits, deadline)
    return Fetched(url, final_url, status, body, headers.get("content-type", ""), headers.get("etag"),
                   headers.get("last-modified"))


def _read_body(url: str, response: httpx.Response, limits: Limits, deadline: float) -> bytes:
    decoder = _Decoder(url, response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = 0
    for raw in response.iter_raw(_CHUNK):
        for part in decoder.feed(raw, limits.max_bytes - size + 1):
            size += len(part)
            parts.append(part)
            if size > limits.max_bytes:
                raise FetchError(url, f"too large (more than {limits.max_bytes:,} bytes; stopped reading)")
        if time.monotonic() > deadline:
            raise FetchError(url, f"timeout (the body took longer than {limits.timeout:g} s)")
    return b"".join(parts)


class _Decoder:
    """gzip / deflate / identity, decoded incrementally and never more than asked for at once."""

    def __init__(self, url: str, encoding: str):
        self.url = url
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(url, f"unsupported content encoding {encoding!r}")
        self.coding = codings[0] if codings else None
        self.zlib = None
        if self.coding:
            self.zlib = zlib.decompressobj(31 if "gzip" in self.coding else 15)
        self.started = False

    def feed(self, data: bytes, room: int):
        """Yield the decoded bytes of ``data``, in pieces of at most ``room`` bytes (the cap's remainder)."""
        if self.zlib is None:
            yield data
            return
        if not self.started and self.coding == "deflate" and data[:1] and (data[0] & 0x0F) != 8:
            self.zlib = zlib.decompressobj(-15)  # "deflate" sent raw, without its zlib header
        self.started = True
        try:
            while data:
                out = self.zlib.decompress(data, max(room, 1))
                yield out
                data = self.zlib.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(self.url, f"broken {self.coding} encoding ({exc})") from None


def _reason(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
