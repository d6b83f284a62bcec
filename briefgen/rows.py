"""Sparse rows (compressed sparse row matrices) in plain numpy, for the summarizer and syndication.

`briefgen summarize` needs a few sparse operations only: TF-IDF rows, a matrix times a vector, one
row's similarity to every row. scipy.sparse does them too, but importing it costs about a quarter of
a second, a third of the whole command. The arithmetic here is the one scipy.sparse performs (same
operations in the same order), so results are equal to the bit; `to_scipy()` hands the same matrix
to code that needs scipy (topics, sections).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np


@dataclass(frozen=True, eq=False)
class Rows:
    """A CSR matrix: row r holds columns indices[indptr[r]:indptr[r+1]] (ascending) with `data`."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    shape: tuple[int, int]

    @cached_property
    def row(self) -> np.ndarray:
        """The row of every stored value."""
        return np.repeat(np.arange(self.shape[0]), np.diff(self.indptr))

    def matvec(self, x: np.ndarray) -> np.ndarray:
        """self @ x, each row summed in column order (as scipy's csr_matvec does)."""
        return np.bincount(self.row, weights=self.data * x[self.indices], minlength=self.shape[0])

    def dense_row(self, i: int) -> np.ndarray:
        out = np.zeros(self.shape[1])
        start, end = self.indptr[i], self.indptr[i + 1]
        out[self.indices[start:end]] = self.data[start:end]
        return out

    def similarities(self, i: int) -> np.ndarray:
        """Dot products of row i with every row (cosines when rows are unit vectors)."""
        return self.matvec(self.dense_row(i))

    def scale_rows(self, factors: np.ndarray) -> Rows:
        """diag(factors) @ self."""
        return Rows(self.indptr, self.indices, factors[self.row] * self.data, self.shape)

    def to_scipy(self) -> Any:
        from scipy import sparse

        return sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)


def count_rows(rows: Iterable[Iterable[str]], vocab: dict[str, int], binary: bool = False) -> Rows:
    """Rows x vocabulary counts (or 0/1 incidence); `vocab` grows with unseen tokens, numbered in
    order of first appearance."""
    rows = [row if isinstance(row, (list, tuple)) else list(row) for row in rows]
    lengths = [len(row) for row in rows]
    tokens = list(itertools.chain.from_iterable(rows))
    for token in dict.fromkeys(tokens):  # unseen tokens get the next ids, in order of appearance
        if token not in vocab:
            vocab[token] = len(vocab)
    ids = np.fromiter(map(vocab.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    n, width = len(lengths), max(len(vocab), 1)
    cells = np.repeat(np.arange(n, dtype=np.int64), lengths) * width + ids
    cells, counts = np.unique(cells, return_counts=True)  # sorted by row, then column
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(cells // width, minlength=n), out=indptr[1:])
    data = np.ones(len(cells)) if binary else counts.astype(np.float64)
    return Rows(indptr, cells % width, data, (n, width))


def count_codes(row: np.ndarray, codes: np.ndarray, n: int, binary: bool = False) -> tuple[Rows, np.ndarray]:
    """`count_rows` for integer tokens: `codes[k]` is a token of row `row[k]` (rows ascending, tokens
    in row order). Columns are numbered in order of first appearance, as `count_rows` numbers a new
    vocabulary, so the two give the same matrix. Returns it and the code of each column."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    inverse = inverse.ravel()
    # Each code's first position (np.unique's return_index costs a stable sort: 3x slower).
    first = np.full(len(distinct), len(codes), dtype=np.int64)
    np.minimum.at(first, inverse, np.arange(len(codes), dtype=np.int64))
    order = np.argsort(first)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    width = max(len(distinct), 1)
    cells, counts = np.unique(row * width + rank[inverse], return_counts=True)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(cells // width, minlength=n), out=indptr[1:])
    data = np.ones(len(cells)) if binary else counts.astype(np.float64)
    return Rows(indptr, cells % width, data, (n, width)), distinct[order]


def unit_rows(weighted: Rows) -> Rows:
    """Rows scaled to unit length (all-zero rows stay zero), as scipy computes the norms."""
    n = weighted.shape[0]
    squares = np.zeros(n)
    nonempty = np.flatnonzero(np.diff(weighted.indptr))
    if len(nonempty):
        squares[nonempty] = np.add.reduceat(weighted.data * weighted.data, weighted.indptr[nonempty])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    return weighted.scale_rows(1.0 / norms)


def tfidf_rows(counts: Rows, sublinear: bool = False) -> Rows:
    """Unit-length TF-IDF rows: term weight (count, or 1 + log count) x (log((1 + n) / (1 + df)) + 1)."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + n) / (1 + df)) + 1.0
    if sublinear:  # 1 + log(count), computed once per distinct count
        distinct, where = np.unique(counts.data, return_inverse=True)
        tf = np.array([1.0 + np.log(int(c)) for c in distinct])[where.ravel()]
    else:
        tf = counts.data
    return unit_rows(Rows(counts.indptr, counts.indices, tf * idf[counts.indices], counts.shape))


def cross_similarities(a: Rows, b: Rows) -> np.ndarray:
    """Dense a @ b.T, each entry summed in column order (as scipy's sparse product does)."""
    out = np.zeros((a.shape[0], b.shape[0]))
    for i in range(a.shape[0]):
        out[i] = b.matvec(a.dense_row(i))
    return out


def select_columns(rows: Rows, keep: np.ndarray) -> Rows:
    """The columns where `keep` (a boolean mask over columns) holds, renumbered in their order."""
    stored = keep[rows.indices]
    column = np.cumsum(keep) - 1
    indptr = np.zeros(rows.shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows.row[stored], minlength=rows.shape[0]), out=indptr[1:])
    return Rows(indptr, column[rows.indices[stored]], rows.data[stored], (rows.shape[0], int(keep.sum())))


def select_rows(rows: Rows, chosen: Sequence[int]) -> Rows:
    """The chosen rows, in that order."""
    parts = [np.arange(rows.indptr[i], rows.indptr[i + 1]) for i in chosen]
    take = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum([len(p) for p in parts])]).astype(np.int64)
    return Rows(indptr, rows.indices[take], rows.data[take], (len(chosen), rows.shape[1]))
