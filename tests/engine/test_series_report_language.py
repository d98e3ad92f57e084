"""The series report in the user's language: the HTML is Korean, the charts stay readable."""

import re

from satimpact.engine import i18n, series_report
from satimpact.engine.series_report import Report, ZoneSeries, chart_tr, render_html

HANGUL = re.compile("[\uac00-\ud7a3]")


class _Trend:
    slope_per_year = -1200.0
    p_value = 0.04
    n = 3


def _report() -> Report:
    return Report(
        title="Pucallpa",
        labels=["1985", "1990", "1995"],
        years=[1985.5, 1990.5, 1995.5],
        quantity=i18n.tr("Water area"),
        chart_quantity=chart_tr("Water area"),
        unit="m2",
        zones=[ZoneSeries(i18n.tr("zone {k}").format(k=1), [3.0e6, 2.5e6, None], [False, False, True], _Trend())],
        notes=[i18n.tr("Trend: Sen's slope of the water area per year, p-value of the Mann-Kendall test (two-sided).")],
    )


def test_report_html_in_korean_and_english():
    try:
        assert i18n.set_language("ko") == "ko"
        korean = render_html(_report())
        # Every heading and note of the page is Korean; the numbers and dates are the same.
        for text in ("구역별 추세", "수체 면적", "구역 1", "Mann-Kendall", "Sen 기울기"):
            assert text in korean, text
        # Without a Korean font matplotlib would draw empty boxes: the chart keeps English then.
        expected = "수체 면적" if series_report._hangul_font() else "Water area"
        assert chart_tr("Water area") == expected
    finally:
        i18n.set_language("en")
    english = render_html(_report())
    assert not HANGUL.search(english)
    assert "Trend per zone" in english and "Water area" in english
    # Same figures in both languages.
    assert re.findall(r"<td>[-+0-9,.]+</td>", korean) == re.findall(r"<td>[-+0-9,.]+</td>", english)
