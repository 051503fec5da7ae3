"""Fixed facts about the Spine Market Group replica: origin, account, categories, paging."""

from __future__ import annotations

SITE_NAME = "spinemarketgroup"
SITE_TITLE = "The Spine Market Group"
HOST = "thespinemarketgroup.com"
ORIGIN = f"https://{HOST}"
TAGLINE = "News, companies and people of the spine industry"
# Keeps the replica's post times apart from the other replicas built with one seed.
SEED_SALT = 5209

PER_PAGE = 10  # posts per listing page and feed items

# The one WordPress account that posts everything.
ACCOUNT = ("SPINEMarketGroup", "spinemarketgroup")

# (name, slug); every post is filed under Articles, the archive the site links to.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Articles", "articles"),
    ("Press Releases", "press-releases"),
    ("Mergers & Acquisitions", "mergers-acquisitions"),
    ("FDA Clearances", "fda-clearances"),
    ("Biologics", "biologics"),
    ("Spine Companies", "spine-companies"),
    ("Market Analysis", "market-analysis"),
    ("Products", "products"),
    ("Videos", "videos"),
)

# The secondary menu (upper case in the theme) and the WordPress pages it leads to.
MENU = (("MANUFACTURERS", "/manufacturers"), ("HEADHUNTERS", "/headhunters"),
        ("PRODUCT SECTIONS", "/product-sections"), ("COMPANIES", "/companies"))
PAGES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "manufacturers": ("Manufacturers", (
        "A directory of spinal implant and instrument manufacturers, from start-ups to the "
        "largest device companies.",
        "Listings are free; write to us to add or correct a company profile.",
    ), 11),
    "headhunters": ("Headhunters", (
        "Recruiters who specialise in spine sales, clinical and engineering roles.",
        "Post an opening by sending the job description and a contact name.",
    ), 13),
    "product-sections": ("Product Sections", (
        "Browse spine products by section: cervical, thoracolumbar, interbody, biologics, "
        "motion preservation and enabling technology.",
    ), 17),
    "companies": ("Companies", (
        "Profiles of the companies we follow, with links to every article that mentions them.",
    ), 19),
    "about-us": ("About Us", (
        "The Spine Market Group follows the business of spine: launches, clearances, deals and "
        "the people behind them.",
        "Most posts share company announcements and trade news with a link to the original.",
    ), 23),
}
JOBS = "Looking for a spine sales job? Browse the openings on our Headhunters page."
NEWSLETTER = "Get the week’s spine industry headlines in your inbox every Monday."
