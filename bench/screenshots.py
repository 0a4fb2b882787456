"""A PNG of every page, in English and French, at phone and desktop widths.

    python bench/screenshots.py OUTDIR [--data-dir DIR] [--pages / /budget]
                                       [--languages en fr] [--widths 375 1400]

Serves the dashboard with gunicorn on 127.0.0.1 (a free port, the shipped
data or ``--data-dir``), opens each page in headless Chromium
(``/usr/bin/chromium``), waits until every chart is drawn and writes the whole
page, top to bottom, to ``OUTDIR/<page>_<lang>_<width>.png``
(``budget_fr_375.png``).  Before a release, look through them for text that is
cut, covers other text or runs off the screen.
"""

from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import chrome, gunicorn

PAGES = ("/", "/budget", "/narratives", "/contributions", "/operations", "/compare")
LANGUAGES = ("en", "fr")
WIDTHS = (375, 1400)
HEIGHT = 900

# Drawn: the page's content is there, no callback is running and every chart
# has been laid out by plotly.js.
DRAWN = """
if (!document.querySelector('#page-content > *')) return false;
if (document.querySelector('[data-dash-is-loading="true"]')) return false;
return Array.from(document.querySelectorAll('.js-plotly-plot'))
  .every((plot) => plot._fullLayout && plot.querySelector('.main-svg'));
"""


def file_name(page: str, lang: str, width: int) -> str:
    """``/budget`` in French at 375 px is ``budget_fr_375.png``; ``/`` is ``overview``."""
    name = page.strip("/").split("?")[0] or "overview"
    return f"{name}_{lang}_{width}.png"


def page_url(base: str, page: str, lang: str) -> str:
    return base + page + ("?" + urlencode({"lang": lang}) if lang != "en" else "")


def screenshot(driver, url: str, width: int, path: Path) -> None:
    """Load ``url`` in a window ``width`` px wide and save the whole page as ``path``."""
    from selenium.webdriver.support.ui import WebDriverWait

    metrics = {"width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 576}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(url)
    WebDriverWait(driver, 60, poll_frequency=0.2).until(lambda d: d.execute_script(DRAWN))
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    image = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(image["data"]))


def main(argv: list[str] | None = None) -> list[Path]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder the PNG files are written to")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES))
    parser.add_argument("--widths", nargs="+", type=int, default=list(WIDTHS))
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    written = []
    with gunicorn(workers=1, data_dir=args.data_dir) as (base, _process):
        driver = chrome()
        try:
            for page in args.pages:
                for lang in args.languages:
                    for width in args.widths:
                        path = args.outdir / file_name(page, lang, width)
                        screenshot(driver, page_url(base, page, lang), width, path)
                        written.append(path)
                        print(path)
        finally:
            driver.quit()
    return written


if __name__ == "__main__":
    main()
