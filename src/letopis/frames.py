"""pandas DataFrames of records and query rows, for notebooks. pandas is the optional `analysis` extra
(`pip install 'letopis[analysis]'`): it is imported only when a frame is asked for, so `import letopis`
never needs it. This module reads plain rows (the output contract's dicts), nothing of letopis."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

MISSING = "DataFrames need pandas: pip install 'letopis[analysis]' (pandas and pyarrow)"
DATES = ("date", "published")
COLUMNS = {
    "entities": ["document", "id", "type", "name", "country", "sector", "kind", "lat", "lon", "generic",
                 "country_from", "mentions"],
    "occupations": ["document", "person", "name", "position", "where", "where_name", "accredited_to",
                    "where_from", "start", "end", "text"],
    "events": ["document", "id", "type", "mode", "quad", "intensity", "modality", "contexts", "topics", "actor",
               "actor_names", "recipient", "recipient_names", "place", "place_name", "date", "date_precision",
               "confidence"],
    "evidence": ["document", "event", "start", "end", "text"],
}  # fmt: skip


def require() -> None:
    """An ImportError that says how to install pandas when it is missing."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise ImportError(MISSING) from None


def frame(rows: list[dict[str, Any]], columns: list[str] | None = None) -> pd.DataFrame:
    """Rows as a DataFrame; `date` and `published` columns as datetimes (as DuckDB's own conversion gives)."""
    require()
    import pandas as pd

    found = pd.DataFrame(rows, columns=columns)
    for name in DATES:
        if name in found.columns:
            found[name] = pd.to_datetime(found[name])
    return found


def extraction_frames(record: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """An extraction's output-contract dict as four frames: entities, occupations, events, evidence. Each
    row names its document, so frames of many documents can be concatenated."""
    doc = record["id"]
    names = {e["id"]: e["name"] for e in record["entities"]}
    entities = [{**e, "document": doc, "mentions": len(e["mentions"])} for e in record["entities"]]
    occupations = [
        {**o, **o["evidence"], "document": doc, "name": names[o["person"]], "where_name": names.get(o["where"])}
        for o in record["occupations"]
    ]
    events = [
        {**e, "document": doc, "contexts": list(e["contexts"]), "topics": list(e["topics"]),
         "actor": list(e["actor"]), "recipient": list(e["recipient"]),
         "actor_names": [names[a] for a in e["actor"]], "recipient_names": [names[r] for r in e["recipient"]],
         "place_name": names.get(e["place"])}
        for e in record["events"]
    ]  # fmt: skip
    evidence = [{**span, "document": doc, "event": e["id"]} for e in record["events"] for span in e["evidence"]]
    found = {"entities": entities, "occupations": occupations, "events": events, "evidence": evidence}
    return {name: frame(rows, COLUMNS[name]) for name, rows in found.items()}
