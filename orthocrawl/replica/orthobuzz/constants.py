"""Fixed facts about the OrthoBuzz replica: origin, accounts, categories, paging."""

from __future__ import annotations

SITE_NAME = "orthobuzz"
SITE_TITLE = "OrthoBuzz"
HOST = "orthobuzz.jbjs.org"
ORIGIN = f"https://{HOST}"
TAGLINE = "News and views from The Journal of Bone & Joint Surgery"
# Keeps the replica's clock and post times apart from the other replicas built with one seed.
SEED_SALT = 4101

PER_PAGE = 10  # posts per listing page and feed items

# The JBJS editors who post (fictional): (name, slug, share of posts, bio)
ACCOUNTS: tuple[tuple[str, str, float, str], ...] = (
    ("Helena Marchetti", "hmarchetti", 0.55,
     "Helena Marchetti edits OrthoBuzz and the journal’s newsletters."),
    ("Tobias Lindqvist", "tlindqvist", 0.3,
     "Tobias Lindqvist is the JBJS deputy editor for digital media."),
    ("Adaeze Okonkwo", "aokonkwo", 0.15,
     "Adaeze Okonkwo is an associate editor of JBJS."),
)

# (name, slug, description); "Need to Know" is the site's own category.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Need to Know", "need-to-know"),
    ("Clinical Research", "clinical-research"),
    ("Guest Post", "guest-post"),
    ("What’s New", "whats-new"),
    ("Case Reports", "case-reports"),
    ("Other Things OrthoBuzz Found", "other-things"),
    ("Hip & Knee", "hip-knee"),
    ("Sports Medicine", "sports-medicine"),
    ("Shoulder & Elbow", "shoulder-elbow"),
    ("Spine", "spine"),
    ("Trauma", "trauma"),
    ("Foot & Ankle", "foot-ankle"),
    ("Pediatrics", "pediatrics"),
)

MENU = (("Home", "/"), ("Need to Know", "/category/need-to-know/"),
        ("Clinical Research", "/category/clinical-research/"),
        ("Guest Posts", "/category/guest-post/"), ("About OrthoBuzz", "/about/"),
        ("Contact", "/contact/"))
ABOUT = (
    "OrthoBuzz is the blog of The Journal of Bone & Joint Surgery. It summarizes new research, "
    "points readers to articles in the journal and hosts guest posts from surgeons, residents "
    "and researchers.",
    "Posts are written by the journal’s editors unless a guest author is named.",
)
CONTACT = (
    "Questions about a post, or ideas for a guest post? Write to the editors at "
    "orthobuzz@jbjs.example.",
    "For questions about subscriptions, please contact the journal’s customer service team.",
)
CME = (
    "Earn CME: JBJS subscribers can claim continuing medical education credit for selected "
    "articles. Details are on the journal site."
)
SUBSCRIBE = "Enter your email address to subscribe to OrthoBuzz and receive new posts by email."
