"""The errors a user can cause or fix: each says what is wrong in one line and carries the
exit code the commands end with (2: the command line or a file it names is wrong; 1: the
command could not finish). Every command turns them into that line and that code, never a
traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; the message is one line."""

    code = 1

    def __init__(self, message: str = "", code: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class BadInput(UserError, ValueError):
    """What the user gave is wrong: an argument, an option, a setting, a site file."""

    code = 2


class Failed(UserError):
    """The command ran and its output says what failed: only the exit status is left to give
    (1 for a failed crawl run), with no line of its own."""
