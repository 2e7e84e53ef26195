"""The report's charts: Altair specifications rendered to SVG by vl-convert, with no network access.

Every mark that stands for a cluster links to that cluster's row in the page's table (``#cluster-N``),
where its articles are listed with their links.
"""

from __future__ import annotations

from typing import Any

import regex

TYPE_COLORS = {"MEETING": "#4c78a8", "AGREEMENT": "#72b7b2", "RESCUE": "#e45756", "REPATRIATION": "#f58518"}
TYPE_LABELS = {"RESCUE": "Rescued", "REPATRIATION": "Repatriated"}
WIDTH = 860

# vl-convert resolves relative links against its own data URL; the page's anchors are local
_BASE = regex.compile(r'(xlink:href|href)="https://vega\.github\.io/vega-datasets/#')


def render(spec: dict[str, Any]) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    return _BASE.sub(r'\1="#', svg)


def _anchor(alt: Any) -> Any:
    return alt.Href("link:N")


def timeline(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Clusters over time, one row per type; bigger marks for occurrences reported by more stories."""
    import altair as alt

    values = [dict(r, link=f"#cluster-{r['cluster_id']}") for r in rows]
    chart = alt.Chart(alt.Data(values=values), width=WIDTH, height=190, title="Occurrences over time, by type")
    return chart.mark_point(filled=True, opacity=0.7).encode(
        x=alt.X("day:T", title="date (undated: first article)"),
        y=alt.Y("type:N", title=None, sort=list(TYPE_COLORS)),
        size=alt.Size("n_stories:Q", title="stories", scale=alt.Scale(range=[30, 600])),
        color=alt.Color("type:N", legend=None, scale=alt.Scale(domain=list(TYPE_COLORS),
                                                               range=list(TYPE_COLORS.values()))),
        shape=alt.Shape("dated:N", title="date", scale=alt.Scale(domain=[True, False], range=["circle", "square"]),
                        legend=alt.Legend(labelExpr="datum.value ? 'from the articles' : 'undated'")),
        href=_anchor(alt),
        tooltip=["cluster_id:N", "type:N", "date:N", "place:N", "count:Q", "n_stories:Q"],
    ).to_dict()


def people_per_month(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """People rescued and repatriated per month, stacked by country; one segment per occurrence."""
    import altair as alt

    values = [dict(r, link=f"#cluster-{r['cluster_id']}", what=TYPE_LABELS[r["type"]]) for r in rows]
    people: dict[str, int] = {}
    for r in rows:
        people[r["country"]] = people.get(r["country"], 0) + int(r["count"])
    countries = sorted(people, key=lambda c: (c == "unknown", -people[c], c))  # most people first, unknown last
    bars = alt.Chart(alt.Data(values=values), width=WIDTH, height=170).mark_bar(stroke="white", strokeWidth=0.5).encode(
        x=alt.X("yearmonth(month):T", title="month"),
        y=alt.Y("sum(count):Q", title="people"),
        color=alt.Color("country:N", title="country", sort=countries,
                        scale=alt.Scale(domain=countries, range=_palette(countries))),
        detail="cluster_id:N",
        order=alt.Order("cluster_id:Q"),
        href=_anchor(alt),
        tooltip=["cluster_id:N", "month:T", "country:N", "place:N", "count:Q", "n_stories:Q"],
    )
    return bars.facet(row=alt.Row("what:N", title=None, sort="descending"),  # Rescued, then Repatriated
                      title="People rescued and repatriated per month and country (each occurrence once)").to_dict()


# distinct colours (Tableau 20, dark tones first) and grey for an unknown country
_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#a0cbe8", "#ffbe7d", "#ff9d9a", "#8cd17d", "#b6992d", "#499894", "#d37295", "#fabfd2", "#d4a6c8"]


def _palette(countries: list[str]) -> list[str]:
    return [("#bab0ac" if c == "unknown" else _COLORS[i % len(_COLORS)]) for i, c in enumerate(countries)]


def top_bars(rows: list[dict[str, Any]], label: str, title: str) -> dict[str, Any]:
    """A horizontal bar per official or agency: how many stories name them."""
    import altair as alt

    height = max(120, 18 * len(rows))
    return alt.Chart(alt.Data(values=rows), width=WIDTH // 2 - 120, height=height, title=title).mark_bar(
        color="#4c78a8").encode(
        x=alt.X("n_stories:Q", title="stories"),
        y=alt.Y(f"{label}:N", title=None, sort="-x"),
        tooltip=[f"{label}:N", "n_articles:Q", "n_stories:Q"],
    ).to_dict()
