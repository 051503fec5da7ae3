"""Page objects: HTML + URL in, Article out. No Scrapy engine and no SQLite in here.

Importing this package registers every publisher's page object with web-poet's
default registry (through ``handle_urls``).
"""

from orthocrawl.pages.beckers import BeckersPage
from orthocrawl.pages.generic import GenericPage
from orthocrawl.pages.metadata import MetadataPage
from orthocrawl.pages.orthobuzz import OrthoBuzzPage
from orthocrawl.pages.orthospinenews import OrthoSpineNewsPage
from orthocrawl.pages.ryortho import RyorthoPage
from orthocrawl.pages.spinemarket import SpineMarketGroupPage
from orthocrawl.pages.themed import ThemePage
from orthocrawl.pages.wordpress import WordPressPage

__all__ = ["BeckersPage", "GenericPage", "MetadataPage", "OrthoBuzzPage", "OrthoSpineNewsPage",
           "RyorthoPage", "SpineMarketGroupPage", "ThemePage", "WordPressPage"]
