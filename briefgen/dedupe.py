"""Syndication: find articles that carry the same report (copies or close rewrites).

Two steps, so that it scales to thousands of articles without comparing every pair:

1. Candidates: each article's set of shingles (pairs of consecutive content-word stems) is
   summarised by a MinHash signature, cut into bands (locality-sensitive hashing). Only articles
   that share a whole band, i.e. a good part of their wording, are compared at all. Signatures and
   bands are datasketch's (`MinHash(num_perm=128, seed=1, hashfunc=crc32)`, scheme "affine32", and
   `MinHashLSH(threshold=0.1)`), computed here with numpy for all articles at once: importing
   datasketch costs about a second (scipy.stats), more than the whole `summarize` command.
2. Confirmation: a candidate pair carries the same report when most sentences of the shorter
   article have a close counterpart (TF-IDF cosine of stems) in the other. A rewrite keeps every
   fact of the report sentence by sentence; an article that merely covers the same story, or quotes
   a few of the report's sentences among its own, does not.

Confirmed pairs are joined into groups (union-find). Everywhere a brief counts sources it counts these
groups, not articles. Matching ignores quote and dash styles (`clean.match_form`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import pickle
import re
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from .models import Article, Sentence, fingerprint, text_key
from .reading.chars import match_form
from .rows import Rows, count_codes, count_rows, cross_similarities, select_rows, tfidf_rows
from .text import TopicTokens, content_stems

NUM_PERM = 128
# LSH threshold on the Jaccard similarity of shingle sets: unrelated articles share almost no
# shingles (~0), same-story ones 0.05-0.15, close rewrites 0.2 and more, copies far more. The
# low bar (64 bands of 2 rows) keeps every rewrite; the confirmation step sorts the candidates.
CANDIDATE_JACCARD = 0.1
SENTENCE_MATCH = 0.4  # cosine above which two sentences say the same thing in other words
ALIGNED_SHARE = 0.7  # share of the shorter article's sentences that must have such a counterpart
MIN_SENTENCES = 2  # a one-sentence text is too little evidence to call an article a copy
DATELINE_AGENCY = re.compile(r"\((?P<agency>[A-Za-z][A-Za-z .&-]{1,24})\)\s*[—–-]")


def _article_vectors(articles: Sequence[Article]) -> Any:
    """Row-normalised TF-IDF vectors of whole articles (content stems), a scipy.sparse CSR matrix.
    Used by `topics`."""
    return _tfidf([content_stems(a.text) for a in articles]).to_scipy()


def _tfidf(docs: Sequence[Sequence[str]]) -> Rows:
    """Unit-length TF-IDF rows of the documents (1 + log of term counts)."""
    return tfidf_rows(count_rows(docs, {}), sublinear=True)


def shingles(text: str) -> set[str]:
    """Pairs of consecutive content-word stems, in matching form (quote and dash styles ignored)."""
    return stem_pairs(content_stems(match_form(text)))


def stem_pairs(stems: Sequence[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)}


# LSH bands x rows per band: what datasketch's MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=128)
# chooses (it minimises false positives + false negatives by numerical integration; checked by a test).
BANDS, ROWS = 64, 2
ALL_PAIRS_MAX = 64
"""Up to this many signatures, candidate pairs are found by comparing every pair's bands."""
SEED = 1
BATCH_SHINGLES = 1 << 14
# MurmurHash3's 32-bit finalizer, the bijection datasketch applies to input hashes before permuting.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


# `_drawn_permutations()` as little-endian uint32s (a, then b), written out: importing numpy.random
# to draw them again costs 10-20 ms of a summarize run. A test checks they are the drawn ones.
_PERMUTATIONS_HEX = (
    "4be883d5d7018ffe195fce70912878ddfffd0e00138799419755cb9a0b3d82ff9f96234b81a7e0782101472f03a10ccb"
    "997f5d5f8f3c9cc6db55edb0f9f3e8560d1b25cb33fafede65c9df1329aa4fb1fda9a0d6cb6265a02517d55ea993910c"
    "17f7ad68f9410ce3d59b98c139258b753bbf050e1db39e116584475789d4f2d3aff9a8d5afbf16ead3970c1ee38584dc"
    "efcbe047bd5bd5e0c18e6d65ad08898e1b31fb99d3af936e13fbbfef0f08039b7f2279a07b96832f2d1c7862734a4b09"
    "0314b6c001efe3ba79e209caa3f185a811ea8a2bb1c5c1a81bfdfe13e734cd8b5f03f456d51f551ef3e49bc191734f57"
    "3d845a328f48a62f076b9bd78d0be3572b7f70ea63dcd5d2730afb100764256589b73d6231564a94e3438ba157f8c348"
    "990c7d5f35980e91690e54aba14a38d3db145d09e7e67e1153ea1280a5db803f1f004cfa81d83e5289910f7f3360d498"
    "df5a968fc5bd6be4af6b1c940f4fba71350ada3433fd8f25d14c52e52d0840f0136e33d1877d3d31cf975496fd8886ce"
    "2f4a5793fbda2d3dc91a93423781b20c4b77ea0973a2d02aa754905b4dd96ed511855a6c414a26d245bbf587155e0d99"
    "2f7aaffb1f0d352bdf55521baf38bf2133bef2258f1f563ae701204bb90abfe99574b92d7d099f855dba466641a74776"
    "b12d65342f2920116f25ffd3834a5ee6e36a88639b4e72fc074e0fd40197c914f8bfc90cfdd4f6c3cd81308906c79b0b"
    "3472eea9d5d1d423c6c5cf8302f6daca4cf6d0f1db0fa10795782896cb8214e2075945e74d18718ac88a31234bd4ae72"
    "4c9da7232b0463e41432b1ce1e5ea9602426ce656733d68907a7542a2d0ffda6c43371ed399a7b5cf02e0759fc9d2d92"
    "d23835c0604049a30d01dbb90a2c5620175920e27c3fb1b051fba89f87e7d2a579c33dc098c09b5aca665159dc3d63c3"
    "94fe1945a0a9455b8ccc58e5c1bcb6c05e62976d3c9e9fe1e9c1fff698c0fc02524dd7a97313847f6173279f8208e412"
    "ecfd5f1ddca675c967ba11f362b766100a712d73b69ef55a60571194e9391cf152a77b68d6c93a61c6ccad3cc2ba4ec3"
    "47e143e7e73f87c5b0a8dc9236f6254d0f1cbc00853bd2c59135fd9daa68262714009f53765a2194b047ed8616594e02"
    "e519cde28dcf83b5f107765b72ea7b7861c295e8b556bcc35487949f0a0ca77760dc0c04b740dd443d99efed38cee9d4"
    "d99edeb095a1238de78c50ff60dcf011f9811e2cd31ff47819541b23f1d525be8e93beee8d082431d4ac62b2741edd76"
    "2b63e510860ef93acd0666c1b8821c82bb07fec08fbb643518564becfb339f0c897c26b6c221d484c738d01f356f1a2c"
    "45dd1605a4c9746565c3b506f84a7c1b15183f0728ed82824db0073fdb88251ab1ca2adc7169e9492fd5f089cd85543b"
    "a8bd858dce15b9f72d568fd757e73f47"
)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The seeded affine permutations h -> a*h + b mod 2^32 (a odd), as datasketch draws them."""
    both = np.frombuffer(bytes.fromhex(_PERMUTATIONS_HEX), dtype="<u4").astype(np.uint32)
    return both[:NUM_PERM], both[NUM_PERM:]


def _drawn_permutations() -> tuple[np.ndarray, np.ndarray]:
    """The seeded affine permutations h -> a*h + b mod 2^32 (a odd), drawn as datasketch draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


def minhash_signatures(shingle_sets: Sequence[set[str]]) -> np.ndarray:
    """One row of NUM_PERM 32-bit minimum hashes per non-empty shingle set (crc32 of each shingle)."""
    sets = [items for items in shingle_sets if items]
    sizes = [len(items) for items in sets]
    crc = map(zlib.crc32, map(str.encode, itertools.chain.from_iterable(sets)))  # UTF-8 bytes
    return _signatures(np.fromiter(crc, dtype=np.uint32, count=sum(sizes)), sizes)


def _signatures(crc: np.ndarray, sizes: Sequence[int]) -> np.ndarray:
    """MinHash signatures of sets given as the crc32 of their shingles, set after set (`sizes`, > 0)."""
    out = np.empty((len(sizes), NUM_PERM), dtype=np.uint32)
    a, b = _permutations()
    hashes = _fmix32(crc)
    # Whole sets in batches of about BATCH_SHINGLES, so the (shingles x permutations) block stays small.
    first, lo = 0, 0
    while first < len(sizes):
        last, hi = first, lo
        while last < len(sizes) and (last == first or hi + sizes[last] - lo <= BATCH_SHINGLES):
            hi += sizes[last]
            last += 1
        starts = np.cumsum([0] + sizes[first : last - 1])
        # Permutations x shingles (uint32 arithmetic: wraps modulo 2^32, as intended). This layout
        # lets reduceat run along contiguous rows: ~10x faster than shingles x permutations.
        permuted = a[:, None] * hashes[None, lo:hi] + b[:, None]
        out[first:last] = np.minimum.reduceat(permuted, starts, axis=1).T
        first, lo = last, hi
    return out


@lru_cache(maxsize=256)
def _crc_shift_table(length: int) -> np.ndarray:
    """(4, 256) table of the linear map c -> crc32(b"\\0" * length, c) ^ crc32(b"\\0" * length), per
    byte of c. It gives crc32(x + y) = shift_len(y)(crc32(x)) ^ crc32(y), zlib's crc32_combine."""
    zeros = bytes(length)
    base = zlib.crc32(zeros)
    columns = np.array([zlib.crc32(zeros, 1 << bit) ^ base for bit in range(32)], dtype=np.uint32)
    bits = (np.arange(256, dtype=np.uint32)[:, None] >> np.arange(8, dtype=np.uint32)) & np.uint32(1)
    return np.stack(
        [np.bitwise_xor.reduce(bits * columns[8 * k : 8 * k + 8], axis=1) for k in range(4)]
    ).astype(np.uint32)


def _crc_shift(crc: np.ndarray, length: np.ndarray) -> np.ndarray:
    """crc32(b"\\0" * length[k], crc[k]) ^ crc32(b"\\0" * length[k]) for every k."""
    if not len(crc):
        return np.zeros(0, dtype=np.uint32)
    lengths, which = np.unique(length, return_inverse=True)
    tables = np.stack([_crc_shift_table(int(n)) for n in lengths]).reshape(len(lengths), 1024)
    which = which.ravel()
    out = np.zeros(len(crc), dtype=np.uint32)
    for k in range(4):
        out ^= tables[which, 256 * k + ((crc >> np.uint32(8 * k)) & np.uint32(255)).astype(np.int64)]
    return out


def _pair_crc(stems: Sequence[str], first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """crc32 of the UTF-8 shingle strings f"{stems[a]} {stems[b]}" for the stem-id pairs (a, b),
    without building them: crc32(a + " " + b) = shift_{1+len(b)}(crc32(a)) ^ crc32(" " + b)."""
    encoded = [s.encode() for s in stems]
    space = zlib.crc32(b" ")
    crc = np.fromiter(map(zlib.crc32, encoded), dtype=np.uint32, count=len(encoded))
    spaced = np.fromiter((zlib.crc32(e, space) for e in encoded), dtype=np.uint32, count=len(encoded))
    size = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    return _crc_shift(crc[first], 1 + size[second]) ^ spaced[second]


def token_shingles(
    tokens: TopicTokens, article_of_row: np.ndarray, n_articles: int
) -> tuple[np.ndarray, list[int]]:
    """Each article's shingle set (`stem_pairs` of its sentences' content stems, run together) as the
    crc32 of the shingle strings, article after article, and the set sizes (0 for none)."""
    content = np.flatnonzero(tokens.content)
    article = article_of_row[tokens.row[content]]
    stem = tokens.stem[content]
    same = article[1:] == article[:-1]
    owner = article[1:][same]
    n_stems = max(len(tokens.stems), 1)
    distinct, pair = np.unique(stem[:-1][same] * n_stems + stem[1:][same], return_inverse=True)
    # One key per (article, shingle). A sort, not np.unique: without return_* options np.unique asks
    # numpy.ma whether the input is masked, and importing numpy.ma costs ~15 ms.
    keys = np.sort(owner * max(len(distinct), 1) + pair.ravel())
    keys = keys[np.concatenate([keys[:1] == keys[:1], keys[1:] != keys[:-1]])]
    owner, pair = np.divmod(keys, max(len(distinct), 1))
    crc = _pair_crc(tokens.stems, distinct // n_stems, distinct % n_stems)
    return crc[pair], np.bincount(owner, minlength=n_articles).tolist()


def candidate_pairs(shingle_sets: Sequence[set[str]]) -> list[tuple[int, int]]:
    """Pairs (i < j) whose shingle sets may be similar: their MinHash signatures agree on at least
    one whole band (locality-sensitive hashing; no all-pairs loop)."""
    index = np.array([i for i, items in enumerate(shingle_sets) if items], dtype=np.int64)
    if len(index) < 2:
        return []
    return _band_pairs(minhash_signatures(shingle_sets), index)


def _band_pairs(signatures: np.ndarray, index: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of `index` entries (set numbers; one per signature row) that agree on a whole band."""
    pairs: set[tuple[int, int]] = set()
    # Two 32-bit values per band: one 64-bit key each, so a band is grouped by a plain sort.
    packed = np.ascontiguousarray(signatures).view(np.uint64) if ROWS == 2 else None
    if packed is not None and len(packed) <= ALL_PAIRS_MAX:
        # Few sets (a topic's articles): every pair's bands compared at once, the same pairs as
        # grouping each band by a sort (64 sorts cost ~1 ms, most of a two-article topic's syndication).
        same_band = (packed[:, None, :] == packed[None, :, :]).any(axis=2)
        first, second = np.nonzero(np.triu(same_band, 1))
        return sorted(zip(index[first].tolist(), index[second].tolist(), strict=True))
    for band in range(BANDS):
        if packed is not None:
            _, bucket = np.unique(packed[:, band], return_inverse=True)
        else:
            _, bucket = np.unique(signatures[:, band * ROWS : (band + 1) * ROWS], axis=0, return_inverse=True)
        bucket = bucket.ravel()
        order = np.argsort(bucket, kind="stable")
        sizes = np.bincount(bucket)
        ends = np.cumsum(sizes)
        for k in np.flatnonzero(sizes > 1):
            members = sorted(index[order[ends[k] - sizes[k] : ends[k]]].tolist())
            pairs.update(itertools.combinations(members, 2))
    return sorted(pairs)


def aligned_share(a: Rows, b: Rows) -> float:
    """Share of the shorter article's sentences (rows) with a close sentence in the other."""
    if a.shape[0] == 0 or b.shape[0] == 0:
        return 0.0
    short, long = (a, b) if a.shape[0] <= b.shape[0] else (b, a)
    if short.shape[0] < MIN_SENTENCES:
        return 0.0
    sims = cross_similarities(short, long)
    return float(np.mean(sims.max(axis=1) >= SENTENCE_MATCH))


def syndication_groups(
    articles: Sequence[Article],
    sentences: dict[str, Sequence[Sentence]],
    tokens: TopicTokens | None = None,
) -> dict[str, str]:
    """article id -> group id (the group's first article id, in input order).

    `tokens`: `TopicTokens.build` of the texts of all sentences, article after article (the order of
    `articles`), when the caller has it already (the consensus summarizer reads the same tokens)."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Each sentence's content stems (the words() they come from ignore quote and dash styles, like
    # match_form); an article's shingles run across its sentences, so a dateline left out of the
    # first sentence does not count as shared wording.
    counts = np.array([len(sentences.get(a.id, ())) for a in articles], dtype=np.int64)
    if tokens is None:
        tokens = TopicTokens.build([s.text for a in articles for s in sentences.get(a.id, ())])
    elif tokens.n_rows != int(counts.sum()):
        raise ValueError(f"tokens of {tokens.n_rows} texts for {int(counts.sum())} sentences")
    article_of_row = np.repeat(np.arange(len(articles), dtype=np.int64), counts)
    crc, sizes = token_shingles(tokens, article_of_row, len(articles))
    index = np.flatnonzero(sizes)
    pairs = _band_pairs(_signatures(crc, [sizes[i] for i in index]), index) if len(index) > 1 else []
    if pairs:
        involved = sorted({i for pair in pairs for i in pair})
        ends = np.cumsum(counts[involved])
        spans = {i: (int(end - counts[i]), int(end)) for i, end in zip(involved, ends, strict=True)}
        # TF-IDF rows of the involved articles' sentences (content stems), columns numbered in order
        # of first appearance, as `_tfidf` of their stem lists numbers them.
        is_involved = np.zeros(len(articles), dtype=bool)
        is_involved[involved] = True
        subset = tokens.select(is_involved[article_of_row])  # rows keep their (article) order
        content = np.flatnonzero(subset.content)
        vectors = tfidf_rows(
            count_codes(subset.row[content], subset.stem[content], subset.n_rows)[0], sublinear=True
        )
        rows = {i: select_rows(vectors, range(start, end)) for i, (start, end) in spans.items()}
        order = {a.id: n for n, a in enumerate(articles)}
        for i, j in pairs:
            if aligned_share(rows[i], rows[j]) >= ALIGNED_SHARE:
                ra, rb = find(articles[i].id), find(articles[j].id)
                if ra != rb:
                    first, second = sorted((ra, rb), key=order.__getitem__)
                    parent[second] = first
    return {a.id: find(a.id) for a in articles}


def dateline_agency(article: Article) -> str:
    """The agency a dateline credits ("TOKYO (AP) —" -> "AP"), when the article opens with one."""
    removed_datelines = [r.text for r in article.removed if r.reason == "truncated dateline"]
    for line in [article.text.split("\n", 1)[0], *removed_datelines]:
        match = DATELINE_AGENCY.search(line[:80])
        if match:
            return match.group("agency").strip()
    return ""


def infer_from_copies(articles: Sequence[Article], groups: dict[str, str]) -> list[Article]:
    """Fill a missing outlet from the wire agency of a syndicated copy, marked as guessed.

    Only an agency named in a copy's dateline is passed on: it names the report's origin, which
    every copy shares. A publisher's name (from a footer, page or feed) is not: copies have their
    own publishers. Nothing else (title, date) is inferred; a copy's date is its own.
    """
    members: dict[str, list[Article]] = {}
    for a in articles:
        members.setdefault(groups.get(a.id, a.id), []).append(a)
    out = []
    for a in articles:
        group = members.get(groups.get(a.id, a.id), [])
        if not a.outlet and len(group) > 1:
            agencies = {(dateline_agency(o), o.id) for o in group if o.id != a.id and dateline_agency(o)}
            names = {name for name, _ in agencies}
            if len(names) == 1:
                [name] = names
                via = ", ".join(sorted(i for _, i in agencies))
                note = (("outlet", f"inferred: carries the same {name} report as {via}"),)
                a = dataclasses.replace(a, outlet=name, guessed=a.guessed + note)
        out.append(a)
    return out


def text_signatures(
    texts: Sequence[str], memo: dict[str, bytes], keys: Sequence[str] | None = None
) -> list[np.ndarray | None]:
    """The MinHash signature of each text's shingles (None: it has none), from `memo` (a hash of the
    text -> the signature's bytes, b"" for none) when an earlier build computed it; new ones are added.
    `keys`: the texts' hashes when the caller has them (`models.text_key`)."""
    if keys is None:
        keys = [hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest() for text in texts]
    todo = [i for i, key in enumerate(keys) if key not in memo]
    sets = [shingles(texts[i]) for i in todo]
    rows = iter(minhash_signatures(sets))
    for i, items in zip(todo, sets, strict=True):
        memo[keys[i]] = next(rows).tobytes() if items else b""
    return [np.frombuffer(memo[key], dtype=np.uint32) if memo[key] else None for key in keys]


def infer_metadata(articles: Sequence[Article], signatures: dict[str, bytes] | None = None) -> list[Article]:
    """Fill what syndicated copies can tell about each other (an outlet from a copy's dateline).

    Only pairs that could teach something are examined: an article without an outlet and an LSH
    candidate whose dateline names an agency. Sentences are split for those articles only.
    `signatures`: a memo of the articles' MinHash signatures (`text_signatures`), kept between builds.
    """
    from .reading.split import split_article

    if all(a.outlet for a in articles):
        return list(articles)
    agency = [dateline_agency(a) for a in articles]
    if not any(agency):
        return list(articles)
    if signatures is None:
        pairs = candidate_pairs([shingles(a.text) for a in articles])
    else:  # the same pairs: a set's signature does not depend on the other sets
        keys = [text_key(a) for a in articles]
        found = text_signatures([a.text for a in articles], signatures, keys)
        index = np.array([i for i, row in enumerate(found) if row is not None], dtype=np.int64)
        rows = [row for row in found if row is not None]
        pairs = known_pairs(np.stack(rows), index, keys, signatures) if len(rows) > 1 else []
    useful = {
        k
        for i, j in pairs
        if (not articles[i].outlet and agency[j]) or (not articles[j].outlet and agency[i])
        for k in (i, j)
    }
    if not useful:
        return list(articles)
    subset = [articles[k] for k in sorted(useful)]
    groups = None
    if signatures is not None:  # the groups of the same articles, from the memo (one entry: the last)
        memo_key = GROUPS_MEMO + hashlib.sha1("\0".join(map(fingerprint, subset)).encode()).hexdigest()
        if memo_key in signatures:
            groups = pickle.loads(signatures[memo_key])
    if groups is None:
        groups = syndication_groups(subset, {a.id: split_article(a) for a in subset})
        if signatures is not None:
            for old in [k for k in signatures if k.startswith(GROUPS_MEMO)]:
                del signatures[old]
            signatures[memo_key] = pickle.dumps(groups, protocol=pickle.HIGHEST_PROTOCOL)
    return infer_from_copies(articles, groups)


def known_pairs(
    signatures: np.ndarray, index: np.ndarray, keys: Sequence[str], memo: dict[str, bytes]
) -> list[tuple[int, int]]:
    """`_band_pairs(signatures, index)`, from the pairs the previous build found (kept in `memo` by the
    texts' hashes, `keys`: one per set number) and the bands of the texts it did not have compared
    with every row: whether two sets agree on a band depends on those two only. A rebuild after one
    new article compares one row with the others instead of grouping every band of every row."""
    numbers = index.tolist()
    covered_now = [keys[i] for i in numbers]
    try:
        covered, known = pickle.loads(memo[PAIRS_MEMO])
        previous: tuple[frozenset[str], list[tuple[str, str]]] | None = (frozenset(covered), list(known))
    except Exception:  # none yet, or damaged: every band grouped
        previous = None
    new = [n for n, key in enumerate(covered_now) if previous is None or key not in previous[0]]
    if previous is None or ROWS != 2 or len(new) * 4 > len(covered_now):
        pairs = _band_pairs(signatures, index)
    else:
        by_key: dict[str, list[int]] = {}
        for i, key in zip(numbers, covered_now, strict=True):
            by_key.setdefault(key, []).append(i)
        found: set[tuple[int, int]] = set()
        for a, b in previous[1]:
            for i in by_key.get(a, ()):
                found.update((min(i, j), max(i, j)) for j in by_key.get(b, ()))
        for members in by_key.values():  # one text in several sets: the same signature, every band
            found.update(itertools.combinations(members, 2))
        packed = np.ascontiguousarray(signatures).view(np.uint64)
        for n in new:
            same = (packed == packed[n]).any(axis=1)
            same[n] = False
            i = numbers[n]
            found.update((min(i, numbers[m]), max(i, numbers[m])) for m in np.flatnonzero(same).tolist())
        pairs = sorted(found)
    kept = {
        (keys[i], keys[j]) if keys[i] < keys[j] else (keys[j], keys[i])
        for i, j in pairs
        if keys[i] != keys[j]
    }
    memo[PAIRS_MEMO] = pickle.dumps((frozenset(covered_now), sorted(kept)), protocol=pickle.HIGHEST_PROTOCOL)
    return pairs


PAIRS_MEMO = "pairs:"
"""Key, in the signatures memo, of the candidate pairs the last build found (`known_pairs`)."""

GROUPS_MEMO = "groups:"
"""Key prefix, in the signatures memo, of the syndication groups `infer_metadata` found last (by a hash
of the articles it grouped): a rebuild with the same articles splits none of them again."""


def group_agency(articles: Sequence[Article]) -> str:
    """The one wire agency the datelines of a group's articles credit, or ''."""
    names = {dateline_agency(a) for a in articles} - {""}
    return names.pop() if len(names) == 1 else ""
