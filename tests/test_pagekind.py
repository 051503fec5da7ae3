"""page_kind on plain signals: rules each tested on a page described here."""

from __future__ import annotations

from orthocrawl.pages.pagekind import PageSignals, page_kind

PROSE = " ".join(["The clinic opened a second spine centre this spring and hired four surgeons."]
                 * 20)


def test_static_front_page_of_a_wordpress_site_is_not_counted_home_twice():
    # A one-page site's front page: the root path and WordPress's "home" class say the same
    # thing once; its long text is its article.
    front = PageSignals(body_classes=frozenset({"home", "page", "page-id-2"}), wordpress=True,
                        path="/", body_text=PROSE, og_type="website")
    assert page_kind(front) == "article"


def test_wordpress_blog_index_at_the_root_is_still_a_listing():
    index = PageSignals(body_classes=frozenset({"home", "blog"}), wordpress=True, path="/",
                        body_text="Latest posts", headline_links=12, time_count=12)
    assert page_kind(index) == "listing"


def test_wordpress_page_below_the_root_still_counts_against():
    page = PageSignals(body_classes=frozenset({"page", "page-id-9"}), wordpress=True,
                       path="/contact/", body_text="Write to us at the clinic.")
    assert page_kind(page) == "page"
