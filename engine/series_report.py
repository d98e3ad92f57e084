"""HTML reports of a series: a matplotlib line chart per zone, the trend table and map pictures.

Every picture is a PNG embedded as base64, so the one HTML file opens anywhere (QGIS's
results viewer, any browser, an e-mail attachment). Charts use matplotlib's Agg canvas
directly (no pyplot state, safe in QGIS's worker threads).
"""

from __future__ import annotations

import base64
import html
import io
import os
from dataclasses import dataclass, field

import numpy as np

from .i18n import language, tr
from .raster import commit_output, remove_quietly, temporary_path

MAX_ZONE_CHARTS = 24
MAP_PIXELS = 900  # longest side of the map pictures
CHANGE_COLOURS = {
    0: ("#f2f2f2", "never water"),
    1: ("#0b3d91", "permanent water"),
    2: ("#2ca02c", "new water"),
    3: ("#d62728", "lost water"),
    4: ("#6baed6", "seasonal water"),
}


@dataclass
class ZoneSeries:
    """One zone's values over the dates (None: not observed) and its trend."""

    name: str
    values: list[float | None]
    low_observation: list[bool]
    trend: object  # series.Trend


@dataclass
class Report:
    """What a series report shows."""

    title: str
    labels: list[str]  # date labels
    years: list[float]  # decimal years
    quantity: str  # e.g. "Water area"
    unit: str  # unit of ``values``, e.g. "m2" or "share"
    zones: list[ZoneSeries]
    notes: list[str] = field(default_factory=list)
    pictures: list[tuple[str, bytes]] = field(default_factory=list)
    chart_quantity: str = ""  # ``quantity`` as the charts draw it (``chart_tr``)


def _png(figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    return buf.getvalue()


def _scale(unit: str, values: list[float | None]) -> tuple[float, str]:
    if unit != "m2":
        return 1.0, unit
    top = max((abs(v) for v in values if v is not None), default=0.0)
    if top >= 1e6:
        return 1e-6, "km²"
    if top >= 1e4:
        return 1e-4, "ha"
    return 1.0, "m²"


def zone_chart(report: Report, zone: ZoneSeries) -> bytes:
    """A line chart of one zone's values over time, low-observation dates hollow, Sen's slope dashed.

    Args:
        report: the report (unit, dates).
        zone: the zone's series.

    Returns:
        bytes: the chart as PNG.
    """
    from matplotlib.figure import Figure

    factor, unit = _scale(report.unit, zone.values)
    fig = Figure(figsize=(7.5, 3.2))
    ax = fig.add_subplot(1, 1, 1)
    xs = np.array(report.years)
    ys = np.array([np.nan if v is None else v * factor for v in zone.values], dtype=float)
    ax.plot(xs, ys, "-", color="#1f5fa8", lw=1.6, zorder=2)
    good = np.array([not low for low in zone.low_observation]) & np.isfinite(ys)
    low = np.array(zone.low_observation) & np.isfinite(ys)
    ax.plot(xs[good], ys[good], "o", color="#1f5fa8", ms=5, zorder=3, label=chart_tr("observed"))
    if low.any():
        label = chart_tr("flagged (left out of the trend)")
        ax.plot(xs[low], ys[low], "o", mfc="white", mec="#1f5fa8", ms=5, zorder=3, label=label)
    trend = zone.trend
    if trend.slope_per_year is not None and good.any():
        t0, y0 = np.median(xs[good]), np.median(ys[good])
        line = y0 + trend.slope_per_year * factor * (xs - t0)
        label = chart_tr("Sen's slope (p = {p})").format(p=f"{trend.p_value:.2g}")
        ax.plot(xs, line, "--", color="#c0392b", lw=1.2, zorder=1, label=label)
    quantity = report.chart_quantity or report.quantity
    ax.set_ylabel(f"{quantity} ({unit})" if unit else quantity)
    ax.set_title(zone.name, fontsize=10)
    ax.set_xticks(xs)
    ax.set_xticklabels(report.labels, rotation=45, ha="right", fontsize=8)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    return _png(fig)


def occurrence_picture(path: str) -> bytes:
    """The occurrence raster (0..1, nodata transparent) on a blue ramp with a colour bar.

    Args:
        path: the water occurrence raster (first band, negative values are nodata).

    Returns:
        bytes: the picture as PNG.
    """
    from matplotlib.figure import Figure

    data = _thumbnail(path)
    shown = np.ma.masked_less(data, 0.0)
    fig = Figure(figsize=(7.5, 7.5 * data.shape[0] / max(data.shape[1], 1) + 0.6))
    ax = fig.add_subplot(1, 1, 1)
    image = ax.imshow(shown, cmap="Blues", vmin=0.0, vmax=1.0, interpolation="nearest")
    ax.set_axis_off()
    ax.set_title(chart_tr("Water occurrence (share of valid observations that were water)"), fontsize=10)
    fig.colorbar(image, ax=ax, fraction=0.035, pad=0.02)
    return _png(fig)


def change_picture(path: str) -> bytes:
    """The change classes with their legend.

    Args:
        path: the water change raster (first band, class codes, 255 is nodata).

    Returns:
        bytes: the picture as PNG.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    data = _thumbnail(path)
    shown = np.ma.masked_equal(data, 255)
    codes = sorted(CHANGE_COLOURS)
    cmap = ListedColormap([CHANGE_COLOURS[c][0] for c in codes])
    fig = Figure(figsize=(7.5, 7.5 * data.shape[0] / max(data.shape[1], 1) + 0.9))
    ax = fig.add_subplot(1, 1, 1)
    ax.imshow(shown, cmap=cmap, vmin=-0.5, vmax=len(codes) - 0.5, interpolation="nearest")
    ax.set_axis_off()
    ax.set_title(chart_tr("Water change between the first and last observation"), fontsize=10)
    handles = [Patch(facecolor=CHANGE_COLOURS[c][0], edgecolor="#555", label=_change_label(c)) for c in codes]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=5, fontsize=8, frameon=False)
    return _png(fig)


def chart_tr(text: str) -> str:
    """``text`` in the user's language as a chart draws it.

    matplotlib draws Hangul only with a Korean font installed (``fonts-nanum`` on Debian); without
    one, a Korean chart keeps the English text rather than showing empty boxes. The HTML around
    the charts is always translated (the browser has its own fonts).

    Args:
        text: the English text (the catalogue key).

    Returns:
        str: the translation, or ``text``.
    """
    if language() == "ko" and not _hangul_font():
        return text
    return tr(text)


_hangul_font_found: list[bool] = []
_HANGUL_FONTS = ("nanum", "noto sans cjk", "noto serif cjk", "malgun", "un batang", "undotum", "baekmuk")


def _hangul_font() -> bool:
    if not _hangul_font_found:
        from matplotlib import font_manager

        names = {f.name.lower() for f in font_manager.fontManager.ttflist}
        _hangul_font_found.append(any(k in n for n in names for k in _HANGUL_FONTS))
    return _hangul_font_found[0]


def _change_label(code: int) -> str:
    return {
        0: chart_tr("never water"),
        1: chart_tr("permanent water"),
        2: chart_tr("new water"),
        3: chart_tr("lost water"),
        4: chart_tr("seasonal water"),
    }[code]


def _thumbnail(path: str) -> np.ndarray:
    import rasterio
    from rasterio.enums import Resampling

    with rasterio.open(path) as ds:
        factor = max(1.0, max(ds.width, ds.height) / MAP_PIXELS)
        shape = (max(1, int(ds.height / factor)), max(1, int(ds.width / factor)))
        return ds.read(1, out_shape=shape, resampling=Resampling.nearest)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "NULL"
    if unit == "m2":
        return f"{value:,.0f}"
    return f"{value:.4f}"


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page.

    Args:
        report: the series report (zones, trends, values, pictures); charts are embedded as PNG.
    """
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{esc(report.title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;color:#222}"
        "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
        "th{background:#eef}td.n{text-align:left}img{max-width:100%}.low{color:#999}</style></head><body>",
        f"<h1>{esc(report.title)}</h1>",
        "<p>"
        + esc(
            tr("{n} dates: {labels}; {zones} zone(s).").format(
                n=len(report.labels), labels=", ".join(report.labels), zones=len(report.zones)
            )
        )
        + "</p>",
    ]
    for note in report.notes:
        parts.append(f"<p>{esc(note)}</p>")
    unit_label = "m²" if report.unit == "m2" else report.unit
    zone_head = esc(tr("zone"))
    # Text nodes need no quote escaping (and "Sen's" stays searchable in the page).
    slope_head = html.escape(tr("Sen's slope ({unit}/year)").format(unit=unit_label), quote=False)
    parts.append(f"<h2>{esc(tr('Trend per zone'))}</h2><table><tr><th>{zone_head}</th><th>{slope_head}</th>")
    parts.append(f"<th>{esc(tr('Mann-Kendall p'))}</th><th>{esc(tr('dates used'))}</th></tr>")
    for z in report.zones:
        t = z.trend
        if t.slope_per_year is None:
            slope = "n/a"
        else:
            slope = f"{t.slope_per_year:+,.0f}" if report.unit == "m2" else f"{t.slope_per_year:+.4f}"
        p = "n/a" if t.p_value is None else f"{t.p_value:.3g}"
        parts.append(f"<tr><td class='n'>{esc(z.name)}</td><td>{slope}</td><td>{p}</td><td>{t.n}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{esc(tr('{quantity} over time').format(quantity=report.quantity))}</h2>")
    for z in report.zones[:MAX_ZONE_CHARTS]:
        data = base64.b64encode(zone_chart(report, z)).decode("ascii")
        parts.append(f"<p><img alt='{esc(z.name)}' src='data:image/png;base64,{data}'></p>")
    if len(report.zones) > MAX_ZONE_CHARTS:
        text = tr("Charts for the first {n} zones; the table below and the output layer have all.")
        parts.append(f"<p>{esc(text.format(n=MAX_ZONE_CHARTS))}</p>")
    for caption, png in report.pictures:
        data = base64.b64encode(png).decode("ascii")
        parts.append(f"<h2>{esc(caption)}</h2><p><img alt='{esc(caption)}' src='data:image/png;base64,{data}'></p>")
    values = tr("Values ({unit}; NULL: not observed; grey: low observation)").format(unit=unit_label)
    parts.append(f"<h2>{esc(values)}</h2><table><tr><th>{zone_head}</th>")
    parts.extend(f"<th>{esc(label)}</th>" for label in report.labels)
    parts.append("</tr>")
    for z in report.zones:
        cells = "".join(
            f"<td{' class=low' if low else ''}>{_fmt(v, report.unit)}</td>"
            for v, low in zip(z.values, z.low_observation)
        )
        parts.append(f"<tr><td class='n'>{esc(z.name)}</td>{cells}</tr>")
    parts.append("</table></body></html>")
    return "".join(parts)


def write_report(report: Report, path: str) -> None:
    """Write the HTML report (through a temporary file, then moved into place).

    Args:
        report: the report's content.
        path: the HTML file.
    """
    tmp = temporary_path(path)
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(render_html(report))
        commit_output(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise


def write_water_report(result, path: str, title: str, occurrence_path: str | None, change_path: str | None) -> None:
    """Write the report of a ``series.water_series`` run: area charts, trends, occurrence and change maps.

    Args:
        result: the ``WaterSeriesResult``.
        path: the HTML file.
        title: the report's title.
        occurrence_path: the occurrence raster to show, or None.
        change_path: the change class raster to show, or None.
    """
    n = len(result.dates)
    zones = []
    names = result.zone_names or [tr("zone {k}").format(k=k + 1) for k in range(result.zones)]
    for z in range(result.zones):
        rows = [result.figures(z, d) for d in range(n)]
        zones.append(
            ZoneSeries(names[z], [r.water_m2 for r in rows], [r.low_observation for r in rows], result.trends[z])
        )
    report = Report(
        title=title,
        labels=[d.label for d in result.dates],
        years=[d.decimal_year for d in result.dates],
        quantity=tr("Water area"),
        chart_quantity=chart_tr("Water area"),
        unit="m2",
        zones=zones,
        notes=[
            tr(
                "Areas are true square metres ({method}) on the grid of {grid}. Dates observed over less than "
                "{percent} % of a zone are marked as low observation and left out of the trend."
            ).format(
                method=result.equal_area,
                grid=os.path.basename(result.reference.path),
                percent=f"{100 * result.min_observed:.0f}",
            ),
            tr("Trend: Sen's slope of the water area per year, p-value of the Mann-Kendall test (two-sided)."),
        ],
    )
    if occurrence_path:
        report.pictures.append((tr("Water occurrence (Pekel et al. 2016)"), occurrence_picture(occurrence_path)))
    if change_path:
        report.pictures.append((tr("Water change classes"), change_picture(change_path)))
    write_report(report, path)


def write_green_report(result, path: str, title: str) -> None:
    """Write the report of a ``series.green_series`` run: green-ratio charts, trends, season warnings.

    Args:
        result: the ``GreenSeriesResult``.
        path: the HTML file.
        title: the report's title.
    """
    n = len(result.dates)
    zones = []
    for z in range(result.zones):
        rows = [result.figures(z, d) for d in range(n)]
        low = [r["low_observation"] or bool(r["season_warning"]) for r in rows]
        zones.append(ZoneSeries(result.zone_names[z], [r["green_ratio"] for r in rows], low, result.trends[z]))
    notes = [
        tr(
            "Model {model}. Green ratio = vegetation area / valid (cloud-free, not nodata) area, in true "
            "square metres on each date's own grid. Dates observed over less than {percent} % of a zone, "
            "or with a season warning, are marked and left out of the trend."
        ).format(model=result.model, percent=f"{100 * result.min_observed:.0f}"),
        tr("Trend: Sen's slope of the green ratio per year, p-value of the Mann-Kendall test (two-sided)."),
    ]
    for d, season in zip(result.dates, result.seasons):
        if season.warnings:
            notes.append(tr("Season warning {label}: {text}").format(label=d.label, text=season.warning_text))
    report = Report(
        title=title,
        labels=[d.label for d in result.dates],
        years=[d.decimal_year for d in result.dates],
        quantity=tr("Green ratio"),
        chart_quantity=chart_tr("Green ratio"),
        unit="share",
        zones=zones,
        notes=notes,
    )
    write_report(report, path)
