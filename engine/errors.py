"""Exceptions raised by the engine.

The Processing layer turns every ``EngineError`` into a ``QgsProcessingException``
with the same message, so messages are written for the analyst who reads them.
"""


class EngineError(Exception):
    """A problem with the input, the model or the output that the user can fix."""


class CardError(EngineError):
    """A model file whose card is missing, malformed or does not match its graph."""


class BandError(EngineError):
    """A band the model needs cannot be found in the raster."""


class Cancelled(EngineError):
    """The run was cancelled by the user; nothing was written under the output name."""
