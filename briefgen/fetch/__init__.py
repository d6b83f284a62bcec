"""`briefgen fetch`: new articles from the outlets' RSS/Atom/RDF feeds, politely and safely.

- `feedlist`: the feeds file (YAML or OPML);
- `net`: the HTTP client (politeness, safety checks);
- `state`: what is remembered between runs, in the cache folder;
- `run`: the fetch itself, entries to Markdown files.
"""

from .feedlist import Feed, FeedList, load_feed_list
from .net import Policy
from .run import FetchOptions, FetchReport, Problem, fetch

__all__ = ["Feed", "FeedList", "FetchOptions", "FetchReport", "Policy", "Problem", "fetch", "load_feed_list"]
