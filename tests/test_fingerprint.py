"""Article fingerprints (what analysis keys are made of) change with every field, and a renamed
article is the article `dataclasses.replace` gives, with a fingerprint of its own."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle

from briefgen.cache import AnalysisCache
from briefgen.models import Article, RemovedLine, Topic, fingerprint, renamed

ARTICLE = Article(
    id="ferry",
    path="harbour/ferry.txt",
    text="The ferry sailed at dawn.\n\nCrews cheered on the north pier.",
    title="Ferry sails",
    published=dt.date(2026, 3, 1),
    removed=(RemovedLine("Subscribe now", "teaser"),),
)


def test_every_field_changes_the_fingerprint() -> None:
    seen = {fingerprint(ARTICLE)}
    for name, value in [
        ("id", "ferry-2"),
        ("path", "other/ferry.txt"),
        ("text", ARTICLE.text + " Again."),
        ("title", "Ferry sails again"),
        ("published", dt.date(2026, 3, 2)),
        ("removed", ()),
        ("read_words", 9),
    ]:
        seen.add(fingerprint(dataclasses.replace(ARTICLE, **{name: value})))
    assert len(seen) == 8


def test_a_renamed_article_is_the_replaced_one_with_its_own_fingerprint() -> None:
    object.__setattr__(ARTICLE, "_scratch", 1)  # no attribute but the fields is carried over
    new = renamed(ARTICLE, id="ferry-2", path="in/ferry.txt")
    assert new == dataclasses.replace(ARTICLE, id="ferry-2", path="in/ferry.txt")
    assert not hasattr(new, "_scratch")
    assert fingerprint(new) not in {fingerprint(ARTICLE), fingerprint(renamed(ARTICLE, id="ferry-3"))}
    assert fingerprint(new) == fingerprint(renamed(ARTICLE, id="ferry-2", path="in/ferry.txt"))
    again = pickle.loads(pickle.dumps(new))  # kept through the reading memo
    assert again == new and fingerprint(again) == fingerprint(new)


def test_analysis_keys_follow_the_articles() -> None:
    cache = AnalysisCache(None)
    topic = Topic("ferry", "Ferry", (ARTICLE,))
    same = Topic("ferry", "Ferry", (pickle.loads(pickle.dumps(ARTICLE)),))
    changed = Topic("ferry", "Ferry", (dataclasses.replace(ARTICLE, title="Ferry late"),))
    assert cache.key(topic) == cache.key(same) != cache.key(changed)
    assert cache.key(topic) != cache.key(Topic("ferry", "Ferries", (ARTICLE,)))


def test_the_content_key_is_kept_on_the_article_and_follows_its_text() -> None:
    """The topics' layout-free hash of the text (`content_key`) is kept on the article like its
    fingerprint: through renaming and the reading memo's pickle; another text gets its own."""
    from briefgen.topics.slugs import _layout_free_hash, content_key

    article = dataclasses.replace(ARTICLE, id="ferry-k")
    key = content_key(article)
    assert key == _layout_free_hash.__wrapped__(article.text)
    again = pickle.loads(pickle.dumps(renamed(article, id="ferry-k2", path="in/ferry.txt")))
    assert "_content_key" in again.__dict__ and content_key(again) == key
    relaid = dataclasses.replace(again, text=article.text.replace("\n\n", "\n  \n"))
    assert "_content_key" not in relaid.__dict__ and content_key(relaid) == key  # layout does not count
    other = dataclasses.replace(again, text=article.text + " Late.")
    assert content_key(other) != key
