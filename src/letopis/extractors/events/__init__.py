"""Events: PLOVER type and mode from Russian triggers, then actors, recipients, place, date, topics,
contexts and modality from the sentence's syntax and the article's discourse (docs/events.md).

- One event per trigger type and sentence (`провел переговоры ..., где обсудил ...` is one CONSULT).
- Actor: the subject of the trigger (a name, a resolved role phrase such as `Глава Карачи`, `стороны`
  for both sides of the meeting, or a country adjective: `представители пакистанских кругов`); a
  passive or subject-less cooperative sentence takes the report's protagonist (the person whose
  activity the article is about).
- Recipients: participants in `с` + instrumental (`с комиссаром Карачи ...`, `с руководством
  "Портового Терминала Карачи"`); for a visit and for other types, what follows the trigger in its
  clause (`посетил компании ...`, `в Казахстан`).
- Place: a location after `в`/`на` (`в Карачи`), the destination of a visit, else the destination of
  the trip the report is about, else the dateline's place. Date: a date in the sentence, else the
  dateline's, else the publication date; never later than publication unless the statement is about
  the future.
- The same event reported twice (headline and body) is one event with two evidence spans.

Modules, in the order `find_events` runs them: `triggers` (lexicon and matching), `context` (what every
step reads), `arguments`, `modality`, `where_when`, `topics`, `merging`; `coding` turns drafts into
`Event` records.
"""

from letopis.extractors.events.coding import finish
from letopis.extractors.events.find import find_events
from letopis.extractors.events.records import Draft

__all__ = ["Draft", "find_events", "finish"]
