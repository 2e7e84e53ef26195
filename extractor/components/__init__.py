"""Warta's spaCy components, one module each, in pipeline order.

Importing this package registers every component factory and rule kind.
"""

from . import places  # noqa: F401  countries and locations
