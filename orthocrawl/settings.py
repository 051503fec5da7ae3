"""Scrapy settings for orthocrawl: polite by default, pipeline order, ORTHOCRAWL_* settings.

Every ORTHOCRAWL_* setting is documented in README.md.
"""

from orthocrawl import __version__
from orthocrawl.items import EXPORT_FIELDS

BOT_NAME = "orthocrawl"
SPIDER_MODULES = ["orthocrawl.spiders"]
NEWSPIDER_MODULE = "orthocrawl.spiders"

USER_AGENT = f"orthocrawl/{__version__} (archive of the orthopaedic trade press; polite crawler)"

# Politeness towards the real sites: robots.txt, one request at a time per domain,
# a delay that AutoThrottle stretches when the site slows down.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
# A page yields one article: Scrapy starts this many item tasks per response, so keep it small.
CONCURRENT_ITEMS = 8
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # each delay drawn from 0.5x to 1.5x
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Page objects (web-poet) run through scrapy-poet; importing orthocrawl.pages registers them.
ADDONS = {"scrapy_poet.Addon": 300}
SCRAPY_POET_DISCOVER = ["orthocrawl.pages"]

# Requests for a mirrored site go to its mirror (ORTHOCRAWL_MIRRORS); others go out as usual.
DOWNLOAD_HANDLERS = {
    "http": "orthocrawl.mirror.MirrorDownloadHandler",
    "https": "orthocrawl.mirror.MirrorDownloadHandler",
}

DOWNLOADER_MIDDLEWARES = {
    # Before HttpCompression (590) sees it on the way back: after decompression.
    "orthocrawl.middlewares.CharsetMiddleware": 580,
}

ITEM_PIPELINES = {
    "orthocrawl.pipelines.CleanPipeline": 100,
    "orthocrawl.pipelines.FieldSharesPipeline": 150,
    "orthocrawl.pipelines.ValidatePipeline": 200,
    "orthocrawl.pipelines.DeduplicatePipeline": 300,
    "orthocrawl.pipelines.StorePipeline": 900,
}
EXTENSIONS = {
    "orthocrawl.extensions.RunRecorder": 500,
    "orthocrawl.extensions.Progress": 510,
}

FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
# Dropped items (duplicates, non-articles) are routine: counted in the run, logged at INFO.
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

# ---- orthocrawl's own settings ----
ORTHOCRAWL_DB = "data/orthocrawl.db"     # the archive file
ORTHOCRAWL_MIRRORS: dict[str, str] = {}  # domain -> base URL of a mirror to crawl instead
ORTHOCRAWL_MIN_WORDS = 10                # fewer words than this: dropped as too_short
ORTHOCRAWL_BATCH_SIZE = 200              # articles per archive transaction
ORTHOCRAWL_BATCH_SECONDS = 2.0           # ... or this long since the last one
ORTHOCRAWL_PROGRESS_INTERVAL = 0         # seconds between progress lines (0: off)
ORTHOCRAWL_RECHECK_DAYS = 30             # re-check (conditional GET) pages unconfirmed this long
ORTHOCRAWL_RECHECK_MAX = 500             # ... at most this many a run, oldest first (0: no cap)
ORTHOCRAWL_SHARE_DROP = 0.25             # a field share this far below recent runs fails a run
ORTHOCRAWL_SHARE_MIN_PAGES = 10          # ... judged only on at least this many article pages
ORTHOCRAWL_LOCK_WAIT = False             # scrapy crawl/scrapyd: wait for a busy archive
