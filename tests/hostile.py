"""A hostile corpus, built fresh by the tests: every kind of bad input a folder can hold.

`make_hostile_corpus(folder)` writes it and returns what each file must become in the build report
(`status`, and a fragment of the reason for skipped files).
"""

from __future__ import annotations

import codecs
import os
from html.parser import HTMLParser
from pathlib import Path

ARTICLE = (
    "City council approves new budget\n\n"
    "The city council approved a new budget on Monday after a long debate about school funding. "
    "The mayor said the plan would add two hundred teachers by next year. "
    "Opposition members argued that the budget cuts road maintenance too deeply.\n"
)

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>&lol9;</title><description>&lol9; The council met on Monday to vote.</description></item>
</channel></rss>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>t</title>
<description>&xxe; The council met on Monday to vote on the plan.</description></item></channel></rss>
"""

INJECTION = (
    "---\n"
    'title: "<script>alert(1)</script> {{ config }} [x](javascript:alert(1))"\n'
    'outlet: "<img src=x onerror=alert(1)>"\n'
    'url: "javascript:alert(1)"\n'
    "topic: ../../etc/passwd\n"
    "---\n"
    "The minister said <script>alert(1)</script> that the plan was approved on Tuesday by parliament. "
    "Critics wrote [click](javascript:alert(2)) and {% raw %} {{ 7*7 }} [[wiki]] <iframe src=x></iframe> "
    "in a statement released on the same day.\n"
)


def nested_html(depth: int) -> str:
    return (
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * depth
        + "<p>The council voted on Monday to approve the new budget for schools and roads.</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def make_hostile_corpus(folder: Path, outside: Path) -> dict[str, tuple[str, str]]:
    """Write the corpus into `folder` (`outside` is a file beyond it, for symlinks to point at).

    Returns {relative path: (expected status, fragment of the reason or "")}; status "any" means
    used or merged, whichever the grouping decides; "either" allows skipped too (with a reason).
    """
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, tuple[str, str]] = {}

    def write(name: str, data: bytes | str, status: str = "used", reason: str = "") -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = (status, reason)

    write("good.txt", ARTICLE, "any")
    write("empty.txt", b"", "skipped", "empty")
    write("whitespace.md", " \n\t\n  \r\n", "skipped", "empty")
    write("binary.txt", bytes(range(256)) * 4, "skipped", "binary")
    write("nul.txt", b"The council met.\x00\x00\x00on Monday\x00", "skipped", "binary")
    write("random.bin", os.urandom(2048), "skipped", "unsupported file type")
    bad_utf8 = ARTICLE.replace("approved", "approv\xe9d").encode("latin-1") + b"\x81\x8d\x8f\x90"
    write("invalid-utf8.txt", bad_utf8, "any")
    write("utf16.txt", codecs.BOM_UTF16_LE + ARTICLE.replace("city", "town").encode("utf-16-le"), "any")
    write("deep.html", nested_html(5000), "either")  # extracted, or skipped with a reason
    write("bomb.rss", BILLION_LAUGHS, "skipped", "entit")
    write("bomb.xml", BILLION_LAUGHS.encode("utf-16"), "skipped", "entit")
    write("xxe.rss", EXTERNAL_ENTITY, "skipped", "entit")
    write(
        "python-tag.md",
        "---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\n" + ARTICLE,
        "skipped",
        "front matter",
    )
    write("injection.md", INJECTION, "any")
    write("a.txt", ARTICLE.replace("Monday", "Tuesday"), "any")
    write("A.txt", ARTICLE.replace("Monday", "Wednesday"), "any")
    write("nested/deeper/a.txt", ARTICLE.replace("Monday", "Thursday"), "any")
    write("%2e%2e%2fetc%2fpasswd.txt", ARTICLE.replace("Monday", "Friday"), "any")
    write(
        "rtl-zero-width.txt",
        "Council\u200b approves\u200d budget\u202e txet desrever\n\n"
        "The \u200bcouncil \u202eapproved\u202c the \u2066budget\u2069 on Monday after a long debate. "
        "\u200fThe mayor\u200e said the \ufeffplan would add teachers.\u00ad\n",
        "any",
    )
    write(
        "japanese.txt",
        "市議会が新予算を承認\n\n市議会は月曜日、長い議論の末に新しい予算を承認した。"
        "市長は来年までに教師を二百人増やすと述べた。\n",
        "any",
    )
    write(
        "arabic.txt",
        "المجلس يوافق على الميزانية\n\nوافق مجلس المدينة على ميزانية جديدة يوم الاثنين بعد نقاش طويل. "
        "وقال رئيس البلدية إن الخطة ستضيف مئتي معلم.\n",
        "any",
    )
    write(
        "russian.md",
        "---\nlanguage: ru\n---\nГородской совет утвердил новый бюджет в понедельник после долгих дебатов. "
        "Мэр заявил, что план добавит двести учителей.\n",
        "any",
    )
    write("many-sentences.txt", "Stop. " * 30_000, "any")
    write(
        "feed.jsonl",
        '{"id": "../../etc/passwd", "title": "Traversal", "text": "The council met on Monday and voted.'
        ' The mayor said the budget passed."}\n{"id": "CON", "text": "The council also met on Tuesday to '
        'vote again on the same plan."}\nnot json\n',
        "any",
    )
    os.symlink(outside, folder / "outside-link.txt")
    expect["outside-link.txt"] = ("skipped", "outside the input folder")
    os.symlink(".", folder / "loop")
    expect["loop"] = ("skipped", "symbolic link to a folder")
    os.symlink("ping.txt", folder / "pong.txt")
    os.symlink("pong.txt", folder / "ping.txt")
    expect["ping.txt"] = expect["pong.txt"] = ("skipped", "looping")
    os.symlink("missing.txt", folder / "broken.txt")
    expect["broken.txt"] = ("skipped", "broken")
    os.symlink("good.txt", folder / "inside-link.txt")
    expect["inside-link.txt"] = ("any", "")
    os.mkfifo(folder / "pipe.txt")
    expect["pipe.txt"] = ("skipped", "not a regular file")
    write("bad\nname\x1b[31m.txt", ARTICLE.replace("Monday", "Saturday"), "any")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "secret.txt").write_text(ARTICLE)
    return expect


class MarkupAudit(HTMLParser):
    """Collects anything in a page that could run script or load content an article put there."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed") or (tag == "img" and ("src", "x") in attrs):
            self.problems.append(f"<{tag} {attrs}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.problems.append(f"script: {data[:80]}")


def markup_problems(html: str) -> list[str]:
    audit = MarkupAudit()
    audit.feed(html)
    return audit.problems
