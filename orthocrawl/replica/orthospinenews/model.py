"""OrthoSpineNews's posts: WordPress posts (wp_model) with what the Jannah theme shows besides."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import wp_model
from ..wp_model import Account, Comment, Term

__all__ = ["Account", "Comment", "Post", "Term"]


@dataclass(eq=False)
class Post(wp_model.Post):
    source_url: Any = None  # where the Source block links (a function: a URL known later)
    via: tuple[str, str] | None = None  # (outlet, link) of a "Via" block
    highlights: list[str] = field(default_factory=list)  # the Story Highlights box
    check_also: Post | None = None
