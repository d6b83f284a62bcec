"""report.json's fast writer gives the characters `json.dumps(..., indent=2)` gives."""

from __future__ import annotations

import json
import random

from briefgen.accounting import report_json


def random_value(rng: random.Random, depth: int = 0) -> object:
    kinds = ["str", "int", "float", "bool", "none"] + (["list", "dict", "strings"] if depth < 4 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return "".join(rng.choice('ab "\\\n\té€😀\x01/<') for _ in range(rng.randrange(6)))
    if kind == "int":
        return rng.randrange(-1000, 1000)
    if kind == "float":
        return rng.choice([0.5, -2.25, 1e20, 3.0])
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    if kind == "strings":
        return [str(random_value(rng, 9)) for _ in range(rng.randrange(4))]
    if kind == "list":
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {str(random_value(rng, 9)): random_value(rng, depth + 1) for _ in range(rng.randrange(4))}


def test_the_same_text_as_the_standard_library() -> None:
    rng = random.Random(5)
    for _ in range(500):
        value = {
            "files": random_value(rng),
            "n": rng.randrange(9),
            "tuple": ("x", 1),
            "keys": {1: "a", None: [], 2.5: {}},
        }
        assert report_json(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_an_invented_report() -> None:
    report = {
        "inputs": 2,
        "files": [
            {"path": "harbour/ferry.txt", "status": "used", "topics": ["ferry-strike"], "notes": []},
            {"path": "x.bin", "status": "skipped", "reason": "binary file", "topics": [], "notes": ["cut"]},
        ],
        "ignored": [],
        "removed": [{"id": "ferry", "lines": [{"text": "Subscribe — “now”", "reason": "teaser"}]}],
    }
    assert report_json(report) == json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def test_printable_shortcut_changes_nothing() -> None:
    """`printable` returns plain ASCII text as it is: what the full replacement gives it."""
    from briefgen.accounting import CONTROL, printable

    rng = random.Random(5)
    letters = [chr(i) for i in range(0x180)] + ["\udcff", "\u2028", "\x85", "é", "/", " "]
    for _ in range(20_000):
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(10)))
        full = CONTROL.sub("?", text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        assert printable(text) == full, repr(text)
