"""Page objects: HTML + URL in, Article out. No Scrapy engine and no SQLite in here.

Importing this package registers every publisher's page object with web-poet's
default registry (through ``handle_urls``).
"""

from orthocrawl.pages.orthospinenews import OrthoSpineNewsPage
from orthocrawl.pages.wordpress import WordPressPage

__all__ = ["OrthoSpineNewsPage", "WordPressPage"]
