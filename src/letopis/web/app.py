"""`create_app(db_path, token)`: the FastAPI app over one corpus, its pages, API and static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from letopis.store import StoreError
from letopis.web import api, pages
from letopis.web.cache import AnswerCache, Answers
from letopis.web.corpus import MAX_UPLOAD, Corpus

SWAGGER = "/static/vendor/swagger-ui-dist-5.32.6"
MAX_QUERY = 4_000  # characters of a query string
MAX_BODY = MAX_UPLOAD + 100_000  # bytes of a request body (an upload and its form)
STATUS = {ValueError: 400, api.NotFound: 404, api.Refused: 401, StoreError: 409}


CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
SECURITY = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff")]


def refusal(scope: Scope) -> JSONResponse | None:
    """An overlong query string or body, refused before it is read."""
    if len(scope["query_string"]) > MAX_QUERY:
        return JSONResponse({"detail": f"the query string is over {MAX_QUERY:,} characters"}, status_code=414)
    length = dict(scope["headers"]).get(b"content-length", b"0")
    if not length.isdigit() or int(length) > MAX_BODY:
        return JSONResponse({"detail": f"the request body is over {MAX_BODY:,} bytes"}, status_code=413)
    return None


class Guard:
    """ASGI middleware: the limits of a request (`refusal`), and on every answer no script from elsewhere,
    no inline script at all, pages not framed (`/api/docs` excepted: Swagger UI starts with an inline
    script). Plain ASGI, where Starlette's BaseHTTPMiddleware cost about 2 ms of CPU a request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start" and scope["path"] != "/api/docs":
                message["headers"] = [*message.get("headers", []), *SECURITY]
            await send(message)

        refused = refusal(scope)
        await (refused or self.app)(scope, receive, secured)


def problem(request: Request, status: int, detail: str) -> Response:
    """A JSON problem under /api, an error page elsewhere."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": detail}, status_code=status)
    return pages.error(request, status, detail)


def invalid(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    """The app over the corpus at `db_path` (opened read-only; a missing or bad file raises StoreError),
    its API's answers cached until the corpus changes. With a `token`, pasting an article needs it."""
    app = FastAPI(title="letopis", summary="Russian news as a verifiable chronicle: people, roles, events",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # fmt: skip
    app.state.corpus = corpus = Corpus(Path(db_path))
    app.state.token = token
    app.add_middleware(Guard)
    app.state.answers = Answers()
    app.add_middleware(AnswerCache, version=corpus.version, answers=app.state.answers)  # outermost: all headers
    app.get("/api/docs", include_in_schema=False)(docs)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    for kind, status in STATUS.items():
        app.add_exception_handler(kind, lambda r, e, s=status: problem(r, s, str(e)))
    app.add_exception_handler(RequestValidationError, lambda r, e: problem(r, 400, invalid(e)))
    app.add_exception_handler(HTTPException, lambda r, e: problem(r, e.status_code, str(e.detail)))
    return app


def docs() -> Response:
    """Swagger UI over the OpenAPI schema, its script and style served from the package."""
    return get_swagger_ui_html(
        openapi_url="/api/openapi.json", title="letopis API", swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
        swagger_css_url=f"{SWAGGER}/swagger-ui.css", swagger_favicon_url="/static/favicon.svg",
    )
