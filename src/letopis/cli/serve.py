"""`letopis serve`: the web app and REST API over a corpus (docs/web.md)."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from letopis.cli.options import DB, DEFAULT_DB
from letopis.cli.output import say, user_errors


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: DB = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="The address to bind; other than loopback needs --token")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="The port")] = 8000,
    token: Annotated[str | None, typer.Option(help="Pasting articles needs this token (X-Letopis-Token)")] = None,
) -> None:
    """Serve the web app and the REST API (/api, docs at /api/docs) over a corpus."""
    import uvicorn

    from letopis.web import create_app

    if not loopback(host) and not token:
        say(f"letopis: serving on {host}, beyond this machine, needs --token for the write endpoints")
        raise typer.Exit(1)
    with user_errors():
        app = create_app(db, token)
    typer.echo(f"letopis: serving {db} at http://{host}:{port}/ (API docs: http://{host}:{port}/api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning", http="httptools")
