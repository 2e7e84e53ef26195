"""Warta's spaCy components, one module each, in pipeline order.

Importing this package registers every component factory and rule kind.
"""

# ruff: noqa: I001  (imports follow the pipeline order, not the alphabet)
from . import boilerplate  # noqa: F401  page chrome (first)
from . import places  # noqa: F401  countries and locations
from . import byline  # noqa: F401  authors from the byline (before officials: authors are never officials)
from . import agencies  # noqa: F401  agencies (after places: a country after a name joins the agency)
from . import officials  # noqa: F401  officials (after agencies: a title names its agency)
from . import dates  # noqa: F401  dates and the reference date
from . import case_counts  # noqa: F401  case counts (after dates: reads DATE mentions)
from . import events  # noqa: F401  events from the mentions above (last)
