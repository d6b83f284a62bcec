"""Exceptions meant for the user: their message says what is wrong and what to do.

Anything else escaping the pipeline is a bug and shows a traceback.
"""


class BriefgenError(Exception):
    """A problem the user can fix; the CLI prints it on one line and exits 1."""


class InputError(BriefgenError):
    """The input folder or files cannot be used."""


class UnreadableInput(Exception):
    """One input file cannot be read; it is skipped with this message as the reason."""


class InternalError(Exception):
    """A broken invariant: a bug in briefgen, never the user's fault. The message says what broke."""
