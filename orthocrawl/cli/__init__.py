"""The `orthocrawl` command: thin click wrappers, each echoing what one library function
yields. crawling.py crawls and writes, reading.py reads; what they share, the group among it,
is in common.py; the replica's commands are in orthocrawl/replica/cli.py."""

from orthocrawl.cli import crawling, reading  # noqa: F401 (their commands)
from orthocrawl.cli.common import main

__all__ = ["main"]
