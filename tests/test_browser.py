"""`kg serve` in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`,
which `make browser` and CI install) driven by Selenium, over a real socket.

The tests skip, saying why, only when Chromium is absent on a developer's machine; on CI (where
`CI` is set) a missing browser fails them instead."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver")


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)) and not shutil.which(path):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    return None


def chromium(tmp_path_factory, console: bool = False):
    """Headless Chromium driven by the system's chromedriver, quit when the caller is done;
    `console` keeps the browser console's messages (`driver.get_log("browser")`). Skips where
    Chromium is missing, fails on CI."""
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run on CI: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The system driver, given explicitly: Selenium never looks for (or downloads) another.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    yield from chromium(tmp_path_factory)


def wait_for(driver, css: str, timeout: float = 15):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def wait_for_new_document(driver, old_element, timeout: float = 15):
    """Wait until the page holding old_element has been replaced by a loaded one.

    While Chrome swaps documents, asking about the old element can fail with a plain
    WebDriverException ("Node with given id does not belong to the document") rather than
    the StaleElementReferenceException that staleness_of expects, so any WebDriver error
    counts as "not yet" and the wait asks again.
    """
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def replaced(d):
        try:
            old_element.is_enabled()
        except StaleElementReferenceException:
            return d.execute_script("return document.readyState") == "complete"
        return False

    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(replaced)


def wait_for_heading(driver, text: str, timeout: float = 15):
    """Wait until the page's h1 reads `text`: after a click, the old page's h1 is still there
    for a moment, so waiting for any h1 would race with the navigation."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "h1").text == text
    )
    return driver.find_element(By.CSS_SELECTOR, "h1")


def test_home_page_links_to_an_organization(browser, kg_server):
    from selenium.webdriver.common.by import By

    browser.get(kg_server + "/")
    assert "counter-trafficking" in browser.title
    organizations = browser.find_element(By.ID, "organizations")
    link = organizations.find_element(By.LINK_TEXT, "National Human Rights Commission")
    link.click()
    wait_for_heading(browser, "National Human Rights Commission")
    # The IRI answered 303 See Other; the browser landed on the document about the thing.
    assert browser.current_url == kg_server + "/doc/organization/cndh"
    types = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".types a")]
    assert "org:Organization" in types
    quotes = browser.find_elements(By.CSS_SELECTOR, "#evidence mark")
    assert "Mexico's National Human Rights Commission" in [q.text for q in quotes]
    # Follow a linked value: the place the organization is in.
    browser.find_element(By.CSS_SELECTOR, "#properties a[href='/id/place/mexico']").click()
    wait_for_heading(browser, "Mexico")


def test_query_page_runs_a_named_query(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(kg_server + "/query")
    Select(browser.find_element(By.ID, "example")).select_by_value("victims-assisted-over-time")
    # Choosing an example loads it (the select submits its form).
    first = wait_for(browser, "#results")
    textarea = browser.find_element(By.ID, "query")
    assert "victims-assisted" in textarea.get_attribute("value")
    # Run it again from the editor, as a person would after reading it; wait for the page that
    # answers the click, not the one already shown.
    browser.find_element(By.ID, "run").click()
    wait_for_new_document(browser, first)
    table = wait_for(browser, "#results")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert headers[:3] == ["docs", "value", "qualifier"]
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 4
    cells = [[td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    assert cells[0][:3] == ["000", "54", "exact"]
    assert any("IOM Mexico" in row for row in cells)


def test_search_box_finds_a_place(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(kg_server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[type=search]")
    box.send_keys("Juarez", Keys.ENTER)
    results = wait_for(browser, "#results")
    results.find_element(By.LINK_TEXT, "Ciudad Juárez").click()
    wait_for_heading(browser, "Ciudad Juárez")


def test_statistics_page_draws_its_charts(browser, kg_server):
    from selenium.webdriver.common.by import By

    browser.get(kg_server + "/id/observation/000/victims-assisted")
    wait_for(browser, "svg.chart")
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 3
    widths = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart rect.chart-bar'))"
        ".map(r => r.getBoundingClientRect().width)"
    )
    assert len(widths) >= 7 and all(w > 0 for w in widths)


def _same_host_only(driver, server: str) -> list[str]:
    """What the page loaded from anywhere but this server (nothing, for a map)."""
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    return [name for name in names if not name.startswith(server + "/")]


def test_place_pages_draw_their_maps(browser, kg_server):
    from selenium.webdriver.common.by import By

    browser.get(kg_server + "/id/place/mexico")
    wait_for(browser, "svg.map")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map circle.map-point")) == 5
    # drawn, not only present: the outline of Mexico and every point take room on screen
    outline = browser.find_element(By.CSS_SELECTOR, "svg.map path.map-highlight")
    assert outline.size["width"] > 200 and outline.size["height"] > 100
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('svg.map circle.map-point'))"
        ".map(c => c.getBoundingClientRect().width)"
    )
    assert len(sizes) == 5 and all(w > 4 for w in sizes)
    assert _same_host_only(browser, kg_server) == []

    browser.get(kg_server + "/id/place/tapachula")
    wait_for_heading(browser, "Tapachula")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map circle.map-point")) == 5
    (current,) = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.map-point-current")
    link = current.find_element(By.XPATH, "..")
    assert link.get_dom_attribute("href") == "/id/place/tapachula"
    legend = browser.find_element(By.CSS_SELECTOR, "svg.map .map-legend").text
    assert "Tapachula" in legend and "Mexico" in legend
    # each point is a link to its place's page
    browser.find_element(By.CSS_SELECTOR, "svg.map a[href='/id/place/mexico-city'] circle").click()
    wait_for_heading(browser, "Mexico City")


def test_query_results_with_points_are_drawn_on_a_map(browser, kg_server):
    from urllib.parse import quote

    from selenium.webdriver.common.by import By

    query = "SELECT ?place ?wkt WHERE { ?place geo:hasGeometry/geo:asWKT ?wkt ; a kg:City }"
    browser.get(kg_server + "/query?query=" + quote(query))
    wait_for(browser, "#results")
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")
    assert len(rows) == 5
    points = browser.find_elements(By.CSS_SELECTOR, "#map svg.map circle.map-point")
    assert len(points) == 5
    assert all(p.size["width"] > 0 for p in points)
    assert _same_host_only(browser, kg_server) == []
