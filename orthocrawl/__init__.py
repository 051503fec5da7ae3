"""orthocrawl: a crawler and SQLite archive for the orthopaedic and spine trade press."""

import tldextract.tldextract as _tldextract

# web-poet's URL rules go through tldextract, whose default extractor downloads the
# public suffix list on first use. orthocrawl reaches no host but the sites it crawls,
# so it uses the snapshot tldextract ships.
_tldextract.TLD_EXTRACTOR = _tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
)

__version__ = "0.1.0"
