"""Pages that keep old topic addresses working after a re-clustering merged or split topics."""

from __future__ import annotations

from ..render import md, plain_title


def redirect_page(target: str, title: str) -> str:
    """Markdown for `topics/<old>.md`: sends the reader on to `topics/<target>.md`."""
    return (
        f"---\ntitle: {plain_title(title)!r}\nsearch:\n  exclude: true\n---\n\n"
        f'<meta http-equiv="refresh" content="0; url=../{target}/">\n\n'
        f"# This topic has moved\n\nIts articles are now in [{md(title)}]({target}.md).\n"
    )
