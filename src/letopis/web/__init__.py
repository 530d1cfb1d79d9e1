"""The web app and REST API over a corpus (docs/web.md). Rooms: `corpus` (the app's one store, its
lock, extraction and storing of pasted articles), `paging` (opaque cursors), `schemas` (pydantic
response models), `views` (what a page shows, shared by the page and its JSON twin; an article's
marks come from `letopis.markup`), `charts` (inline SVG), `labels` (Russian and English), `api` and `pages` (routers),
`app` (`create_app`)."""

from letopis.web.app import create_app

__all__ = ["create_app"]
