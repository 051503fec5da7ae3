"""README's shell examples that read an archive run as written, after the quick start.

Each example is run by bash in a folder holding data/demo.db made by `orthocrawl demo`
(the session's demo archive), after the line README's analyst section starts with
(`export ORTHOCRAWL_DB=data/demo.db`). An example README marks `# not run by the tests:
REASON` is skipped with that reason; the `sqlite3` ones when the program is missing.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import orthocrawl

README = Path(__file__).resolve().parents[1] / "README.md"
ANALYSTS = "## For analysts"
PRELUDE = "export ORTHOCRAWL_DB=data/demo.db"
READING = re.compile(r"^(orthocrawl (search|export|stats|runs|history|serve|export-warc|"
                     r"entities|events|trend|stories|story)\b|"
                     r"sqlite-utils |sqlite3 )")
NOT_RUN = re.compile(r"#.*\bnot run by the tests:\s*(?P<why>[^)\n]+)")


def shell_commands(markdown: str) -> list[str]:
    """The commands of every ```sh block, a command continued over lines (an open quote)
    joined into one."""
    commands: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", markdown, flags=re.M | re.S):
        pending = ""
        for line in block.splitlines():
            pending = f"{pending}\n{line}" if pending else line
            try:
                shlex.split(pending, comments=True)
            except ValueError:  # a quote still open: the command goes on
                continue
            if pending.strip():
                commands.append(pending)
            pending = ""
        assert not pending, f"unterminated command in README: {pending!r}"
    return commands


def simple_command(command: str) -> list[str] | None:
    """The words of a command without pipes, redirections, lists, variables or globs (what
    bash passes on unchanged), else None."""
    if any(char in command for char in "$`\\"):
        return None
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    if any(set(word) <= set("();<>|&") for word in words):
        return None
    unquoted = shlex.shlex(command, posix=False, punctuation_chars=True)
    unquoted.whitespace_split = True
    if any(word[:1] not in "\"'" and set(word) & set("*?[") for word in unquoted):
        return None  # bash would expand a glob
    return words


def examples() -> list[str]:
    return [c for c in shell_commands(README.read_text(encoding="utf-8")) if READING.match(c)]


def test_the_analyst_section_starts_by_pointing_at_the_demo():
    section = README.read_text(encoding="utf-8").split(ANALYSTS, 1)[1]
    assert shell_commands(section)[0] == PRELUDE
    assert len(examples()) >= 12  # the analysts' examples and the SQL ones are all found


@pytest.mark.parametrize("command", examples(), ids=lambda c: c.split("#")[0][:60].strip())
def test_readme_example_runs_as_written(command, demo_archive):
    skip = NOT_RUN.search(command)
    if skip:
        pytest.skip(skip["why"])
    program = command.split()[0]
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed")
    words = simple_command(command)
    if words and words[0] == "orthocrawl":  # as bash would run it, in this process
        result = orthocrawl(*words[1:], env={"ORTHOCRAWL_DB": "data/demo.db"},
                            cwd=demo_archive.root, timeout=120)
    else:
        result = subprocess.run(["bash", "-c", f"set -euo pipefail\n{PRELUDE}\n{command}"],
                                cwd=demo_archive.root, capture_output=True, text=True,
                                timeout=120)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower() and "Traceback" not in result.stderr
