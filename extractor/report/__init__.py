"""``warta report``: one self-contained HTML page from a ``warta aggregate`` database.

No network: the charts are SVG inlined in the page, the styles are in it, there is no script. The
numbers come from the queries in :mod:`.data`; :mod:`.charts` draws them; ``report.html`` lays them out.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import Errors, UsageError
from .charts import people_per_month, render, timeline, top_bars
from .data import read_report_data

FIGURE_LABELS = (("articles", "articles"), ("stories", "stories (near-duplicates once)"),
                 ("events", "events in articles"), ("clusters", "occurrences"),
                 ("rescued", "people rescued"), ("repatriated", "people repatriated"))


def render_report(database: Path, top: int = 15) -> str:
    """The page as a string."""
    import jinja2

    data = read_report_data(database, top)
    env = jinja2.Environment(loader=jinja2.PackageLoader("extractor", "report"),
                             autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html").render(
        name=database.name, figures=data.figures, figure_labels=FIGURE_LABELS, clusters=data.clusters,
        timeline_svg=render(timeline(data.timeline)), people_svg=render(people_per_month(data.monthly)),
        officials_svg=render(top_bars(data.officials, "name", "Officials (stories naming them)")),
        agencies_svg=render(top_bars(data.agencies, "label", "Agencies (stories naming them)")))


def write_report(database: Path, output: Path, top: int = 15) -> None:
    """Write the page to ``output`` atomically."""
    page = render_report(database, top)
    try:
        directory = output.resolve().parent
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is meant to be shared
        os.replace(tmp, output)
    except OSError as exc:
        raise UsageError(Errors.E504.format(path=output, detail=exc)) from None
