"""Scrapy settings for orthocrawl: polite by default, pipeline order, ORTHOCRAWL_* settings.

Every ORTHOCRAWL_* setting is declared once in orthocrawl/config.py (README's table is
printed from there).
"""

from orthocrawl.config import defaults
from orthocrawl.items import EXPORT_FIELDS

BOT_NAME = "orthocrawl"
SPIDER_MODULES = ["orthocrawl.spiders"]
NEWSPIDER_MODULE = "orthocrawl.spiders"
# The built-in publishers' spiders, and the site files' (orthocrawl.sites.load_sites).
SPIDER_LOADER_CLASS = "orthocrawl.sites.SiteSpiderLoader"
# orthocrawl's own `scrapy crawl` (settings and arguments checked, the archive held).
COMMANDS_MODULE = "orthocrawl.commands"

# USER_AGENT: set by orthocrawl.politeness.Addon, with ORTHOCRAWL_CONTACT in it.

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
ADDONS = {"scrapy_poet.Addon": 300, "orthocrawl.politeness.Addon": 100}
SCRAPY_POET_DISCOVER = ["orthocrawl.pages"]

# Requests for a mirrored site go to its mirror (ORTHOCRAWL_MIRRORS); others go out as usual.
DOWNLOAD_HANDLERS = {
    "http": "orthocrawl.mirror.MirrorDownloadHandler",
    "https": "orthocrawl.mirror.MirrorDownloadHandler",
}

DOWNLOADER_MIDDLEWARES = {
    # Below RetryMiddleware (550): sees each request's final outcome, after retries.
    "orthocrawl.incremental.middleware.IncrementalDownloaderMiddleware": 540,
    # Before HttpCompression (590) sees it on the way back: after decompression.
    "orthocrawl.middlewares.CharsetMiddleware": 580,
}
SPIDER_MIDDLEWARES = {
    "orthocrawl.incremental.middleware.IncrementalSpiderMiddleware": 600,
    "orthocrawl.middlewares.RawPageMiddleware": 650,
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
    "orthocrawl.politeness.CrawlDelay": 520,
    "orthocrawl.extensions.WatchRunner": 530,
}

FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
# Dropped items (duplicates, non-articles) are routine: counted in the run, logged at INFO.
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

# ---- orthocrawl's own settings: declared (with type and help) in orthocrawl/config.py ----
globals().update(defaults())
