"""SatImpact engine: QGIS-free core (model cards, band matching, tiled ONNX runs).

Nothing here imports ``qgis``; the Processing layer resolves layers to files and
calls in. That keeps the engine testable on its own and runnable elsewhere
(a cluster, a notebook) later.
"""

from .errors import BandError, Cancelled, CardError, EngineError  # noqa: F401
