"""The command line, run in-process against the fake API (and once as ``python -m openforge``)."""

from __future__ import annotations

import io
import json
import os
import pathlib
import subprocess
import sys
import unittest
from typing import List, Tuple
from unittest import mock

from _support import SRC, FakeAPI, Recorded, Reply, problem

from openforge.cli import main

ENGAGEMENTS = [
    {"id": "eng-1", "name": "Sales Analytics Platform", "status": "in_progress", "current_phase": "design",
     "priority": "high"},
    {"id": "eng-2", "name": "High Security Project", "status": "draft", "current_phase": None, "priority": None},
]


class CliTest(unittest.TestCase):
    def setUp(self) -> None:
        self.api = FakeAPI().start()
        self.addCleanup(self.api.stop)
        patcher = mock.patch.dict(os.environ, {"OPENFORGE_URL": self.api.url, "OPENFORGE_API_KEY": "cli-key"})
        patcher.start()
        self.addCleanup(patcher.stop)

    def run_cli(self, *argv: str) -> Tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    def test_engagements_list_table(self) -> None:
        self.api.route("GET", "/engagements", {"items": ENGAGEMENTS, "page": 1, "page_size": 100, "total": 2})
        code, out, err = self.run_cli("engagements", "list", "--status", "in_progress")
        self.assertEqual((code, err), (0, ""))
        lines = out.splitlines()
        self.assertEqual(lines[0].split(), ["ID", "STATUS", "PHASE", "PRIORITY", "NAME"])
        self.assertIn("eng-1", lines[1])
        self.assertIn("Sales Analytics Platform", lines[1])
        self.assertEqual(self.api.last().param("status"), "in_progress")
        self.assertEqual(self.api.last().headers.get("x-api-key"), "cli-key")

    def test_json_option_before_or_after_the_command(self) -> None:
        self.api.route("GET", "/engagements", {"items": ENGAGEMENTS, "page": 1, "page_size": 100, "total": 2})
        for argv in (["--json", "engagements", "list"], ["engagements", "list", "--json"]):
            with self.subTest(argv=argv):
                code, out, _ = self.run_cli(*argv)
                self.assertEqual(code, 0)
                self.assertEqual(json.loads(out), ENGAGEMENTS)

    def test_empty_list(self) -> None:
        self.api.route("GET", "/engagements", {"items": [], "page": 1, "page_size": 100, "total": 0})
        self.assertEqual(self.run_cli("engagements", "list", "--status", "paused")[1],
                         "no engagements with status paused\n")

    def test_engagement_summary(self) -> None:
        self.api.route("GET", "/engagements/eng-1/summary", {
            "name": "Sales Analytics Platform", "current_phase": "design", "status": "in_progress",
            "progress_percent": 37, "tasks": {"completed": 4, "running": 1, "pending": 0, "failed": 1},
            "quality_gates": {"passed": 5, "remaining": 11}, "approvals": {"pending": 2}})
        code, out, _ = self.run_cli("engagements", "summary", "eng-1")
        self.assertEqual(code, 0)
        for text in ("Engagement: Sales Analytics Platform", "Phase: design", "Progress: 37%", "Completed: 4",
                     "Failed: 1", "Passed: 5", "Remaining: 11", "Approvals pending: 2"):
            self.assertIn(text, out)

    def test_approvals_list_pending_by_default_and_all(self) -> None:
        self.api.route("GET", "/approvals", {"items": [
            {"id": "ap-1", "type": "schema_change", "status": "pending", "engagement_id": "eng-1",
             "title": "Review ontology"}], "page": 1, "page_size": 100, "total": 1})
        code, out, _ = self.run_cli("approvals", "list", "--engagement", "eng-1")
        self.assertEqual(code, 0)
        self.assertIn("Review ontology", out)
        self.assertEqual((self.api.last().param("engagement_id"), self.api.last().param("status")),
                         ("eng-1", "pending"))
        self.run_cli("approvals", "list", "--status", "all", "--type", "schema_change")
        self.assertNotIn("status", self.api.last().query)
        self.assertEqual(self.api.last().param("type"), "schema_change")

    def test_approve_and_reject(self) -> None:
        self.api.route("POST", "/approvals/ap-1/approve", {"id": "ap-1", "status": "approved", "title": "T"})
        self.api.route("POST", "/approvals/ap-1/reject", {"id": "ap-1", "status": "rejected", "title": "T"})
        code, out, _ = self.run_cli("approvals", "approve", "ap-1", "--comment", "Approved after review")
        self.assertEqual((code, out), (0, "approved: ap-1 T\n"))
        self.assertEqual(self.api.last().json, {"comment": "Approved after review"})
        code, out, _ = self.run_cli("--json", "approvals", "reject", "ap-1", "--comment", "Needs revision")
        self.assertEqual(code, 0)
        self.assertEqual(json.loads(out)["status"], "rejected")
        self.assertEqual(self.api.last().json, {"comment": "Needs revision"})

    def test_reject_requires_a_comment(self) -> None:
        with mock.patch("sys.stderr", io.StringIO()) as usage:
            code, _, _ = self.run_cli("approvals", "reject", "ap-1")
        self.assertEqual(code, 2)
        self.assertIn("--comment", usage.getvalue())
        self.assertEqual(self.api.requests, [])

    def test_api_error_exits_non_zero_with_the_message(self) -> None:
        self.api.route("POST", "/approvals/ap-1/approve", problem(409, "conflict", "approval ap-1 was already decided",
                                                                  request_id="r-9"))
        code, out, err = self.run_cli("approvals", "approve", "ap-1")
        self.assertEqual((code, out), (1, ""))
        self.assertIn("409 conflict: approval ap-1 was already decided", err)
        self.assertIn("request_id=r-9", err)

    def test_unreachable_server_exits_3(self) -> None:
        code, _, err = self.run_cli("--url", "http://127.0.0.1:9", "engagements", "list")
        self.assertEqual(code, 3)
        self.assertIn("cannot reach", err)

    def _stream(self, events: List[dict]):  # type: ignore[no-untyped-def]
        def respond(request: Recorded, handler) -> None:  # type: ignore[no-untyped-def]
            handler.start_chunked()
            for event in events:
                handler.chunk(f"data: {json.dumps(event)}\n\n")
            handler.end_chunked()
            return None

        return respond

    def test_tasks_stream_prints_each_event(self) -> None:
        self.api.route("GET", "/agents/tasks/t-1/stream", self._stream([
            {"type": "progress", "step": "profile", "message": "reading"},
            {"type": "tool_call", "tool": "execute_sql", "status": "running"},
            {"type": "completed", "result": {"tables": 2}}]))
        code, out, _ = self.run_cli("tasks", "stream", "t-1")
        self.assertEqual(code, 0)
        self.assertEqual(out.splitlines(), ["[progress] profile - reading", "[tool_call] execute_sql - running",
                                            '[completed] {"tables": 2}'])
        code, out, _ = self.run_cli("tasks", "stream", "t-1", "--json")
        self.assertEqual([json.loads(line)["type"] for line in out.splitlines()],
                         ["progress", "tool_call", "completed"])

    def test_failed_task_stream_exits_1(self) -> None:
        self.api.route("GET", "/agents/tasks/t-2/stream", self._stream([{"type": "failed", "error": "no sources"}]))
        code, out, err = self.run_cli("tasks", "stream", "t-2")
        self.assertEqual(code, 1)
        self.assertEqual(out, "[failed] no sources\n")
        self.assertIn("task t-2 failed: no sources", err)


class ModuleEntryPointTest(unittest.TestCase):
    def test_python_dash_m_openforge(self) -> None:
        with FakeAPI() as api:
            api.route("GET", "/engagements/eng-1/summary", Reply(200, {"name": "S", "tasks": {}, "quality_gates": {},
                                                                       "approvals": {}}))
            env = dict(os.environ, PYTHONPATH=str(SRC), OPENFORGE_URL=api.url, OPENFORGE_API_KEY="k")
            result = subprocess.run([sys.executable, "-m", "openforge", "--json", "engagements", "summary", "eng-1"],
                                    capture_output=True, text=True, env=env, timeout=60,
                                    cwd=str(pathlib.Path(SRC).parent))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["name"], "S")

    def test_usage_error_exit_code(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(SRC))
        result = subprocess.run([sys.executable, "-m", "openforge", "nonsense"], capture_output=True, text=True,
                                env=env, timeout=60)
        self.assertEqual(result.returncode, 2)
        self.assertIn("invalid choice", result.stderr)


if __name__ == "__main__":
    unittest.main()
