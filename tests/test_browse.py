"""`orthocrawl serve`: Datasette on the archive, driven by headless Chromium.

Needs Debian's chromium and chromium-driver (.ci/run installs them); skipped with
the reason when they are missing.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter

import pytest

from orthocrawl.archive import Archive
from orthocrawl.replica import build_site
from orthocrawl.replica.testing import fill

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
TERM = "Quillon"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium "
           "chromium-driver)")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = tmp_path_factory.mktemp("browse") / "archive.db"
    with Archive(db) as archive:
        fill(archive, build_site(articles=150).truth())
        hits = archive.search(TERM, limit=1000)
    expected = {row["url"] for row in hits}
    # every match fits on the first page (size 50), so the page can be held to all of them
    assert 0 < len(expected) <= 50
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "orthocrawl.cli", "serve", "--db", str(db),
                               "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"datasette did not start: {server.stderr.read().decode()[-1000:]}")
            time.sleep(0.3)
    yield base, db.stem, expected, Counter(row["published_at"][:7] for row in hits)
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_search_box_then_csv_link(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    base, database, expected, _ = served
    browser.get(f"{base}/{database}/article_list")
    assert "Articles" in browser.page_source
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys(TERM)
    box.submit()
    WebDriverWait(browser, 30).until(  # the results page, loaded
        lambda page: "_search=" in page.current_url
        and page.execute_script("return document.readyState") == "complete")
    links = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "td a")}
    assert expected <= links
    assert f"{len(expected)} row" in browser.page_source.replace(",", "")

    csv_link = browser.find_element(By.CSS_SELECTOR, "a[href*='.csv']").get_attribute("href")
    assert "_search=" in csv_link
    with urllib.request.urlopen(csv_link.replace("_size=max", "") + "&_size=max") as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))
    assert {row["url"] for row in rows} == expected


def test_facets_and_canned_queries(served, browser):
    from selenium.webdriver.common.by import By

    base, database, _, months = served
    browser.get(f"{base}/{database}/article_list")
    page = browser.page_source
    for facet in ("site", "authors", "tags", "month", "status"):
        assert f'class="facet-info facet-{database}-article_list-{facet}"' in page, facet
    browser.get(f"{base}/{database}/authors_by_count")
    assert "Authors by article count" in browser.page_source
    browser.get(f"{base}/{database}/mentions_by_month?term={TERM}")
    cells = [(row.find_element(By.CSS_SELECTOR, "td.col-month").text,
              int(row.find_element(By.CSS_SELECTOR, "td.col-articles").text))
             for row in browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")]
    assert dict(cells) == dict(months)
    assert [month for month, _ in cells] == sorted(months)
