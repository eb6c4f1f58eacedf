"""Requests the client sends: auth, configuration, paths, query parameters and bodies."""

from __future__ import annotations

import json
import os
import unittest
from unittest import mock

from _support import FakeAPI, Reply

from openforge import ArtifactContent, OpenForgeClient, Record

ENGAGEMENT = {"id": "eng-1", "name": "Sales Analytics Platform", "status": "in_progress",
              "current_phase": "discovery", "agent_config": {"approval_settings": {"deployments": True}}}


class ClientTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.api = FakeAPI().start()
        self.addCleanup(self.api.stop)
        self.client = OpenForgeClient(api_key="secret-key", base_url=self.api.url, timeout=5)


class AuthAndConfigurationTest(ClientTestCase):
    def test_api_key_is_sent_as_x_api_key_by_default(self) -> None:
        self.api.route("GET", "/engagements/eng-1", ENGAGEMENT)
        self.client.engagements.get("eng-1")
        headers = self.api.last().headers
        self.assertEqual(headers.get("x-api-key"), "secret-key")
        self.assertNotIn("authorization", headers)
        self.assertEqual(headers.get("accept"), "application/json")
        self.assertTrue(headers.get("user-agent", "").startswith("openforge-python/"))

    def test_bearer_scheme_sends_authorization_header(self) -> None:
        self.api.route("GET", "/engagements/eng-1", ENGAGEMENT)
        client = OpenForgeClient(api_key="secret-key", base_url=self.api.url, auth_scheme="bearer")
        client.engagements.get("eng-1")
        headers = self.api.last().headers
        self.assertEqual(headers.get("authorization"), "Bearer secret-key")
        self.assertNotIn("x-api-key", headers)

    def test_unknown_auth_scheme_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            OpenForgeClient(api_key="k", base_url=self.api.url, auth_scheme="basic")

    def test_environment_supplies_key_url_and_scheme(self) -> None:
        self.api.route("GET", "/engagements/eng-1", ENGAGEMENT)
        env = {"OPENFORGE_API_KEY": "env-key", "OPENFORGE_URL": self.api.url + "/api/v1/",
               "OPENFORGE_AUTH_SCHEME": "bearer"}
        with mock.patch.dict(os.environ, env):
            client = OpenForgeClient()
        self.assertEqual(client.base_url, self.api.url)
        client.engagements.get("eng-1")
        self.assertEqual(self.api.last().headers.get("authorization"), "Bearer env-key")
        self.assertEqual(self.api.last().path, "/api/v1/engagements/eng-1")

    def test_explicit_arguments_win_over_environment(self) -> None:
        self.api.route("GET", "/engagements/eng-1", ENGAGEMENT)
        with mock.patch.dict(os.environ, {"OPENFORGE_API_KEY": "env-key", "OPENFORGE_URL": "http://nowhere:1"}):
            client = OpenForgeClient(api_key="arg-key", base_url=self.api.url)
        client.engagements.get("eng-1")
        self.assertEqual(self.api.last().headers.get("x-api-key"), "arg-key")

    def test_default_url_is_localhost_8080(self) -> None:
        with mock.patch.dict(os.environ, {}, clear=True):
            client = OpenForgeClient()
        self.assertEqual(client.base_url, "http://localhost:8080")
        self.assertIn("without an API key", repr(client))

    def test_without_key_no_auth_header_is_sent(self) -> None:
        self.api.route("GET", "/engagements/eng-1", ENGAGEMENT)
        with mock.patch.dict(os.environ, {}, clear=True):
            OpenForgeClient(base_url=self.api.url).engagements.get("eng-1")
        headers = self.api.last().headers
        self.assertNotIn("x-api-key", headers)
        self.assertNotIn("authorization", headers)

    def test_bad_base_url_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            OpenForgeClient(api_key="k", base_url="localhost:8080")


class EngagementsTest(ClientTestCase):
    def test_create_sends_given_fields_only(self) -> None:
        self.api.route("POST", "/engagements", Reply(201, ENGAGEMENT))
        engagement = self.client.engagements.create(
            name="Sales Analytics Platform", objective="Build a dashboard", description="We need to...",
            priority="high")
        request = self.api.last()
        self.assertEqual(request.json, {"name": "Sales Analytics Platform", "objective": "Build a dashboard",
                                        "description": "We need to...", "priority": "high"})
        self.assertEqual(request.headers.get("content-type"), "application/json")
        self.assertEqual(engagement.id, "eng-1")
        self.assertEqual(engagement["id"], "eng-1")
        self.assertTrue(engagement.agent_config.approval_settings.deployments)

    def test_create_with_every_option(self) -> None:
        self.api.route("POST", "/engagements", Reply(201, ENGAGEMENT))
        self.client.engagements.create(
            name="n", objective="o", agent_config={"auto_run": False}, data_source_ids=["ds-1"],
            requires_approval=True, submit=False)
        self.assertEqual(self.api.last().json, {"name": "n", "objective": "o", "agent_config": {"auto_run": False},
                                                "data_source_ids": ["ds-1"], "requires_approval": True,
                                                "submit": False})

    def test_lifecycle_commands(self) -> None:
        for action in ("submit", "pause", "resume", "cancel"):
            self.api.route("POST", f"/engagements/eng-1/{action}", ENGAGEMENT)
        self.client.engagements.submit("eng-1")
        self.assertEqual(self.api.last().path, "/api/v1/engagements/eng-1/submit")
        self.assertEqual(self.api.last().raw_body, b"")
        self.client.engagements.pause("eng-1")
        self.client.engagements.resume("eng-1")
        self.assertEqual(self.api.last().path, "/api/v1/engagements/eng-1/resume")
        self.client.engagements.cancel("eng-1", reason="no budget")
        self.assertEqual(self.api.last().json, {"reason": "no budget"})
        self.client.engagements.cancel("eng-1")
        self.assertEqual(self.api.last().json, {})

    def test_check_transition_passes_target_phase(self) -> None:
        self.api.route("GET", "/engagements/eng-1/transition-check", {
            "current_phase": "discovery", "target_phase": "design",
            "evaluation": {"ready": False, "blockers": [{"gate_id": "human_approval"}]},
            "remaining_work": {"phase": "discovery", "remaining_outputs": ["source_catalog"]}})
        readiness = self.client.engagements.check_transition(engagement_id="eng-1", target_phase="design")
        self.assertEqual(self.api.last().param("target_phase"), "design")
        self.assertFalse(readiness["evaluation"]["ready"])
        self.assertEqual(readiness.evaluation.blockers[0].gate_id, "human_approval")

    def test_check_transition_without_target_sends_no_parameter(self) -> None:
        self.api.route("GET", "/engagements/eng-1/transition-check", {"evaluation": {"ready": True}})
        self.client.engagements.check_transition("eng-1")
        self.assertEqual(self.api.last().query, {})

    def test_pass_quality_gate(self) -> None:
        self.api.route("POST", "/engagements/eng-1/quality-gates/ontology_validated/pass",
                       Reply(201, {"gate_id": "schema_validated"}))
        result = self.client.engagements.pass_quality_gate(
            engagement_id="eng-1", gate_id="ontology_validated", validator="schema_validator_agent",
            evidence={"validation_report_id": "a-1", "passed_checks": 15, "failed_checks": 0})
        self.assertEqual(self.api.last().json, {"validator": "schema_validator_agent", "evidence": {
            "validation_report_id": "a-1", "passed_checks": 15, "failed_checks": 0}})
        self.assertEqual(result.gate_id, "schema_validated")

    def test_transition_phase(self) -> None:
        self.api.route("POST", "/engagements/eng-1/transitions",
                       {"success": True, "previous_phase": "discovery", "current_phase": "build", "forced": True})
        result = self.client.engagements.transition_phase(
            engagement_id="eng-1", target_phase="build", approved_by="admin_user", force=True)
        self.assertEqual(self.api.last().json, {"target_phase": "build", "approved_by": "admin_user",
                                                "force": True})
        self.assertTrue(result.forced)
        self.client.engagements.transition_phase("eng-1", "design", notes="all done")
        self.assertEqual(self.api.last().json, {"target_phase": "design", "force": False, "notes": "all done"})

    def test_status_summary_and_attach(self) -> None:
        self.api.route("GET", "/engagements/eng-1/phase-status", {"phase": "discovery", "gates_passed": []})
        self.api.route("GET", "/engagements/eng-1/summary", {"name": "S", "tasks": {"completed": 2}})
        self.api.route("POST", "/engagements/eng-1/data-sources", ENGAGEMENT)
        self.assertEqual(self.client.engagements.get_phase_status("eng-1")["phase"], "discovery")
        self.assertEqual(self.client.engagements.get_summary("eng-1").tasks.completed, 2)
        self.client.engagements.attach_data_source("eng-1", "ds-9")
        self.assertEqual(self.api.last().json, {"data_source_id": "ds-9"})

    def test_ids_are_quoted_as_one_path_segment(self) -> None:
        self.api.route("GET", r"/engagements/([^/]+)", ENGAGEMENT)
        self.client.engagements.get("a/b?c")
        self.assertEqual(self.api.last().path, "/api/v1/engagements/a%2Fb%3Fc")
        with self.assertRaises(ValueError):
            self.client.engagements.get("")

    def test_artifacts_and_raw_artifact_content(self) -> None:
        self.api.route("GET", "/engagements/eng-1/artifacts", [{"id": "a-1", "kind": "ontology", "version": 2}])
        self.api.route("GET", "/engagements/eng-1/artifacts/a-1", Reply(
            200, b"id: https://example.org/sales\nname: sales_ontology\n", "application/yaml",
            {"Content-Disposition": 'inline; filename="sales_ontology.yaml"', "X-Artifact-Version": "2"}))
        listed = self.client.engagements.artifacts("eng-1")
        self.assertEqual(listed[0].kind, "ontology")
        content = self.client.engagements.get_artifact("eng-1", "a-1")
        self.assertIsInstance(content, ArtifactContent)
        self.assertEqual(content.media_type, "application/yaml")
        self.assertEqual(content.filename, "sales_ontology.yaml")
        self.assertEqual(content.version, 2)
        self.assertTrue(content.text.startswith("id: https://example.org/sales"))
        self.assertEqual(self.api.last().headers.get("accept"), "*/*")

    def test_json_artifact_decodes(self) -> None:
        self.api.route("GET", "/engagements/eng-1/artifacts/a-2",
                       Reply(200, b'{"mappings": [{"source": "sales.amount"}]}', "application/json"))
        self.assertEqual(self.client.engagements.get_artifact("eng-1", "a-2").json().mappings[0].source,
                         "sales.amount")


class AgentsApprovalsDataSourcesTest(ClientTestCase):
    def test_create_task(self) -> None:
        self.api.route("POST", "/agents/tasks", Reply(201, {"id": "t-1", "status": "pending"}))
        task = self.client.agents.create_task(
            engagement_id="eng-1", task_type="stakeholder_analysis",
            description="Analyze key stakeholders", input_data={"stakeholders": [{"name": "Sales VP"}]})
        self.assertEqual(self.api.last().json, {
            "engagement_id": "eng-1", "task_type": "stakeholder_analysis",
            "description": "Analyze key stakeholders", "input_data": {"stakeholders": [{"name": "Sales VP"}]}})
        self.assertEqual((task.id, task.status), ("t-1", "pending"))
        self.client.agents.create_task("eng-1", "source_discovery", max_iterations=3, timeout_seconds=60)
        self.assertEqual(self.api.last().json, {"engagement_id": "eng-1", "task_type": "source_discovery",
                                                "max_iterations": 3, "timeout_seconds": 60})

    def test_task_commands_and_messages(self) -> None:
        self.api.route("GET", "/agents/tasks/t-1", {"id": "t-1", "status": "running"})
        self.api.route("POST", "/agents/tasks/t-1/cancel", {"id": "t-1", "status": "cancelled"})
        self.api.route("POST", "/agents/tasks/t-1/retry", {"id": "t-1", "status": "pending"})
        self.api.route("GET", "/agents/tasks/t-1/messages", [
            {"role": "assistant", "content": "Looking at sources",
             "tool_calls": [{"id": "c1", "name": "list_tables", "arguments": {"schema": "public"},
                             "result": {"tables": ["sales"]}}],
             "timestamp": "2026-01-01T00:00:00Z"}])
        self.assertEqual(self.client.agents.get_task("t-1").status, "running")
        self.assertEqual(self.client.agents.cancel_task("t-1").status, "cancelled")
        self.assertEqual(self.client.agents.retry_task("t-1").status, "pending")
        messages = self.client.agents.get_task_messages("t-1")
        self.assertEqual(messages[0]["tool_calls"][0]["name"], "list_tables")
        self.assertEqual(messages[0].tool_calls[0].arguments.schema, "public")

    def test_list_tasks_filters(self) -> None:
        self.api.route("GET", "/agents/tasks", {"items": [{"id": "t-1"}], "page": 1, "page_size": 100, "total": 1})
        tasks = list(self.client.agents.list_tasks(engagement_id="eng-1", status="completed"))
        self.assertEqual([t.id for t in tasks], ["t-1"])
        request = self.api.last()
        self.assertEqual(request.param("engagement_id"), "eng-1")
        self.assertEqual(request.param("status"), "completed")

    def test_approvals_list_defaults_to_pending_and_is_iterable(self) -> None:
        self.api.route("GET", "/approvals", {"items": [
            {"id": "ap-1", "type": "phase_transition", "title": "Sign off discovery", "description": "d",
             "items_to_review": [{"name": "Requirements", "summary": "12 requirements"}]}],
            "page": 1, "page_size": 100, "total": 1})
        approvals = self.client.approvals.list(engagement_id="eng-1")
        seen = []
        for approval in approvals:
            for item in approval["items_to_review"]:
                seen.append((approval["type"], item["name"], item["summary"]))
        self.assertEqual(seen, [("phase_transition", "Requirements", "12 requirements")])
        request = self.api.last()
        self.assertEqual(request.param("engagement_id"), "eng-1")
        self.assertEqual(request.param("status"), "pending")
        self.assertNotIn("type", request.query)

    def test_approvals_list_every_status_and_type(self) -> None:
        self.api.route("GET", "/approvals", {"items": [], "page": 1, "page_size": 100, "total": 0})
        self.assertEqual(list(self.client.approvals.list(status=None, type="deployment")), [])
        self.assertNotIn("status", self.api.last().query)
        self.assertEqual(self.api.last().param("type"), "deployment")

    def test_approve_and_reject(self) -> None:
        self.api.route("POST", "/approvals/ap-1/approve", {"id": "ap-1", "status": "approved"})
        self.api.route("POST", "/approvals/ap-1/reject", {"id": "ap-1", "status": "rejected"})
        self.api.route("GET", "/approvals/ap-1", {"id": "ap-1", "status": "pending"})
        self.assertEqual(self.client.approvals.get("ap-1").status, "pending")
        result = self.client.approvals.approve(approval_id="ap-1", comment="Approved after review")
        self.assertEqual(self.api.last().json, {"comment": "Approved after review"})
        self.assertEqual(result.status, "approved")
        self.client.approvals.reject(approval_id="ap-1", comment="Needs revision: see notes")
        self.assertEqual(self.api.last().json, {"comment": "Needs revision: see notes"})
        self.client.approvals.approve("ap-1")
        self.assertEqual(self.api.last().json, {})

    def test_data_sources(self) -> None:
        self.api.route("POST", "/data-sources", Reply(201, {"id": "ds-1", "name": "Sales CSV"}))
        self.api.route("POST", "/data-sources/ds-1/test",
                       {"success": True, "message": "ok", "latency_ms": 3, "details": {"files": 2}})
        self.api.route("GET", "/data-sources/ds-1/schema", {"tables": [{"name": "sales"}]})
        self.api.route("GET", "/data-sources/ds-1", {"id": "ds-1"})
        self.api.route("GET", "/data-sources", {"items": [{"id": "ds-1"}], "page": 1, "page_size": 100, "total": 1})
        config = {"name": "Sales CSV", "source_type": "csv", "connection_config": {"path": "samples/sales"},
                  "description": "Weekly exports"}
        source = self.client.data_sources.create(**config)
        self.assertEqual(self.api.last().json, config)
        result = self.client.data_sources.test(source.id)
        self.assertTrue(result["success"])
        self.assertEqual(self.client.data_sources.schema("ds-1").tables[0].name, "sales")
        self.assertEqual(self.client.data_sources.get("ds-1").id, "ds-1")
        self.assertEqual([s.id for s in self.client.data_sources.list()], ["ds-1"])

    def test_results_are_json_serialisable(self) -> None:
        self.api.route("GET", "/engagements/eng-1", ENGAGEMENT)
        engagement = self.client.engagements.get("eng-1")
        self.assertIsInstance(engagement, Record)
        self.assertEqual(json.loads(json.dumps(engagement)), ENGAGEMENT)


if __name__ == "__main__":
    unittest.main()


class PipelinesTest(ClientTestCase):
    def test_run_list_and_get(self) -> None:
        self.api.route("POST", "/engagements/eng-1/pipeline-runs", {"id": "run-1", "status": "running"})
        self.api.route("GET", "/engagements/eng-1/pipeline-runs", {"items": [
            {"id": "run-1", "status": "succeeded", "steps": [{"name": "load orders", "rows_written": 3000}]}],
            "page": 1, "page_size": 100, "total": 1})
        self.api.route("GET", "/engagements/eng-1/pipeline-runs/run-1", {"id": "run-1", "status": "succeeded",
                                                                         "tests": []})
        self.assertEqual(self.client.pipelines.run("eng-1").status, "running")
        self.assertEqual(self.api.last().method, "POST")
        runs = list(self.client.pipelines.list("eng-1"))
        self.assertEqual([(r.id, r["steps"][0]["rows_written"]) for r in runs], [("run-1", 3000)])
        self.assertEqual(self.client.pipelines.get("eng-1", "run-1").status, "succeeded")
