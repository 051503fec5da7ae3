"""orthocrawl's Scrapy commands (COMMANDS_MODULE): `scrapy crawl` with orthocrawl's checks.
scrapyd's runner goes through the same command."""
