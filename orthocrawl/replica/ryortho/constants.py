"""Fixed facts about the Orthopedics This Week replica: origin, names, paging sizes."""

from __future__ import annotations

from ..constants import TODAY as TODAY  # the replicas share one "now"

SITE_NAME = "ryortho"
SITE_TITLE = "Orthopedics This Week"
# The site answers on the bare host; www. and http:// redirect there.
ORIGIN = "https://ryortho.com"
CANONICAL_HOST = "ryortho.com"
DOMAINS = ["ryortho.com", "www.ryortho.com"]
TAGLINE = "Weekly News, Analysis, and Commentary"
PUBLISHER = "RRY Publications, LLC"

PER_PAGE = 10  # posts per listing page and feed items
# WordPress ids: post i gets POST_ID_BASE - POST_ID_STRIDE * i; its images take the ids after it.
POST_ID_BASE = 190000
POST_ID_STRIDE = 16
# Posts published from this year on were written in the block editor (Gutenberg).
BLOCK_EDITOR_YEAR = 2019
# Before this year the theme printed classic captions as <div class="wp-caption">.
HTML5_CAPTION_YEAR = 2016

# The newsroom: (writer, author slug, share of bylines, bio).
STAFF = (
    ("Hollis Vandermeer", "hollis-vandermeer", 0.24,
     "Hollis Vandermeer edits the weekly issue and writes about spine and large joints."),
    ("Tamsin Okoro-Blake", "tamsin-okoro-blake", 0.2,
     "Tamsin Okoro-Blake covers research, biologics and the occasional space experiment."),
    ("Reuben Castellane", "reuben-castellane", 0.18,
     "Reuben Castellane reports on device companies, deals and the courtroom."),
    ("Anaïs Delorme-Quist", "anais-delorme-quist", 0.14,
     "Anaïs Delorme-Quist writes about trauma care and sports medicine."),
    ("Dorian Fitch", "dorian-fitch", 0.14,
     "Dorian Fitch follows regulators, payers and hospital purchasing."),
    ("Leontyne Mabry", "leontyne-mabry", 0.1,
     "Leontyne Mabry moderates the weekly surgeon debates."),
)
CATEGORIES = (("Spine", "spine"), ("Trauma", "trauma"), ("Large Joints", "large-joints"),
              ("Extremities", "extremities"), ("Sports Medicine", "sports-medicine"),
              ("Biologics", "biologics"), ("Legal", "legal"), ("Business", "business"),
              ("Regulatory", "regulatory"), ("Research", "research"), ("Debates", "debates"),
              ("Interviews", "interviews"))
