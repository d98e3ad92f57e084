"""The flood-impact-on-poverty workflow through qgis_process (the demo's run).
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_workflows.py."""

from ..processing.test_workflows import features


def test_flood_impact_on_poverty_through_qgis_process(qgis_process_runner, s2_chip, s1_chip, tmp_path):
    """The demo's run: qgis_process, the 5 km Sen1Floods11 chip (larger than one 1.87 km poverty
    chip), optical before and radar after; most cells get a development score, none is invented."""
    cells, priority = tmp_path / "cells.gpkg", tmp_path / "priority.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:Flood impact on poverty",
        "--",
        f"before={s2_chip}",
        f"after={s1_chip}",
        f"imagery={s2_chip}",
        "cell_size=1000",
        f"flood:flood_change={tmp_path / 'change.tif'}",
        "flood:flood_cells=TEMPORARY_OUTPUT",
        f"poverty:cells_scored={cells}",
        f"poor_and_flooded:poor_and_flooded={priority}",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    scored = features(cells)
    with_score = [c for c in scored if c["score"] is not None]
    assert len(scored) == 30 and len(with_score) >= len(scored) // 2, (len(scored), len(with_score))
    assert all(0 <= c["score_percentile"] <= 100 for c in with_score)
    # the priority cells are exactly the damaged cells at or below the 40th percentile (the default)
    key = ("score", "score_percentile", "flooded_share")
    expected = {tuple(c[k] for k in key) for c in with_score if c["damaged"] == 1 and c["score_percentile"] <= 40}
    assert {tuple(c[k] for k in key) for c in features(priority)} == expected
