"""Issue 16, item 5: every JSON endpoint answers 400 to malformed, deep or oversized JSON.

Deeply nested JSON to the passkey endpoints made json.loads raise RecursionError: a 500.
"""

import json

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    ("otp_webauthn:credential-authentication-begin", False),
    ("otp_webauthn:credential-authentication-complete", False),
    ("otp_webauthn:credential-registration-begin", True),
    ("otp_webauthn:credential-registration-complete", True),
]

HOSTILE = {
    "deep arrays": b"[" * 100_000 + b"]" * 100_000,
    "deep objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "twenty levels deep": b'{"id": ' + b"[" * 20 + b"1" + b"]" * 20 + b"}",
    "oversized": json.dumps({"id": "x" * 200_000}).encode(),
    "truncated": b'{"id": "abc", "response": {',
    "not UTF-8": b'{"id": "\xff\xfe"}',
    "not an object": b"[1, 2, 3]",
    "a bare string": b'"hello"',
    "NaN": b'{"id": NaN}',
}


def client_for(client_factory, verified: bool):
    return sign_in(client_factory(), factories.MemberFactory(), verified=verified)


@pytest.mark.parametrize(("name", "verified"), ENDPOINTS)
@pytest.mark.parametrize("payload", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_json_gets_400(client_factory, name, verified, payload):
    client = client_for(client_factory, verified)
    response = client.post(reverse(name), payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
credential_like = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "rawId": json_values,
        "type": json_values,
        "response": json_values,
        "clientExtensionResults": json_values,
        "authenticatorAttachment": json_values,
    },
)


@pytest.mark.parametrize(("name", "verified"), ENDPOINTS)
@given(body=json_values | credential_like)
@settings(max_examples=10)  # per endpoint: four endpoints, a sign-in each
def test_any_json_gets_an_answer_below_500(client_factory, name, verified, body):
    client = client_for(client_factory, verified)
    response = client.post(reverse(name), json.dumps(body), content_type="application/json")
    assert response.status_code < 500, (body, response.content[:300])
