"""Fixed facts about the OrthoSpineNews replica: its origin, names and paging size."""

from __future__ import annotations

SITE_NAME = "orthospinenews"
SITE_TITLE = "OrthoSpineNews"
ORIGIN = "https://www.orthospinenews.com"
CANONICAL_HOST = "www.orthospinenews.com"
DOMAINS = ["orthospinenews.com", "www.orthospinenews.com"]
TAGLINE = "Orthopedic and spine industry news, interviews and market analysis"

PER_PAGE = 10  # posts per listing page and feed items

FOOTER_ABOUT = ("OrthoSpineNews covers the people, companies and ideas shaping orthopedic and "
                "spine care, with daily news, surgeon interviews and market analysis since 2011.")
NEWSLETTER_PITCH = "Get the week’s orthopedic and spine news in your inbox every Friday morning."

# (name, slug, description)
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("Spine", "spine", "News on spinal implants, surgeons and practices."),
    ("Orthopedics", "orthopedics", "Joint replacement, trauma and extremities news."),
    ("Press Releases", "press-releases", "Announcements from device companies and practices."),
    ("FDA", "fda", "Clearances, approvals and regulatory news."),
    ("Interviews", "interviews", "Conversations with surgeons and executives."),
    ("Business & Finance", "business-finance", "Deals, funding rounds and earnings."),
    ("Market Reports", "market-reports", "Market sizing and industry research."),
    ("Featured", "featured", "Editors’ picks."),
    ("Technology", "technology", "Robotics, navigation, imaging and software."),
    ("Research", "research", "Clinical studies and outcomes data."),
    ("Practice Management", "practice-management", "ASCs, payers and practice operations."),
)

# The WordPress accounts that post: (name, slug, share of posts, bio sentences, social)
ACCOUNTS: tuple[tuple[str, str, float, tuple[str, ...], str], ...] = (
    ("Dana Whitcomb", "dana-whitcomb", 0.76, (
        "Dana Whitcomb is the founding editor of OrthoSpineNews and has covered the spine "
        "device business since 2009.",
        "Before turning to journalism she spent six years in product marketing at a "
        "mid-sized implant maker in the Midwest.",
        "Dana lives outside Austin with two very patient retrievers and a garage full of "
        "unfinished woodworking projects.",
    ), "https://x.com/danawhitcomb_osn"),
    ("Elliot Navarre", "elliot-navarre", 0.17, (
        "Elliot Navarre is a staff writer at OrthoSpineNews covering deals, payers and "
        "ambulatory surgery centers.",
        "He previously reported on hospital finance for a regional business weekly.",
        "Send him tips about practice consolidation any day of the week.",
    ), "https://www.linkedin.com/in/elliot-navarre-osn"),
    ("Renata Osei", "renata-osei", 0.07, (
        "Renata Osei is a contributing editor who writes about orthopedic research and "
        "clinical outcomes.",
        "She holds a master’s degree in biomedical engineering and once built a "
        "cadaver-lab fixture out of spare bicycle parts.",
    ), "https://x.com/renataosei_ortho"),
)
