"""`create_app(db_path, token)`: the FastAPI app over one corpus, its pages, API and static files."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from letopis.store import StoreError
from letopis.web import api, pages
from letopis.web.cache import AnswerCache, Answers
from letopis.web.corpus import MAX_UPLOAD, Corpus

SWAGGER = "/static/vendor/swagger-ui-dist-5.32.6"
MAX_QUERY = 4_000  # characters of a query string
MAX_BODY = MAX_UPLOAD + 100_000  # bytes of a request body (an upload and its form)
STATUS = {ValueError: 400, api.NotFound: 404, api.Refused: 401, StoreError: 409}


async def limits(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """Refuse an overlong query string or body before it is read."""
    if len(request.url.query) > MAX_QUERY:
        return JSONResponse({"detail": f"the query string is over {MAX_QUERY:,} characters"}, status_code=414)
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_BODY:
        return JSONResponse({"detail": f"the request body is over {MAX_BODY:,} bytes"}, status_code=413)
    return await call_next(request)


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
    app.middleware("http")(limits)
    app.add_middleware(BaseHTTPMiddleware, dispatch=headers)
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


async def headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
    """No script from elsewhere, no inline script at all; pages not framed."""
    response = await call_next(request)
    if request.url.path == "/api/docs":  # Swagger UI starts with an inline script
        return response
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
