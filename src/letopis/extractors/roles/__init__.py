"""Occupations (person -> position -> where -> accredited_to), role phrases that refer back to a
person already named (`Посол`, `Глава Карачи`, `Глава казахстанской дипмиссии`) and offices named
without their holder (`Премьер-министр Израиля заявил`); `find_roles` gives their order."""

from letopis.extractors.roles.find import find_roles
from letopis.extractors.roles.record import Role

__all__ = ["Role", "find_roles"]
