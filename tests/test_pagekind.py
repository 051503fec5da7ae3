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


def test_short_slug_of_an_unsigned_undated_page_counts_against():
    # a product's or a service's page: one or two words for a name, nobody signing it,
    # listing signals besides (a root-less path is not enough alone)
    service = PageSignals(path="/lambda/", body_text=PROSE, link_share=0.6, time_count=5,
                          og_type="website")
    assert page_kind(service) == "listing"
    # the same page declared an article, or under a headline's slug, is kept
    assert page_kind(PageSignals(path="/lambda/", body_text=PROSE, link_share=0.6,
                                 time_count=5, og_type="article")) == "article"
    assert page_kind(PageSignals(path="/how-we-run-serverless-functions", body_text=PROSE,
                                 link_share=0.6, time_count=5, og_type="website")) == "article"
