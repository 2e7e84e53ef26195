"""Events: meetings, agreements, rescues and repatriations, as records in ``doc._.events``.

``component`` (factory, ``set_rules``, ``__call__``); ``mentions`` (triggers and cues in the shared
splitter's sentences); ``arguments`` (participants, date, place, count of a mention); ``merge`` (pure:
the mentions of one occurrence become one event); ``model`` and ``settings`` (pure data).
"""

from .component import EventExtractor, make_events

__all__ = ["EventExtractor", "make_events"]
