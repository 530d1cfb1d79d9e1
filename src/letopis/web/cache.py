"""The API's answers to GET requests, kept in a small cache (the corpus is read far more often than it is
written). An answer is keyed by its path and its query in a normal order, and made under the corpus's
`version`: once the version moves on (an article stored through the app, the file written by another
process), every answer made before is dropped and none made meanwhile is kept."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ENTRIES = 512  # answers kept at most
SIZE = 32_000_000  # bytes of kept answers at most
LARGEST = 1_000_000  # bytes of an answer kept (larger ones, as exports, are made again)


@dataclass(frozen=True, slots=True)
class Answer:
    start: Message  # status and headers
    body: bytes


class Answers:
    """The answers made under one version of the corpus, the least recently used dropped first."""

    def __init__(self, entries: int = ENTRIES, size: int = SIZE) -> None:
        self.entries, self.size = entries, size
        self.kept: OrderedDict[str, Answer] = OrderedDict()
        self.held = 0
        self.version: Hashable = None

    def get(self, key: str, version: Hashable) -> Answer | None:
        """The answer to `key` under `version`; a version not seen before empties the cache."""
        if version != self.version:
            self.kept.clear()
            self.held = 0
            self.version = version
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
        return found

    def put(self, key: str, version: Hashable, answer: Answer) -> None:
        """Keep an answer made under `version`, unless the corpus has changed since."""
        if version != self.version or len(answer.body) > min(LARGEST, self.size) or key in self.kept:
            return
        self.kept[key] = answer
        self.held += len(answer.body)
        while len(self.kept) > self.entries or self.held > self.size:
            self.held -= len(self.kept.popitem(last=False)[1].body)


def normal(path: str, query: bytes) -> str:
    """`path?query` with the query's parameters ordered by name (the values of a repeated one keep theirs)."""
    pairs = sorted(parse_qsl(query.decode("latin-1"), keep_blank_values=True), key=lambda pair: pair[0])
    return f"{path}?{urlencode(pairs)}"


class AnswerCache:
    """ASGI middleware: a GET under /api is answered from `Answers` when it was answered before under the
    same `version()`; a 200 answer is kept."""

    def __init__(self, app: ASGIApp, version: Callable[[], Hashable], answers: Answers | None = None) -> None:
        self.app = app
        self.version = version
        self.answers = answers if answers is not None else Answers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        key, version = normal(scope["path"], scope["query_string"]), self.version()
        found = self.answers.get(key, version)
        if found is not None:
            await send(found.start)
            await send({"type": "http.response.body", "body": found.body})
            return
        start: list[Message] = []
        body: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.append(message)
            elif message["type"] == "http.response.body" and sum(map(len, body)) <= LARGEST:
                body.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        if start and start[0]["status"] == 200:
            self.answers.put(key, version, Answer(start[0], b"".join(body)))
