"""A local HTTP server for the feed tests (no network): good and bad feeds, pages, and misbehaving endpoints.

``serve()`` starts it on 127.0.0.1 with a free port in a thread; ``server.requests`` records each request's
path and headers so a test can see that a second fetch was conditional. The texts are written for these
tests (no licence needed).
"""
from __future__ import annotations

import functools
import gzip
import threading
import time
import zlib
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ETAG = '"feed-v1"'
LAST_MODIFIED = "Mon, 09 Jun 2025 08:00:00 GMT"
SLOW_SECONDS = 3.0


def rss(title: str, items: list[tuple[str, str, str, str]], content: bool = False) -> bytes:
    """An RSS 2.0 feed; each item is (title, link, date, text); ``content`` puts the text in content:encoded."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{title}</title>'
             f'<link>http://example.org/</link><description>{title}</description>']
    for item_title, link, date, text in items:
        body = f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>" if content else \
            f"<description>{text}</description>"
        parts.append(f"<item><title>{item_title}</title><link>{link}</link><pubDate>{date}</pubDate>{body}</item>")
    parts.append("</channel></rss>\n")
    return "".join(parts).encode()


NEWS = [("Harbour bridge reopens in Lisbon", "http://news.example/bridge", "Mon, 09 Jun 2025 07:00:00 GMT",
         "The Lisbon harbour bridge reopened on Monday after repairs that lasted four months, the city said."),
        ("Central bank holds rates", "http://news.example/rates", "Sun, 08 Jun 2025 12:00:00 GMT",
         "The European Central Bank held its main rate at 2.5 percent on Sunday, Christine Lagarde said."),
        ("Rowing club wins regatta", "http://news.example/regatta", "Sat, 07 Jun 2025 18:30:00 GMT",
         "The Porto rowing club won the spring regatta on Saturday by three lengths, its coach Ana Silva said.")]

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:atom-desk</id>
<updated>2025-06-10T09:00:00Z</updated>
<entry><title>Ferry strike ends in Bergen</title><id>urn:e1</id><link href="http://atom.example/ferry"/>
<updated>2025-06-10T09:00:00Z</updated>
<content type="html">&lt;p&gt;The ferry strike in Bergen ended on Tuesday after union leader Kari Nordmann signed a deal.&lt;/p&gt;</content>
</entry>
<entry><title>Observatory opens in Chile</title><id>urn:e2</id><link href="http://atom.example/observatory"/>
<updated>2025-06-09T09:00:00Z</updated>
<content type="html">&lt;p&gt;A new observatory opened in the Atacama desert on Monday, Chile's science ministry said.&lt;/p&gt;</content>
</entry></feed>
"""

PAGE_TEXT = ("The full report of the museum reopening in Ghent. " * 3 + "\n\n" +
             "Curator Marie Dubois said on Friday that visitors had waited for three years to see the altarpiece "
             "again, and that the museum expected forty thousand visitors in its first month. " * 4)


def page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="2025-06-06"></head>'
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>© Example News</footer></body></html>").encode()


@functools.cache
def gzip_bomb() -> bytes:
    """64 MB of zeros in about 64 KB of gzip (made a megabyte at a time)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * 2**20
    return b"".join([*(packer.compress(zeros) for _ in range(64)), packer.flush()])


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest's output clean
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "application/rss+xml", **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one route a line
        server = self.server
        server.requests.append((self.path, dict(self.headers)))
        path, base = self.path.split("?")[0], f"http://127.0.0.1:{server.server_port}"
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self._send(304, ETag=ETAG)
            return self._send(200, rss("Example News", server.news), ETag=ETAG, Last_Modified=LAST_MODIFIED)
        if path == "/atom.xml":
            return self._send(200, ATOM, "application/atom+xml")
        if path == "/summary.xml":
            items = [("Museum reopens in Ghent", f"{base}/page.html", "Fri, 06 Jun 2025 10:00:00 GMT",
                      "The museum reopens."),
                     ("Page that is gone", f"{base}/gone.html", "Fri, 06 Jun 2025 09:00:00 GMT",
                      "A short summary of a page that has gone.")]
            return self._send(200, rss("Summaries", items))
        if path == "/gzip.xml":
            body = gzip.compress(rss("Zipped", [("Tram line extended in Oslo", "http://zip.example/tram",
                                                   "Thu, 05 Jun 2025 10:00:00 GMT",
                                                   "Oslo extended its tram line to the airport on Thursday.")]))
            return self._send(200, body, Content_Encoding="gzip")
        if path == "/page.html":
            return self._send(200, page("Museum reopens in Ghent", PAGE_TEXT), "text/html; charset=utf-8")
        if path == "/not-a-feed.html":
            return self._send(200, page("Welcome", "This is a home page, not a feed."), "text/html")
        if path == "/bad.xml":
            return self._send(200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</ti</rss>')
        if path == "/slow.xml":
            time.sleep(SLOW_SECONDS)
            return self._send(200, rss("Slow", NEWS))
        if path in ("/loop-a", "/loop-b"):
            return self._send(302, Location="/loop-b" if path == "/loop-a" else "/loop-a")
        if path == "/moved.xml":
            return self._send(301, Location="/atom.xml")
        if path == "/bomb.xml":
            return self._send(200, gzip_bomb(), Content_Encoding="gzip")
        if path == "/huge.xml":
            return self._stream_huge()
        return self._send(404, b"not here", "text/plain")

    def _stream_huge(self) -> None:
        """A body with no length that never ends (until 200 MB): the client must stop at its cap."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<!-- " + b"x" * 65536 + b" -->\n"
        try:
            self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
            for _ in range(3200):
                self.wfile.write(chunk)
                self.server.huge_sent += len(chunk)
        except OSError:
            pass
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that stops reading at its cap closes the connection mid-body: that is the point


@contextmanager
def serve():
    """The server, running; ``server.url(path)``, ``server.requests``, ``server.news`` (the feed's items)."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.requests = []
    server.news = list(NEWS)
    server.huge_sent = 0
    server.url = lambda path: f"http://127.0.0.1:{server.server_port}{path}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
