"""factRuEval-2016 Track 3 scored as the competition scored it: letopis' facts written as the official
`.task3` response files and the official scorer (`scripts/t3_eval.py` of the benchmark, easy mode) run
on them. The scorer is the benchmark's own program; letopis only writes its input and reads its table.

What is written, once per document:
- **Occupation**: one fact per person, position and workplace (`Who`, `Position` as the text gives it,
  `Where`); an owner or founder is an **Ownership** instead (`Owner`, `Property`). factRuEval's
  Occupation is a person at an organisation or place (206 of the devset's 207 facts have a `Where`), so
  an occupation with no workplace (`певец Адриано Челентано`) is not written, as `fact.Occupation` of
  the project's scorer leaves it out.
- **Meeting**: one fact per CONSULT event that has two participants or more (`meeting_parties`): a
  `Participant` per person or organisation among its actors and recipients. factRuEval's Meeting is
  people or organisations meeting; a place is none (a country visited, the country of a president
  who came), though PLOVER names it a party.
- Deal is not written: letopis has no deal event (PLOVER files trade under AGREE and COOPERATE)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from letopis.evaluate.score import Report, stem
from letopis.lexicon import position_class
from letopis.model import Event, Extraction, Occupation

DEFAULT_SCRIPTS = Path("../shared/benchmarks/factRuEval-2016/scripts")
TAGS = ("occupation", "meeting", "ownership", "deal", "overall")
ROW = re.compile(r"^(\w+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class Official:
    """One row of the official scorer's table."""

    precision: float
    recall: float
    f1: float
    in_gold: int
    in_response: int


def half(name: str) -> str:
    """The devset half a document belongs to (`tune` or `check`), fixed once by a hash of its name:
    rules are developed on `tune`; `check` is only reported."""
    return "check" if int(hashlib.sha256(f"letopis-factru-{name}".encode()).hexdigest(), 16) % 2 else "tune"


def position_text(job: Occupation) -> str:
    """The position as the text words it (`председателем`), for the scorer compares strings: the words
    of the evidence from the first to the last that share a stem with a word of the position."""
    words = job.evidence.text.split()
    wanted = {stem(w) for w in job.position.split()}
    hits = [i for i, w in enumerate(words) if stem(w.strip(",.;:«»\"()").lower()) in wanted]
    return " ".join(words[hits[0] : hits[-1] + 1]).strip(",.;:«»\"()") if hits else job.position


def workplace_text(job: Occupation, result: Extraction) -> str | None:
    """The workplace as the occupation's own words name it (`российского МИДа`), for the scorer compares
    strings with the gold's mention texts; the entity's name when no mention lies in the evidence."""
    if job.where is None:
        return None
    entity = next(e for e in result.entities if e.id == job.where)
    inside = [m for m in entity.mentions if job.evidence.start <= m.start and m.end <= job.evidence.end]
    return inside[0].text if inside else entity.name


def meeting_parties(event: Event, result: Extraction, least: int = 2) -> tuple[str, ...]:
    """The persons and organisations of a CONSULT event, when there are `least` or more: a factRuEval
    Meeting; else none."""
    if event.type != "CONSULT":
        return ()
    types = {e.id: e.type for e in result.entities}
    parties = tuple(dict.fromkeys(p for p in event.actor + event.recipient if types[p] != "LOC"))
    return parties if len(parties) >= least else ()


def task3(result: Extraction) -> str:
    """The `.task3` response of one document: facts separated by blank lines, `Slot : value` lines."""
    names = {e.id: e.name for e in result.entities}
    facts: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for job in result.occupations:
        where = workplace_text(job, result)
        if where is None:
            continue
        if position_class(job.position) == "owner":
            facts.setdefault(("Ownership", job.person, where), [("Owner", names[job.person]), ("Property", where)])
            continue
        slots = [("Who", names[job.person]), ("Position", position_text(job)), ("Where", where)]
        facts.setdefault(("Occupation", job.person, job.position, str(job.where)), slots)
    for event in result.events:
        parties = sorted({names[p] for p in meeting_parties(event, result)})
        if parties:
            facts.setdefault(("Meeting", *parties), [("Participant", p) for p in parties])
    return "".join(f"{kind[0]}\n" + "".join(f"{s} : {v}\n" for s, v in slots) + "\n" for kind, slots in facts.items())


def write_responses(results: Iterable[tuple[str, Extraction]], folder: Path) -> None:
    for name, result in results:
        (folder / f"{name}.task3").write_text(task3(result), encoding="utf-8")


def score(devset: Path, responses: Path, names: Iterable[str], scripts: Path) -> dict[str, Official]:
    """Run the official Track 3 scorer (easy mode) over the documents `names` of `devset`, whose
    responses are in `responses`; the scorer insists on the same documents on both sides, so the
    gold files of `names` are linked into a folder of their own."""
    scripts = scripts.resolve()
    evaluator = scripts / "t3_eval.py"
    if not evaluator.is_file():
        raise ValueError(f"the official scorer {evaluator} is missing (--scripts names its folder)")
    with tempfile.TemporaryDirectory(prefix="letopis-t3-") as temp:
        gold = Path(temp)
        for name in names:
            for path in devset.glob(f"{name}.*"):
                (gold / path.name).symlink_to(path.resolve())
        command = [sys.executable, str(evaluator), "-s", str(gold), "-t", str(responses.resolve())]
        done = subprocess.run(command, cwd=scripts, capture_output=True, text=True)
    if done.returncode != 0:
        raise ValueError(f"the official scorer failed ({done.returncode}): {done.stderr.strip()[-1000:]}")
    return parse_table(done.stdout)


def parse_table(output: str) -> dict[str, Official]:
    """The scorer's final table (`TAG P R F1 TP1 TP2 In Std. In Test.`) by tag."""
    rows: dict[str, Official] = {}
    for line in output.splitlines():
        found = ROW.match(line.strip())
        if found and found[1] in TAGS:
            p, r, f1, _, _, n_std, n_test = found.groups()[1:]
            rows[found[1]] = Official(float(p), float(r), float(f1), int(n_std), int(n_test))
    if "overall" not in rows:
        raise ValueError(f"the official scorer printed no result table:\n{output[-2000:]}")
    return rows


def add_official(results: list[tuple[str, Extraction]], devset: Path, scripts: Path, report: Report) -> None:
    """Score `results` (extractions of `devset` documents by name) with the official program and add
    its rows to `report` as `official.<tag>` (counts chosen so that precision and recall are its own)."""
    with tempfile.TemporaryDirectory(prefix="letopis-task3-") as temp:
        responses = Path(temp)
        write_responses(results, responses)
        rows = score(devset, responses, [name for name, _ in results], scripts)
    for tag in TAGS:
        if tag in rows:
            row, target = rows[tag], report.score(f"official.{tag}")
            target.gold, target.pred = row.in_gold, row.in_response
            target.correct_gold, target.correct_pred = row.recall * row.in_gold, row.precision * row.in_response
