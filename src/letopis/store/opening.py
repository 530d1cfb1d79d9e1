"""Opening a corpus file: what it is, checked before anything is written; locks between processes.

DuckDB lets one process write a file or several read it. An ingest holds the file only while it writes
a batch, so queries from other processes get in between batches; whoever finds it held waits a little
and then says so in one line.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import duckdb

from letopis.store import derived
from letopis.store.schema import DDL, DERIVED, VERSION

UPGRADABLE = 4  # the oldest schema version an ingest upgrades in place (its derived tables built from the events)

SQLITE = b"SQLite format 3\x00"
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file
# Never install or load an extension (DuckDB would fetch one from the network to read an SQLite file).
CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
READ_WAIT = 10.0  # seconds a query waits for an ingest's batch write to end
WRITE_WAIT = 120.0  # seconds an ingest waits for queries to end


class StoreError(Exception):
    """A corpus that cannot be opened or written, with a message for the user (one line)."""


def check_file(path: Path) -> None:
    """Refuse, before DuckDB touches it, a file that is no DuckDB database."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a corpus file")
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from None
    if head.startswith(SQLITE):
        raise StoreError(f"{path} is an SQLite database, not a letopis corpus")
    if head[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{path} is not a letopis corpus (not a DuckDB database file)")


def connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection, waiting while another process holds the file."""
    deadline = time.monotonic() + (READ_WAIT if read_only else WRITE_WAIT)
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=CONFIG)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                raise StoreError(f"cannot open {path}: {first_line(error)}") from None
            if time.monotonic() > deadline:
                raise StoreError(f"{path} is in use by another letopis process; try again when it ends") from None
            time.sleep(0.05)
        except duckdb.Error as error:
            raise StoreError(f"cannot open {path}: {first_line(error)}") from None


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def check_schema(db: duckdb.DuckDBPyConnection, path: Path, upgrade: bool = False) -> bool:
    """True for a letopis corpus of this schema version, False for an empty database; anything else
    is refused, except a corpus of version 4 or 5 when `upgrade` (a connection for writing): it is brought
    to this version in one transaction (`upgrade_schema`)."""
    tables = {row[0] for row in db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:
        return False
    if "meta" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{path} is a DuckDB database but not a letopis corpus (it holds tables {shown})")
    found = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if found is None or not str(found[0]).isdigit():
        raise StoreError(f"{path} has no letopis schema version: not a letopis corpus")
    if UPGRADABLE <= int(found[0]) < VERSION and upgrade:
        upgrade_schema(db, int(found[0]))
    elif UPGRADABLE <= int(found[0]) < VERSION:
        raise StoreError(
            f"{path} is a letopis corpus of schema version {found[0]}; this letopis reads version {VERSION}:"
            " an ingest into it (of anything, even nothing new) upgrades it"
        )
    elif int(found[0]) != VERSION:
        raise StoreError(
            f"{path} is a letopis corpus of schema version {found[0]}; this letopis reads version {VERSION}:"
            " ingest the documents again into a new file"
        )
    return True


def upgrade_schema(db: duckdb.DuckDBPyConnection, version: int) -> None:
    """Bring a corpus of schema version 4 or 5 to this version in one transaction: its derived tables made
    again from the events (version 5's event index and counterparts lack the names this one keeps beside
    them, and it has no pairs' pages)."""
    db.execute("BEGIN TRANSACTION")
    for table in DERIVED:
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(DDL)
    if version == UPGRADABLE:
        db.execute("INSERT INTO meta VALUES ('unclustered', '0')")
    derived.rebuild(db)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(VERSION)])
    db.execute("COMMIT")


def open_for_reading(path: Path) -> duckdb.DuckDBPyConnection:
    if not path.exists():
        raise StoreError(f"no corpus at {path} (letopis ingest creates one)")
    check_file(path)
    db = connect(path, read_only=True)
    try:
        if not check_schema(db, path):
            raise StoreError(f"{path} is an empty DuckDB database, not a letopis corpus")
    except BaseException:
        db.close()
        raise
    return db


def open_for_writing(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection to a corpus, created (schema and version) when the file is new or empty."""
    if path.exists():
        check_file(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create {path.parent}: {error.strerror or error}") from None
    db = connect(path, read_only=False)
    try:
        if not check_schema(db, path, upgrade=True):
            db.execute(DDL)
            db.execute("INSERT INTO meta VALUES ('schema_version', ?), ('unclustered', '0')", [str(VERSION)])
    except duckdb.Error as error:
        db.close()
        raise StoreError(f"cannot write {path}: {first_line(error)}") from None
    except BaseException:
        db.close()
        raise
    return db


class IngestLock:
    """One ingest at a time per corpus: an exclusive lock on `FILE.lock`, held for the whole ingest."""

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self.fd: int | None = None

    def __enter__(self) -> IngestLock:
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.release()
            raise StoreError(f"another letopis ingest is writing to {self.path.with_suffix('')}") from None
        except OSError as error:
            self.release()
            raise StoreError(f"cannot lock {self.path}: {error.strerror or error}") from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
