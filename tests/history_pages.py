"""Yearly snapshots of the seed page, made at test time for the history tests.

The seed is the 2020 view of its operation.  ``older_snapshot`` turns its text
into a synthetic 2019 view: report year 2019, a budget window of 2015-2020 with
a 2015 added and the 2019 budget revised, people of concern for 2014 (a year the
seed has nowhere) and 2018, with 2018 revised.  Nothing here is real data or written to ``data/``.
"""

from __future__ import annotations

import json
from pathlib import Path

SEED_BUDGET_LINE = 37
# The older view's figures (USD millions on the page, as its JSON gives them).
OLDER_P1_2019 = 4.2  # the seed's line 37 gives 4.336318
OLDER_2015 = {"budget": 4.0, "p1": 3.0, "p2": 1.0, "expenditure": 2.0, "e1": 1.5, "e2": 0.5}
OLDER_PEOPLE = {2018: 88000, 2014: 70000}  # the seed's lines 28-29 give 2019 and 2018 (88,419)


def _objects(text: str) -> list[dict]:
    decoder, objects, at = json.JSONDecoder(), [], 0
    while at < len(text):
        if text[at] == "{":
            found, at = decoder.raw_decode(text, at)
            objects.append(found)
        else:
            at += 1
    return objects


def _older_budget(line: str) -> str:
    """The seed's budget line as the 2019 view: 2015-2020, 2015 added, 2019 pillar 1 revised."""
    totals, budget, spent = _objects(line)
    for frame in (totals, budget, spent):
        frame["categories"] = [2015, *frame["categories"][:-1]]
    budget["p1"] = [OLDER_2015["p1"], *budget["p1"][:-1]]
    budget["p2"] = [OLDER_2015["p2"], *budget["p2"][:-1]]
    spent["p1"] = [OLDER_2015["e1"], *spent["p1"][:-1]]
    spent["p2"] = [OLDER_2015["e2"], *spent["p2"][:-1]]
    for frame in (budget, spent):
        for pillar in ("p3", "p4"):
            frame[pillar] = [None, *frame[pillar][:-1]]
    totals["budget"] = [OLDER_2015["budget"], *totals["budget"][:-1]]
    totals["expenditure"] = [OLDER_2015["expenditure"], *totals["expenditure"][:-1]]
    at = budget["categories"].index(2019)
    totals["budget"][at] = round(totals["budget"][at] - budget["p1"][at] + OLDER_P1_2019, 8)
    budget["p1"][at] = OLDER_P1_2019
    return "2019 " + " ".join(json.dumps(frame) for frame in (totals, budget, spent))


def older_snapshot(seed_text: str) -> str:
    """The synthetic 2019 view of the seed's operation (see the module's docstring)."""
    lines = seed_text.split("\n")
    assert lines[SEED_BUDGET_LINE - 1].startswith("2020 {")
    lines[SEED_BUDGET_LINE - 1] = _older_budget(lines[SEED_BUDGET_LINE - 1])
    text = "\n".join(lines)
    for old, new in (
        ("2020 year-end results", "2019 year-end results"),
        ("2021 planning figures", "2020 planning figures"),
        ("2019 106,489\n2018 88,419", "2018 88,000\n2014 70,000"),
        ("  • 2020\n", ""),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def write_page(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / name
    page.write_text(text, encoding="utf-8")
    return page
