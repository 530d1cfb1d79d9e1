"""Named entities: natasha NER spans, quoted organisation names and organisation + owner tails, grouped
into one entity per real-world thing in the document.

Rooms: `records` (`Candidate`, `Cluster`), `words` (word tests the steps share), `candidates` (NER's
mentions corrected, names it left out), `quoted` (quoted names and titles of works), `owners` (owner
tails), `descriptions` (organisations named by a description), `finder` (`EntityFinder`, the steps in
their order), `clusters` (mentions grouped into entities; the document's countries), `arguments` (mentions
as the attachment model's arguments)."""

from letopis.extractors.entities.arguments import named_arguments
from letopis.extractors.entities.clusters import Countries, cluster, prefer_named_countries
from letopis.extractors.entities.finder import EntityFinder
from letopis.extractors.entities.records import Candidate, Cluster
from letopis.extractors.entities.words import org_sector_word

__all__ = ["Candidate", "Cluster", "Countries", "EntityFinder", "cluster", "named_arguments", "org_sector_word",
           "prefer_named_countries"]
