# ruff: noqa: E501
"""Syndication: copies and close rewrites are grouped; articles on the same story are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import article, seed_articles

from briefgen import dedupe
from briefgen.dedupe import (
    BANDS,
    CANDIDATE_JACCARD,
    ROWS,
    candidate_pairs,
    infer_from_copies,
    minhash_signatures,
    shingles,
    syndication_groups,
)
from briefgen.models import Article
from briefgen.reading.split import split_article

REPORT = """\
OSLO (NTB) — Norway's parliament approved a plan on Tuesday to build three offshore wind farms in the North Sea, the energy minister said.
The farms will produce enough power for two million homes by 2032, according to the ministry.
Fishing groups said the turbines would close traditional fishing grounds off the west coast.
The minister, Terje Aasland, said the state would pay compensation to boat owners who lose income.
Construction is due to start next spring, after a final environmental review by the coastal authority.
The plan passed by 95 votes to 74, with the Progress Party and the Greens voting against it.
Critics said the cost of the grid connections had been underestimated by several billion crowns.
The first turbines are expected to deliver power to the mainland in 2030.
"""

REWRITE = """\
On Tuesday the Norwegian parliament backed a plan for three offshore wind farms in the North Sea, according to the energy minister.
By 2032 the farms are to generate enough electricity for two million homes, the ministry said.
The turbines will shut off traditional fishing grounds off the western coast, fishing organisations warned.
Energy Minister Terje Aasland said boat owners who lose income will receive compensation from the state.
Building work should begin next spring once the coastal authority completes a final environmental review.
Lawmakers passed the plan 95 to 74; the Progress Party and the Greens opposed it.
According to critics, the cost of connecting the farms to the grid was underestimated by billions of crowns.
Power from the first turbines should reach the mainland in 2030.
"""

TRUNCATED_COPY = "\n".join(REPORT.splitlines()[:4]).replace("approved", "passed")

SAME_STORY = """\
Fishermen in Bergen protested on Wednesday against the wind farms that parliament approved this week.
About two hundred boats sailed into the harbour, sounding their horns for an hour.
"We have fished these waters for generations and nobody asked us," said Kari Nilsen, a trawler captain.
The fishermen's association said compensation offered by the energy minister was far too low.
It plans to take the case to court if the government does not reopen talks before the summer.
Local politicians in Bergen said they supported the wind farms but wanted a better deal for the fleet.
The energy ministry did not respond to a request for comment on Wednesday.
"""

QUOTES_TWO = """\
The vote on the North Sea wind farms shows how far Norway's energy debate has shifted in a decade.
The plan passed by 95 votes to 74, with the Progress Party and the Greens voting against it.
Ten years ago, a proposal of this size would not have reached the floor of parliament.
Oil revenues still pay for most of the state budget, and the industry remains the largest employer on the west coast.
The farms will produce enough power for two million homes by 2032, according to the ministry.
Yet analysts say the country can no longer count on gas sales to Europe at today's prices.
Whether the farms are built on time will depend on steel prices and on the courts.
"""


def make(*texts: str) -> list[Article]:
    return [article(text, id=f"a{i}") for i, text in enumerate(texts)]


def groups_of(articles: list[Article]) -> dict[str, str]:
    return syndication_groups(articles, {a.id: split_article(a) for a in articles})


def test_close_rewrite_and_truncated_copy_are_grouped() -> None:
    arts = make(REPORT, REWRITE, TRUNCATED_COPY)
    assert set(groups_of(arts).values()) == {"a0"}


def test_same_story_and_quoting_articles_are_independent() -> None:
    arts = make(REPORT, SAME_STORY, QUOTES_TWO)
    assert groups_of(arts) == {"a0": "a0", "a1": "a1", "a2": "a2"}


def test_grouping_does_not_depend_on_quote_or_dash_style() -> None:
    straight = REPORT.replace("—", "-")
    curly = REPORT.replace('"', "“")
    assert set(groups_of(make(straight, curly)).values()) == {"a0"}


def test_candidates_come_from_lsh_not_all_pairs() -> None:
    # Unrelated articles are never compared; only similar vocabularies become candidates.
    texts = [
        REPORT,
        REWRITE,
        "Farmers expect a record wheat harvest. Rain in May helped the crops in the south.",
        "The mayor called an early election. Voters go to the polls in October.",
        "A museum of modern art opened in Lyon. Its first show features Swiss painters.",
        "A storm cut power to thousands of homes. Engineers worked through the night.",
        "The football club sold its stadium. Fans marched to protest against the sale.",
        "The orchestra cancelled its concert tour. Its conductor is ill with pneumonia.",
    ]

    pairs = candidate_pairs([shingles(t) for t in texts])
    assert (0, 1) in pairs
    assert len(pairs) < len(texts) * (len(texts) - 1) // 2 / 2


def test_one_sentence_is_not_enough_to_call_a_copy() -> None:
    one = "The plan passed by 95 votes to 74, with the Progress Party and the Greens voting against it."
    assert groups_of(make(REPORT, one)) == {"a0": "a0", "a1": "a1"}


def test_outlet_inferred_only_from_a_copys_dateline_agency() -> None:
    report, rewrite, other = make(REPORT, REWRITE, SAME_STORY)
    assert report.outlet == "NTB" and rewrite.outlet == "" and other.outlet == ""
    groups = {"a0": "a0", "a1": "a0", "a2": "a2"}
    _, rewrite2, other2 = infer_from_copies([report, rewrite, other], groups)
    assert rewrite2.outlet == "NTB"
    assert dict(rewrite2.guessed)["outlet"] == "inferred: carries the same NTB report as a0"
    assert other2.outlet == ""
    # A publisher found in a footer is not passed on to copies.
    footer = article(REWRITE + "\nCopyright © 2025 Bergen Daily\n", id="b0")
    plain = article(REPORT.replace("OSLO (NTB) — ", ""), id="b1")
    assert footer.outlet == "Bergen Daily"
    assert infer_from_copies([footer, plain], {"b0": "b0", "b1": "b0"})[1].outlet == ""


def test_inferred_metadata_is_the_same_with_the_signature_memo() -> None:
    articles = make(REPORT, REWRITE, SAME_STORY, TRUNCATED_COPY, "")
    plain = dedupe.infer_metadata(articles)
    assert plain[1].outlet == "NTB"
    memo: dict[str, bytes] = {}
    assert dedupe.infer_metadata(articles, memo) == plain
    found = {k: v for k, v in memo.items() if not k.startswith((dedupe.GROUPS_MEMO, dedupe.PAIRS_MEMO))}
    assert len(found) == 5 and found[min(found, key=lambda k: len(found[k]))] == b""  # no shingles
    assert len(memo) == 7  # and the groups and candidate pairs found, for the same articles
    assert dedupe.infer_metadata(articles, memo) == plain  # groups from the memo
    memo_before = dict(found)
    assert dedupe.infer_metadata(articles[::-1], memo)[::-1] == dedupe.infer_metadata(articles[::-1])[::-1]
    memos = (dedupe.GROUPS_MEMO, dedupe.PAIRS_MEMO)
    assert {k: v for k, v in memo.items() if not k.startswith(memos)} == memo_before
    assert len(memo) == 7  # the groups (and candidate pairs) of the last articles grouped only


def test_seed_syndication(seeds: list[Path]) -> None:
    arts = seed_articles(seeds)
    groups = groups_of(arts)
    by = {a.id[:3]: groups[a.id][:3] for a in arts}
    assert by == {"000": "000", "001": "001", "002": "001", "003": "003", "004": "004"}


def _datasketch_pairs(sets: list[set[str]]) -> tuple[dict[int, object], list[tuple[int, int]]]:
    """Signatures and candidate pairs as datasketch computes them (the reference implementation)."""
    import zlib

    datasketch = pytest.importorskip("datasketch")
    template = datasketch.MinHash(num_perm=128, seed=1)
    lsh = datasketch.MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=128)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    signatures = {}
    for i, items in enumerate(sets):
        if items:
            m = datasketch.MinHash(
                num_perm=128, hashfunc=zlib.crc32, permutations=template.permutations, scheme=template.scheme
            )
            m.update_batch([s.encode("utf-8") for s in sorted(items)])
            signatures[i] = m.hashvalues
            lsh.insert(i, m)
    pairs: set[tuple[int, int]] = set()
    for i in signatures:
        probe = datasketch.MinHash(num_perm=128, hashvalues=signatures[i], scheme=template.scheme)
        pairs |= {(min(i, j), max(i, j)) for j in lsh.query(probe) if j != i}
    return signatures, sorted(pairs)


def test_minhash_and_lsh_are_datasketchs(seeds: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # Our numpy MinHash/LSH gives datasketch's signatures and candidates bit for bit, also when the
    # shingles are hashed in several batches.
    texts = [REPORT, REWRITE, TRUNCATED_COPY, SAME_STORY, "", *(a.text for a in seed_articles(seeds))]
    sets = [shingles(t) for t in texts]
    reference, reference_pairs = _datasketch_pairs(sets)
    monkeypatch.setattr(dedupe, "BATCH_SHINGLES", 50)
    ours = minhash_signatures(sets)
    assert [i for i, s in enumerate(sets) if s] == list(reference)
    assert all((row == reference[i]).all() for row, i in zip(ours, reference, strict=True))
    assert candidate_pairs(sets) == reference_pairs
    assert (0, 1) in reference_pairs and (0, 2) in reference_pairs
    # Few sets are paired by comparing every pair's bands, many by grouping each band: same pairs.
    assert len(sets) <= dedupe.ALL_PAIRS_MAX
    monkeypatch.setattr(dedupe, "ALL_PAIRS_MAX", 0)
    assert candidate_pairs(sets) == reference_pairs


def test_band_pairs_of_few_and_many_signatures_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    rng = np.random.default_rng(3)
    # Values from a small range: many bands agree by chance, some pairs share several bands.
    signatures = rng.integers(0, 6, size=(40, 2 * dedupe.BANDS), dtype=np.uint32)
    index = np.array(sorted(rng.choice(100, size=40, replace=False)), dtype=np.int64)
    few = dedupe._band_pairs(signatures, index)
    monkeypatch.setattr(dedupe, "ALL_PAIRS_MAX", 0)
    assert few == dedupe._band_pairs(signatures, index) != []


def test_known_pairs_are_the_band_pairs_as_the_sets_change() -> None:
    """The pairs of a rebuild, patched from the previous build's (by text hash), are `_band_pairs`: texts
    added, removed, and one text in two sets; every sequence compared with grouping every band again."""
    import numpy as np

    from briefgen.dedupe import BANDS, ROWS, _band_pairs, known_pairs

    rng = np.random.default_rng(3)
    pool = rng.integers(0, 2**32, size=(300, BANDS * ROWS), dtype=np.uint32)
    for a, b in rng.integers(0, 300, size=(120, 2)):  # planted: two texts agree on one band or more
        for band in rng.choice(BANDS, size=rng.integers(1, 3), replace=False):
            pool[b, band * ROWS : (band + 1) * ROWS] = pool[a, band * ROWS : (band + 1) * ROWS]
    names = [f"text-{n}" for n in range(300)]
    memo: dict[str, bytes] = {}
    present = list(range(200))
    for step in range(12):
        if step % 3 == 1:
            present = present + [int(x) for x in rng.integers(200, 300, size=4)]  # new texts (repeats too)
        elif step % 3 == 2:
            present = [p for p in present if rng.random() > 0.03]  # some removed
        order = [int(p) for p in rng.permutation(present)]
        keys = [names[p] for p in order]
        rows = pool[order]
        index = np.arange(len(order), dtype=np.int64)
        assert known_pairs(rows, index, keys, memo) == _band_pairs(rows, index), step
