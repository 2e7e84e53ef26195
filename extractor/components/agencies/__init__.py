"""AGENCY mentions (package): ``component`` holds the spaCy component; ``phrases`` the settings and the
matcher pass; ``generic``, ``suffix`` and ``acronyms`` the grammar."""

from .candidates import abbreviates, surface_forms
from .component import AgencyTagger, make_agencies

__all__ = ["AgencyTagger", "abbreviates", "make_agencies", "surface_forms"]
