"""OFFICIAL mentions (package): ``component`` holds the spaCy component; ``titles`` and ``names`` the title
and name grammar; ``coref`` the in-article coreference over the pure ``persons`` module."""

from .component import OfficialTagger, make_officials

__all__ = ["OfficialTagger", "make_officials"]
