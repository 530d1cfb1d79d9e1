"""The order of the role rules, in one place: what `find_roles` does first and what it does with it."""

from __future__ import annotations

from letopis.extractors.entities import Cluster
from letopis.extractors.roles.anaphora import anaphors
from letopis.extractors.roles.context import Context
from letopis.extractors.roles.learned import learned_roles, learned_workplaces
from letopis.extractors.roles.offices import offices
from letopis.extractors.roles.patterns import named_roles
from letopis.extractors.roles.places import document_places
from letopis.extractors.roles.pronouns import pronoun_roles
from letopis.extractors.roles.record import Role
from letopis.extractors.roles.restated import restated
from letopis.extractors.roles.shared import shared_workplaces
from letopis.extractors.roles.titles import singular_positions
from letopis.model import Mention
from letopis.nlp import Parsed


def find_roles(parsed: Parsed, clusters: list[Cluster]) -> list[Role]:
    """The occupations of a document's persons, found in this order:
    1. the patterns (`PATTERNS`): positions stated with a name (`Посол Казахстана Ержан Кистафин`), then
       the attachment model where they are silent (`learned_roles`), and the workplace it links to a role
       that names none (`learned_workplaces`); then a title that still names none takes the workplace of
       the same person's title nearest it in its sentence (`shared_workplaces`: `замглавнокомандующего
       Сухопутными войсками генерал-лейтенант Сергей Скоков`);
    2. offices named without their holder (`Премьер-министр Израиля заявил`) that no titled person may
       hold, given to the untitled person named near them; each phrase becomes a mention of its holder;
    3. role phrases that name no one (`Посол`, `Глава Карачи`), each a mention of the one titled person
       of 1 and 2 it refers to;
    4. for each role phrase of 3 in a sentence that names its holder, the role it restates, once more
       with the phrase as evidence (`restated`);
    5. the roles of posts named without a place, given the place the document gives them.
    Steps 2 and 3 read the same singular position words, found once the patterns are done. Steps 1 and 2
    add to `clusters` each country adjective that places a role (`казахстанский посол`) as a mention of
    its country (made when the text names no such country), and the rules after it read it as a named
    place."""
    context = Context.of(parsed, clusters)
    roles = named_roles(context)
    roles += pronoun_roles(context, roles)
    roles = shared_workplaces(context, learned_workplaces(context, roles + learned_roles(context, roles)))
    singular = singular_positions(context)
    held = offices(context, roles, singular)
    for role in held:
        role.person.anaphors.append(Mention(role.evidence.start, role.evidence.end, role.evidence.text, True))
    roles += held
    found = anaphors(context, roles, singular)
    for person, mention in found:
        person.anaphors.append(mention)
    return document_places(context, roles + restated(context, roles, found))
