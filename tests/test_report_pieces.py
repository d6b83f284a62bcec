"""The build report assembled from pieces (`briefgen.report`) is the template's and json.dumps' text,
whether the pieces are rendered now or kept from a previous build, and the memo follows the input."""

from __future__ import annotations

import json
import random
from pathlib import Path

from briefgen.accounting import Account, ArticleAccount, FileAccount, report_data
from briefgen.models import Article, RemovedLine, Topic
from briefgen.render import environment
from briefgen.report import PIECES, ReportPieces, report_files

WORDS = ["ferry", "harbour", "*late*", "[draft]", "<b>", "café", "a_b", "`x`", "&", "“quoted”", "#3", "|"]


def invented_inputs(rng: random.Random) -> tuple[Account, list[Topic], list[Article]]:
    """A report of invented files: used, merged, skipped, with notes, removed lines, ignored paths."""

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    files, articles, topics = [], [], []
    for n in range(rng.randrange(8)):
        topic = Topic(f"topic-{n}", words(3), ())
        members = []
        for k in range(rng.randrange(1, 3)):
            removed = tuple(
                RemovedLine(words(4), rng.choice(["footer", "teaser <x>"])) for _ in range(rng.randrange(3))
            )
            article = Article(f"a{n}-{k}", f"in/t{n}/a{k}.txt", "Body text.", title=words(3), removed=removed)
            members.append(article)
            articles.append(article)
            status = rng.choice(["used", "used", "merged"])
            files.append(
                FileAccount(
                    article.path,
                    status,
                    topics=(topic.slug,),
                    copy_of="in/t0/a0.txt" if status == "merged" else "",
                    articles=(ArticleAccount(article.id, topic.slug, "a0-0" if status == "merged" else ""),),
                    notes=tuple(words(2) for _ in range(rng.randrange(2))),
                )
            )
        topics.append(Topic(topic.slug, topic.title, tuple(members)))
    for n in range(rng.randrange(3)):
        files.append(FileAccount(f"junk/{n}.bin", "skipped", reason=words(3)))
    counts: dict[str, int] = {}
    for f in files:
        counts[f.status] = counts.get(f.status, 0) + 1
    ignored = tuple(f".hidden-{n}" for n in range(rng.randrange(3)))
    return Account(tuple(files), ignored, counts), topics, articles


def expected(account: Account, topics: list[Topic], articles: list[Article], env: object) -> tuple[str, str]:
    report = report_data(account, topics, articles)
    markdown = env.get_template("report.md.j2").render(report=report)  # type: ignore[attr-defined]
    return markdown, json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def test_pieces_give_the_templates_text_rendered_or_kept(tmp_path: Path) -> None:
    env = environment()
    rng = random.Random(3)
    for n in range(150):
        account, topics, articles = invented_inputs(rng)
        want = expected(account, topics, articles, env)
        assert report_files(account, topics, articles, env) == want
        memo = ReportPieces(tmp_path, "salt")
        assert report_files(account, topics, articles, env, memo) == want
        memo.save()
        again = ReportPieces(tmp_path, "salt")
        assert report_files(account, topics, articles, env, again) == want
        assert again.made == 0, n  # every piece came from the memo


def test_a_changed_or_removed_file_is_rendered_from_what_it_is_now(tmp_path: Path) -> None:
    env = environment()
    old = Article("ferry", "in/ferry.txt", "Body.", removed=(RemovedLine("Share this", "footer"),))
    bus = Article("bus", "in/bus.txt", "Body.")

    def inputs(*articles: Article) -> tuple[Account, list[Topic], list[Article]]:
        files = tuple(
            FileAccount(a.path, "used", topics=("t",), articles=(ArticleAccount(a.id, "t"),))
            for a in articles
        )
        return (
            Account(files, (), {"used": len(files)}),
            [Topic("t", "Transport", tuple(articles))],
            list(articles),
        )

    memo = ReportPieces(tmp_path, "salt")
    report_files(*inputs(old, bus), env, memo)
    memo.save()
    # The same file, another removed line: its piece is rendered again, the other file's is kept.
    new = Article("ferry", "in/ferry.txt", "Body.", removed=(RemovedLine("Read more", "teaser"),))
    memo = ReportPieces(tmp_path, "salt")
    assert report_files(*inputs(new, bus), env, memo) == expected(*inputs(new, bus), env)
    assert memo.made == 1  # the article's removed lines; its file and topic show the same
    memo.save()
    # A file removed: its pieces are not kept for the next build.
    memo = ReportPieces(tmp_path, "salt")
    assert report_files(*inputs(bus), env, memo) == expected(*inputs(bus), env)
    memo.save()
    kept = ReportPieces(tmp_path, "salt").previous
    assert len(kept) == 2 and not any("ferry" in repr(key) for key in kept)  # the bus file's and topic's


def test_other_code_or_templates_or_a_damaged_memo_render_every_piece(tmp_path: Path) -> None:
    env = environment()
    account, topics, articles = invented_inputs(random.Random(8))
    memo = ReportPieces(tmp_path, "code 1")
    report_files(account, topics, articles, env, memo)
    memo.save()
    other = ReportPieces(tmp_path, "code 2")  # the salt: briefgen's code and the templates
    assert not other.previous
    (tmp_path / PIECES).write_bytes(b"not a pickle")
    damaged = ReportPieces(tmp_path, "code 1")
    assert report_files(account, topics, articles, env, damaged) == expected(account, topics, articles, env)
    assert not ReportPieces(tmp_path, "code 1", read=False).previous


def test_a_projects_own_report_template_is_rendered(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{{ report['inputs'] }} files\n", encoding="utf-8")
    env = environment(templates)
    account, topics, articles = invented_inputs(random.Random(4))
    markdown, data = report_files(account, topics, articles, env)
    assert markdown == f"{account.inputs} files\n"
    assert data == expected(account, topics, articles, env)[1]
