"""Schemathesis over the API's OpenAPI schema: generated requests to every operation find no server error
and no answer that breaks the schema (bounded in examples and time; issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from letopis.web import create_app
from tests.conftest import copy_of

EXAMPLES = 20
# No 5xx, documented status codes and media types, bodies that fit their models. A schema-valid value the
# store refuses (a type that is no PLOVER type, a cursor this app did not make) is a 400 by design.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(web_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    app = create_app(copy_of(web_corpus, tmp_path_factory.mktemp("schema")))
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_the_api_keeps_its_schema(api_schema: schemathesis.BaseSchema) -> None:
    """Each operation in turn (schemathesis' lazy pytest fixture does not run under pytest 9)."""
    operations = [result.ok() for result in api_schema.get_all_operations() if isinstance(result, Ok)]
    assert len(operations) == 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)  # fmt: skip
        def check(case: schemathesis.Case[Any]) -> None:
            case.call_and_validate(checks=CHECKS)

        check()
