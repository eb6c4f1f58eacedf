"""Failures become OpenForgeError subclasses carrying the problem document's members."""

from __future__ import annotations

import socket
import threading
import time
import unittest

from _support import FakeAPI, Reply, problem

from openforge import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FieldError,
    NotFoundError,
    OpenForgeClient,
    OpenForgeConnectionError,
    OpenForgeError,
    OpenForgeTimeoutError,
    PermissionDeniedError,
    ServerError,
    ValidationError,
)


class ErrorMappingTest(unittest.TestCase):
    def setUp(self) -> None:
        self.api = FakeAPI().start()
        self.addCleanup(self.api.stop)
        self.client = OpenForgeClient(api_key="k", base_url=self.api.url, timeout=5)

    def test_validation_problem_with_field_errors(self) -> None:
        self.api.route("POST", "/engagements", problem(
            422, "validation_error", "2 fields are invalid", request_id="r-42",
            errors=[{"field": "objective", "message": "must not be blank"},
                    {"field": "agent_config.auto_approve_threshold", "message": "must be between 0 and 1"}]))
        with self.assertRaises(ValidationError) as caught:
            self.client.engagements.create(name="x", objective="")
        error = caught.exception
        self.assertIsInstance(error, BadRequestError)
        self.assertEqual(error.status, 422)
        self.assertEqual(error.code, "validation_error")
        self.assertEqual(error.message, "2 fields are invalid")
        self.assertEqual(error.request_id, "r-42")
        self.assertEqual(error.errors, [FieldError("objective", "must not be blank"),
                                        FieldError("agent_config.auto_approve_threshold", "must be between 0 and 1")])
        text = str(error)
        for part in ("422", "validation_error", "2 fields are invalid", "objective: must not be blank",
                     "request_id=r-42", "POST " + self.api.url + "/api/v1/engagements"):
            self.assertIn(part, text)

    def test_validation_code_on_400_is_a_validation_error(self) -> None:
        self.api.route("GET", "/engagements", problem(400, "validation_error", "page_size is invalid",
                                                      errors=[{"field": "page_size", "message": "too big"}]))
        with self.assertRaises(ValidationError) as caught:
            self.client.engagements.list_page(page_size=500)
        self.assertEqual(caught.exception.status, 400)

    def test_status_classes(self) -> None:
        cases = [
            (400, "malformed_json", BadRequestError),
            (401, "unauthorized", AuthenticationError),
            (403, "forbidden", PermissionDeniedError),
            (404, "not_found", NotFoundError),
            (409, "conflict", ConflictError),
            (418, "teapot", OpenForgeError),
            (503, "unavailable", ServerError),
        ]
        for status, code, cls in cases:
            with self.subTest(status=status):
                self.api.routes.clear()
                self.api.route("GET", "/approvals/ap-1", problem(status, code, f"detail {status}"))
                with self.assertRaises(cls) as caught:
                    self.client.approvals.get("ap-1")
                self.assertIs(type(caught.exception), cls)
                self.assertEqual((caught.exception.status, caught.exception.code), (status, code))
                self.assertEqual(caught.exception.message, f"detail {status}")
                self.assertEqual(caught.exception.errors, [])

    def test_conflict_keeps_extra_members(self) -> None:
        unmet = [{"gate_id": "human_approval", "name": "Human approval", "description": "sign-off"},
                 {"gate_id": "data_sources_identified", "name": "Data sources", "description": "one source"}]
        self.api.route("POST", "/engagements/eng-1/transitions", problem(
            409, "conflict", "the discovery phase is not ready to move to design", unmet=unmet,
            remaining_approvals=[]))
        with self.assertRaises(ConflictError) as caught:
            self.client.engagements.transition_phase("eng-1", "design")
        error = caught.exception
        self.assertEqual(error.extra["unmet"][1]["gate_id"], "data_sources_identified")
        self.assertIn("unmet: human_approval, data_sources_identified", str(error))

    def test_forbidden_force_transition(self) -> None:
        self.api.route("POST", "/engagements/eng-1/transitions",
                       problem(403, "forbidden", "A forced transition needs the admin role"))
        with self.assertRaises(PermissionDeniedError) as caught:
            self.client.engagements.transition_phase("eng-1", "build", force=True)
        self.assertIn("needs the admin role", str(caught.exception))

    def test_unauthorized(self) -> None:
        self.api.route("GET", "/engagements", problem(401, "unauthorized", "the API key is unknown or revoked"))
        with self.assertRaises(AuthenticationError) as caught:
            list(self.client.engagements.list())
        self.assertEqual(caught.exception.code, "unauthorized")

    def test_non_json_500(self) -> None:
        self.api.route("GET", "/engagements/eng-1", Reply(
            500, b"<html><body><h1>502 Bad Gateway</h1>  upstream\n died</body></html>", "text/html",
            {"X-Request-Id": "from-header"}))
        with self.assertRaises(ServerError) as caught:
            self.client.engagements.get("eng-1")
        error = caught.exception
        self.assertEqual(error.status, 500)
        self.assertIsNone(error.code)
        self.assertIsNone(error.body)
        self.assertEqual(error.request_id, "from-header")
        self.assertIn("HTTP 500", error.message)
        self.assertIn("502 Bad Gateway", error.message)
        self.assertIn("upstream died", error.message)

    def test_empty_error_body(self) -> None:
        self.api.route("DELETE", "/x", Reply(404, b"", "text/plain"))
        with self.assertRaises(NotFoundError) as caught:
            self.client.engagements._transport.request("DELETE", "/x")
        self.assertEqual(caught.exception.message, "HTTP 404 Not Found")

    def test_success_with_non_json_body_is_reported(self) -> None:
        self.api.route("GET", "/engagements/eng-1", Reply(200, b"<html>login</html>", "text/html"))
        with self.assertRaises(OpenForgeError) as caught:
            self.client.engagements.get("eng-1")
        self.assertEqual(caught.exception.code, "invalid_response")
        self.assertIn("not JSON", str(caught.exception))

    def test_connection_refused(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        client = OpenForgeClient(api_key="k", base_url=f"http://127.0.0.1:{port}", timeout=2)
        with self.assertRaises(OpenForgeConnectionError) as caught:
            client.engagements.get("eng-1")
        self.assertIsInstance(caught.exception, OpenForgeError)
        self.assertIsNone(caught.exception.status)
        self.assertIn(f"cannot reach http://127.0.0.1:{port}", str(caught.exception))

    def test_timeout(self) -> None:
        release = threading.Event()
        self.addCleanup(release.set)

        def slow(request, handler):  # type: ignore[no-untyped-def]
            release.wait(5)
            return Reply(200, {"id": "eng-1"})

        self.api.route("GET", "/engagements/eng-1", slow)
        client = OpenForgeClient(api_key="k", base_url=self.api.url, timeout=0.3)
        started = time.monotonic()
        with self.assertRaises(OpenForgeTimeoutError) as caught:
            client.engagements.get("eng-1")
        self.assertLess(time.monotonic() - started, 3)
        self.assertIsInstance(caught.exception, OpenForgeConnectionError)
        self.assertIn("timed out", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
