"""The shape of the page objects: which base each stands on, and what pages/ may import."""

from __future__ import annotations

import ast
from pathlib import Path

from orthocrawl.pages import (
    BeckersPage,
    GenericPage,
    MetadataPage,
    OrthoSpineNewsPage,
    RyorthoPage,
    ThemePage,
    WordPressPage,
)
from orthocrawl.pages.pagekind import PageSignals, page_kind

PAGES = Path(__file__).resolve().parents[1] / "orthocrawl" / "pages"


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import statement of a source file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
    return found


def test_every_page_object_stands_on_the_metadata_base():
    for cls in (WordPressPage, BeckersPage, GenericPage, OrthoSpineNewsPage, RyorthoPage):
        assert issubclass(cls, MetadataPage)
    assert not issubclass(GenericPage, ThemePage)
    assert not issubclass(GenericPage, WordPressPage)
    assert not issubclass(BeckersPage, WordPressPage)
    assert issubclass(BeckersPage, ThemePage)


def test_pages_import_neither_scrapy_nor_the_archive_nor_private_names():
    sources = sorted(PAGES.glob("*.py"))
    assert len(sources) > 10
    for path in sources:
        for module, names in _imports(path):
            top = module.split(".")
            assert top[0] != "scrapy", f"{path.name} imports {module}"
            assert module not in ("orthocrawl.archive", "orthocrawl.pipelines"), path.name
            assert "spiders" not in top, f"{path.name} imports {module}"
            private = [n for n in names if n.startswith("_") and n != "__future__"]
            if module.startswith("orthocrawl"):
                assert not private, f"{path.name} imports private {private} from {module}"


def test_page_kind_is_a_function_of_plain_signals():
    prose = "\n\n".join(["word " * 40] * 5)
    assert page_kind(PageSignals(jsonld_types=frozenset({"NewsArticle"}))) == "article"
    assert page_kind(PageSignals(og_type="product")) == "product"
    assert page_kind(PageSignals(body_text=prose)) == "article"
    assert page_kind(PageSignals(body_text="Contact us", headline_links=12)) == "listing"
    assert page_kind(PageSignals(body_text="Contact us")) == "page"
