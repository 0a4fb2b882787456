"""Transfer: bytes a browser downloads for each page's first load, and plotly.js's share.

    python bench/bench_transfer.py

gunicorn (2 workers) on 127.0.0.1 and headless Chromium with an empty cache
for every page.  From the browser's network log: bytes on the wire (compressed
bodies plus headers, ``encodedDataLength``) and decoded body bytes, over every
request of the load (HTML, scripts, CSS, layout, callbacks, lazy chunks such as
plotly.min.js, topojson).  Each page is loaded, then the log is read after the
page is drawn and a short settle time, so lazy chunks are counted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_pages import discover, load_spec, page_url
from common import (
    PAGES,
    chrome,
    clear_cache,
    gunicorn,
    install_harness,
    network_events,
    print_table,
    transfers,
    wait_ready,
    write_results,
)

COMMAND = "python bench/bench_transfer.py"
TARGET_BYTES = 1.5 * 1024 * 1024


def main() -> None:
    rows, results = [], []
    with gunicorn(2) as (base, _process):
        driver = chrome()
        try:
            for page in PAGES:
                graphs = len(discover(driver, base, page, settle=1.0)["graphs"])
                install_harness(driver, load_spec(page, graphs))
                driver.get("about:blank")
                clear_cache(driver)
                network_events(driver)
                driver.get(page_url(base, page))
                wait_ready(driver)
                time.sleep(2.0)
                requests = transfers(network_events(driver))
                wire = sum(r["wire_bytes"] for r in requests)
                body = sum(r["body_bytes"] for r in requests)
                plotly = [r for r in requests if "plotly" in r["url"].rsplit("/", 1)[-1]]
                plotly_wire = sum(r["wire_bytes"] for r in plotly)
                plotly_body = sum(r["body_bytes"] for r in plotly)
                uncompressed = [
                    r["url"] for r in requests if not r["encoding"] and r["body_bytes"] > 1024
                ]
                results.append(
                    {
                        "page": page,
                        "requests": len(requests),
                        "wire_bytes": wire,
                        "decoded_bytes": body,
                        "plotly_wire_bytes": plotly_wire,
                        "plotly_decoded_bytes": plotly_body,
                        "uncompressed_over_1k": uncompressed,
                        "target_met": wire <= TARGET_BYTES,
                        "detail": requests,
                    }
                )
                rows.append(
                    [
                        page,
                        len(requests),
                        wire / 1024,
                        body / 1024,
                        plotly_wire / 1024,
                        f"{100 * plotly_wire / wire:.0f}%",
                        "yes" if wire <= TARGET_BYTES else "NO",
                    ]
                )
        finally:
            driver.quit()
    print_table(
        [
            "page",
            "requests",
            "sent KiB (compressed)",
            "KiB uncompressed",
            "plotly.js KiB sent",
            "plotly share",
            "<1.5 MB",
        ],
        rows,
    )
    write_results("transfer", COMMAND, {"target_bytes": TARGET_BYTES, "pages": results})


if __name__ == "__main__":
    main()
