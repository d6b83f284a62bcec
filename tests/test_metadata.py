from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import article, seed_articles

from briefgen.metadata import parse_date


def test_parse_date_formats() -> None:
    assert parse_date("March 30, 2025 (EIRNS)") == dt.date(2025, 3, 30)
    assert parse_date("19.04.2025") == dt.date(2025, 4, 19)
    assert parse_date("on 2025-03-30 at noon") == dt.date(2025, 3, 30)
    assert parse_date("30 March 2025") == dt.date(2025, 3, 30)
    assert parse_date("no date here") is None


def test_seed_metadata(seeds: list[Path]) -> None:
    by_id = {a.id[:3]: a for a in seed_articles(seeds)}
    assert by_id["000"].outlet == "EIRNS"
    assert by_id["000"].published == dt.date(2025, 3, 30)
    assert by_id["001"].title == "U.S. Upgrades Military Command in Japan Amid China Tensions"
    assert by_id["001"].outlet == "AP"
    assert by_id["001"].published == dt.date(2025, 4, 19)  # as printed, although it reports March events
    assert by_id["003"].title.startswith("US and Japan bolster joint defense command")
    assert by_id["003"].outlet == "IRIA"
    assert by_id["004"].title.startswith("Hegseth Announces U.S.-Japan Military Command Upgrade")
    assert by_id["004"].outlet == "Tampa Free Press"


def test_explicit_metadata_wins() -> None:
    a = article("TOKYO (AP) — The minister spoke on Sunday about the plan.", outlet="Kyodo", title="Mine")
    assert (a.outlet, a.title) == ("Kyodo", "Mine")
