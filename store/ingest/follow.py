"""Following the news: fetch every followed feed a few at a time, store its new entries, remember how it went.

Feeds (and, with ``full_text``, the pages of entries that carry only a summary) are fetched in a small
thread pool; each answer is parsed, extracted and committed in the calling thread as it arrives, by the
same path that ingests files, so nothing is stored twice. A feed's validators are saved only after its
articles are, so a feed that answers 304 next time has nothing of it missing. A failing feed or page is
one line; the others go on.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from dateline.store.feeds import Feed
from dateline.store.ingest import ingest_articles
from dateline.store.ingest.formats.decode import decode_bytes
from dateline.store.ingest.formats.feeds import parse_feed
from dateline.store.ingest.fetch import Fetched, Limits, fetch, make_client
from dateline.store.ingest.formats.formats import sniff_content
from dateline.store.ingest.formats.html import parse_html
from dateline.store.ingest.parsed import IngestError, ParsedArticle

Say = Callable[[str], None]


@dataclass
class FeedResult:
    """What one fetch of one feed did."""

    feed: Feed
    new: int = 0
    not_modified: bool = False
    error: str | None = None  # the feed's one line, when it failed
    page_errors: list[str] = field(default_factory=list)  # --full-text pages that failed (summary kept)


@dataclass
class FetchSummary:
    results: list[FeedResult] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(r.new for r in self.results)

    @property
    def errors(self) -> list[str]:
        return [line for r in self.results for line in ([r.error] if r.error else []) + r.page_errors]

    @property
    def failed(self) -> int:
        return len(self.errors)

    def line(self) -> str:
        """``12 new articles from 3 feeds; 1 failed: name: URL: HTTP 404 Not Found``."""
        n, feeds = self.new, len(self.results)
        text = f"{n} new article{'' if n == 1 else 's'} from {feeds} feed{'' if feeds == 1 else 's'}"
        errors = self.errors
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            text += f"; {len(errors)} failed: {errors[0]}{more}"
        return text


def fetch_feeds(store, feeds: list[Feed], *, full_text: bool = False, limits: Limits = Limits(),
                backend: str = "builtin", on_message: Say | None = None,
                on_feed: Callable[[FeedResult, int, int], None] | None = None) -> FetchSummary:
    """Fetch ``feeds`` into ``store``; ``on_feed(result, done, total)`` after each one."""
    say = on_message or (lambda _line: None)
    summary = FetchSummary()
    with make_client(limits) as client, ThreadPoolExecutor(max_workers=limits.workers,
                                                           thread_name_prefix="dateline-fetch") as pool:
        futures: dict[Future, Feed] = {
            pool.submit(fetch, client, f.url, limits, etag=f.etag, last_modified=f.last_modified): f for f in feeds}
        try:
            for future in as_completed(futures):
                result = _one_feed(store, futures[future], future, client, pool, limits, full_text, backend, say)
                summary.results.append(result)
                if on_feed:
                    on_feed(result, len(summary.results), len(feeds))
        finally:
            for future in futures:
                future.cancel()
    return summary


def _one_feed(store, feed: Feed, future: Future, client, pool, limits: Limits, full_text: bool, backend: str,
              say: Say) -> FeedResult:
    result = FeedResult(feed)
    try:
        fetched: Fetched = future.result()
        if fetched.not_modified:
            result.not_modified = True
            store.record_fetch(feed.url, "not modified")
            return result
        articles = [a for a in parse_fetched(fetched, feed_only=True) if not store.known_article(a.url, a.body)]
    except Exception as err:  # noqa: BLE001 - one odd feed must not stop the others
        reason = err.reason if isinstance(err, IngestError) else f"could not be read ({type(err).__name__})"
        result.error = f"{feed.name}: {feed.url}: {reason}"
        say(f"error: {result.error}")
        store.record_fetch(feed.url, reason)
        return result
    if full_text:
        result.page_errors = _add_full_text(store, articles, client, pool, limits)
        for line in result.page_errors:
            say(f"error: {line}")
    stored = ingest_articles(store, articles, backend=backend, on_message=say)
    result.new = stored.new
    status = "ok" if not stored.failed and not result.page_errors else "ok, with errors"
    store.record_fetch(feed.url, status, stored.new, etag=fetched.etag, last_modified=fetched.last_modified)
    return result


def parse_fetched(fetched: Fetched, feed_only: bool = False) -> list[ParsedArticle]:
    """The articles of a fetched feed or article page, told apart by their content; IngestError if neither."""
    url = fetched.url
    kind = sniff_content(fetched.body[:4096].decode("utf-8", "replace").lstrip("\ufeff"))
    content_type = fetched.content_type.split(";")[0].strip().lower()
    if kind is None and content_type:
        kind = "html" if "html" in content_type else "feed" if any(
            k in content_type for k in ("rss", "atom", "xml")) else None
    if kind == "feed":
        return parse_feed(url, fetched.body)
    if kind == "html" and not feed_only:
        text, _ = decode_bytes(fetched.body, url)
        return parse_html(url, text)
    what = "an HTML page" if kind == "html" else f"{content_type or 'unknown content'}"
    raise IngestError(url, f"not a feed ({what})" if feed_only else f"not a feed or an article page ({what})")


def read_url(url: str, limits: Limits = Limits()) -> list[ParsedArticle]:
    """Fetch one feed or article page (``dateline ingest URL``); raises IngestError with one line."""
    with make_client(limits) as client:
        articles = parse_fetched(fetch(client, url, limits))
    if len(articles) == 1 and articles[0].origin == url and not articles[0].url:
        articles[0].url = url  # a page without a canonical link is known by the address it was read from
    return articles


def _add_full_text(store, articles: list[ParsedArticle], client, pool, limits: Limits) -> list[str]:
    """Fetch the page of each new entry that has only a summary and keep its main text when longer.
    Returns one line per page that failed (that entry keeps the feed's summary)."""
    wanted = [a for a in articles if a.summary_only and a.url and a.url.startswith(("http://", "https://"))
              and not store.known_article(a.url, a.body)]
    pages = {pool.submit(fetch, client, a.url, limits): a for a in wanted}
    errors = []
    for future in as_completed(pages):
        article = pages[future]
        try:
            fetched = future.result()
            if fetched.not_modified:
                continue
            url = article.url or ""  # every entry in ``wanted`` has one
            text, _ = decode_bytes(fetched.body, url)
            page = parse_html(url, text)[0]
        except IngestError as err:
            errors.append(f"{err}; kept the feed's summary")
            continue
        except Exception as err:  # noqa: BLE001 - one odd page must not stop the feed
            errors.append(f"{article.url}: could not be read ({type(err).__name__}); kept the feed's summary")
            continue
        if len(page.body) > len(article.body):
            article.body = page.body
            article.source = article.source or page.source
            article.published = article.published or page.published
    return errors
