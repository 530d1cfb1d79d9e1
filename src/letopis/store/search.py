"""Full-text search over lemmas with tantivy (BM25): `Казахстан` finds `Казахстана`, `Казахстаном` and,
through the gazetteer's adjectives, `казахстанских`. Every word must match (`any_word`: one is enough);
`"Ержан Кистафин"` in quotes is a phrase. Snippets are cut from the original text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import tantivy

from letopis.lexicon.gazetteer import gazetteer
from letopis.lexicon.names import fold, morphology

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
PHRASE = re.compile(r'"([^"]*)"')
HEAP = 30_000_000


@lru_cache(maxsize=200_000)
def index_path(db: Path) -> Path:
    """Where the search index of the corpus at `db` lives: beside it, as `corpus.duckdb.search`."""
    return db.with_name(db.name + ".search")


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """The lemma of a word form and, for a country adjective, the country's name (`казахстанских` ->
    `казахстанский`, `казахстан`). Kept per word form: a snippet asks for the words of whole sentences,
    and pymorphy takes about a millisecond a word."""
    lemma = fold(morphology().parse(word.lower())[0].normal_form)
    iso3 = gazetteer().adjective_country(lemma)
    country = gazetteer().country(iso3) if iso3 else None
    return (lemma, country.name.lower()) if country is not None else (lemma,)


def lemma_text(text: str) -> str:
    return " ".join(lemma for word in WORD.findall(text) for lemma in lemmas(word))


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("hash", stored=True, tokenizer_name="raw")
    builder.add_text_field("body", stored=False)
    return builder.build()


class SearchIndex:
    """The lemma index of a corpus, in the folder `path`. A reader (`create=False`) never writes: an index
    not made yet finds nothing."""

    def __init__(self, path: Path, create: bool = True) -> None:
        self.index: tantivy.Index | None = None
        if create:
            path.mkdir(parents=True, exist_ok=True)
            self.index = tantivy.Index(schema(), path=str(path))
        elif (path / "meta.json").exists():
            self.index = tantivy.Index.open(str(path))
        self.writer: tantivy.IndexWriter | None = None

    def add(self, doc_hash: str, text: str) -> None:
        self.open_writer().add_document(tantivy.Document(hash=doc_hash, body=lemma_text(text)))

    def delete(self, doc_hash: str) -> None:
        self.open_writer().delete_documents_by_term("hash", doc_hash)

    def open_writer(self) -> tantivy.IndexWriter:
        if self.index is None:
            raise ValueError("a search index opened for reading cannot be written")
        if self.writer is None:
            self.writer = self.index.writer(heap_size=HEAP, num_threads=1)
        return self.writer

    def commit(self) -> None:
        if self.writer is not None:
            self.writer.commit()
            self.writer.wait_merging_threads()
            self.writer = None
        if self.index is not None:
            self.index.reload()

    def query(self, text: str, limit: int, any_word: bool = False) -> list[tuple[str, float]]:
        wanted = query_text(text, any_word)
        if not wanted or self.index is None:
            return []
        query = self.index.parse_query(wanted, ["body"])
        searcher = self.index.searcher()
        return [(searcher.doc(address)["hash"][0], score) for score, address in searcher.search(query, limit).hits]

    def count(self, text: str, any_word: bool = False) -> int:
        """How many documents match."""
        wanted = query_text(text, any_word)
        if not wanted or self.index is None:
            return 0
        found = self.index.searcher().search(self.index.parse_query(wanted, ["body"]), 1)
        return int(found.count)  # type: ignore[attr-defined]  # tantivy's stub leaves `count` out


def query_text(text: str, any_word: bool = False) -> str:
    """tantivy's query of the words and quoted phrases of `text`, by lemma: each must match (`+`) unless
    `any_word`. A country adjective matches its lemma or the country (`казахстанский` or `казахстан`);
    every lemma is quoted, so no word is read as query syntax."""
    must = "" if any_word else "+"
    parts = [f'{must}"{lemma_text(phrase)}"' for phrase in PHRASE.findall(text) if lemma_text(phrase)]
    for word in WORD.findall(PHRASE.sub(" ", text)):
        forms = " ".join(f'"{lemma}"' for lemma in lemmas(word))
        parts.append(f"{must}({forms})")
    return " ".join(parts)


def snippet(text: str, query: str, width: int = 240) -> str:
    """The first sentence that holds a query word, with the matching words in [brackets]."""
    wanted = set(lemma_text(query).split())
    for match in SENTENCE.finditer(text):
        sentence = match.group().strip()
        marked = WORD.sub(lambda w: f"[{w.group()}]" if wanted & set(lemmas(w.group())) else w.group(), sentence)
        if marked != sentence:
            return marked if len(marked) <= width else marked[: width - 3] + "..."
    return text[:width].strip()
