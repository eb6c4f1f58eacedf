"""The guide runner (e2e/run_guide.py): its examples are the guide's, and it runs them end to end.

The end-to-end run here is against a small stateful fake of the platform, to test the runner's own
logic (definitions of the guide's undefined names, waits, checks, failure reporting, exit codes).
The real run is against a real platform (see the README).
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import pathlib
import re
import subprocess
import sys
import unittest
from typing import Any, Dict, List

from _support import FakeAPI, Recorded, Reply, problem

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "e2e" / "run_guide.py"
REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
GUIDE = pathlib.Path(os.environ.get("OPENFORGE_GUIDE", REPO_ROOT.parent / "shared" / "seed" / "engagement-workflow.md"))


def load_script() -> Any:
    spec = importlib.util.spec_from_file_location("run_guide", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_guide"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


class GuideExamplesTest(unittest.TestCase):
    @unittest.skipUnless(GUIDE.is_file(), f"the guide is not at {GUIDE} (set OPENFORGE_GUIDE)")
    def test_examples_are_the_guides_python_blocks_verbatim_and_in_order(self) -> None:
        blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
        examples = load_script().EXAMPLES
        self.assertEqual(len(examples), len(blocks))
        for example, block in zip(examples, blocks):
            self.assertEqual(example.code, block, example.title)

    def test_every_example_is_in_the_plan_once_in_order(self) -> None:
        module = load_script()
        codes = [s.code for s in module.GuideRun("k").plan() if s.kind == "example"]
        expected = [e.code for e in module.EXAMPLES]
        expected[0] = expected[0].replace('api_key="your_key"', "api_key=API_KEY")
        self.assertEqual(codes, expected)


class FakePlatform:
    """Just enough platform state for the guide: engagements, tasks producing artifacts, approvals."""

    OUTPUT_KIND = {
        "stakeholder_analysis": "stakeholder_analysis",
        "requirements_gathering": "requirements_document",
        "source_discovery": "source_catalog",
        "ontology_design": "ontology",
        "schema_validation": "schema_validation_report",
        "transformation_design": "transformation_mapping",
        "pipeline_creation": "pipeline_spec",
        "ui_generation": "ui_components",
        "deployment_config": "deployment_config",
    }

    def __init__(self, api: FakeAPI) -> None:
        self.ids = itertools.count(1)
        self.engagements: Dict[str, Dict[str, Any]] = {}
        self.tasks: Dict[str, Dict[str, Any]] = {}
        self.artifacts: List[Dict[str, Any]] = []
        self.approvals: Dict[str, Dict[str, Any]] = {}
        self.sources: Dict[str, Dict[str, Any]] = {}
        r = api.route
        r("GET", "/engagements", lambda q, h: self.page(list(self.engagements.values()), q))
        r("POST", "/engagements", self.create_engagement)
        r("GET", r"/engagements/([^/]+)", lambda q, h: Reply(200, self.engagements[q.groups[0]]))
        r("POST", r"/engagements/([^/]+)/cancel", self.cancel)
        r("POST", r"/engagements/([^/]+)/data-sources", lambda q, h: Reply(200, self.engagements[q.groups[0]]))
        r("GET", r"/engagements/([^/]+)/artifacts", lambda q, h: Reply(200, [
            a for a in self.artifacts if a["engagement_id"] == q.groups[0]]))
        r("GET", r"/engagements/([^/]+)/artifacts/([^/]+)",
          lambda q, h: Reply(200, b"id: https://example.org/sales\nname: sales_ontology\n", "application/yaml"))
        r("GET", r"/engagements/([^/]+)/transition-check", lambda q, h: Reply(200, {
            "current_phase": "discovery", "target_phase": q.param("target_phase"),
            "evaluation": {"ready": False, "blockers": [{"gate_id": "human_approval"}]},
            "remaining_work": {"phase": "discovery", "remaining_gates": [{"gate_id": "human_approval"}]}}))
        r("GET", r"/engagements/([^/]+)/phase-status", lambda q, h: Reply(200, {
            "phase": "discovery", "outputs_completed": ["requirements_document"], "gates_passed": [],
            "approvals_received": [], "is_complete": False, "completion_percentage": 60}))
        r("POST", r"/engagements/([^/]+)/quality-gates/([^/]+)/pass", lambda q, h: Reply(201, {
            "gate_id": "schema_validated", "validator": q.json["validator"]}))
        r("POST", r"/engagements/([^/]+)/transitions", self.transition)
        r("GET", r"/engagements/([^/]+)/summary", lambda q, h: Reply(200, {
            "name": self.engagements[q.groups[0]]["name"], "current_phase": "discovery", "status": "in_progress",
            "progress_percent": 10, "tasks": {"completed": 1, "running": 0, "pending": 0, "failed": 0},
            "quality_gates": {"passed": 1, "remaining": 15}, "approvals": {"pending": 0}}))
        r("POST", "/agents/tasks", self.create_task)
        r("GET", "/agents/tasks", lambda q, h: self.page([
            t for t in self.tasks.values() if t["engagement_id"] == q.param("engagement_id")], q))
        r("GET", r"/agents/tasks/([^/]+)", self.get_task)
        r("GET", r"/agents/tasks/([^/]+)/stream", self.stream)
        r("GET", r"/agents/tasks/([^/]+)/messages", lambda q, h: Reply(200, [
            {"role": "assistant", "content": "Generated the deployment", "timestamp": "t",
             "tool_calls": [{"id": "c1", "name": "validate_manifest", "arguments": {"kind": "Deployment"},
                             "result": "ok"}]}]))
        r("GET", "/approvals", lambda q, h: self.page([
            a for a in self.approvals.values()
            if a["engagement_id"] == q.param("engagement_id") and a["status"] == q.param("status")], q))
        r("POST", r"/approvals/([^/]+)/approve", self.approve)
        r("POST", "/data-sources", self.create_source)
        r("POST", r"/data-sources/([^/]+)/test", lambda q, h: Reply(200, {
            "success": True, "message": "2 CSV files", "latency_ms": 4, "details": {}}))

    def next_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self.ids)}"

    @staticmethod
    def page(items: List[Any], request: Recorded) -> Reply:
        return Reply(200, {"items": items, "page": 1, "page_size": int(request.param("page_size") or 20),
                           "total": len(items)})

    def create_engagement(self, request: Recorded, handler: Any) -> Reply:
        body = request.json
        if not body.get("objective"):
            return problem(422, "validation_error", "objective: must not be blank",
                           errors=[{"field": "objective", "message": "must not be blank"}])
        engagement = dict(body, id=self.next_id("eng"), status="in_progress", current_phase="discovery")
        self.engagements[engagement["id"]] = engagement
        # the discovery agents start on phase entry and write the requirements document
        self.artifacts.append({"id": self.next_id("art"), "engagement_id": engagement["id"],
                               "kind": "requirements_document", "name": "requirements", "version": 1,
                               "agent_task_id": None})
        approval = {"id": self.next_id("ap"), "engagement_id": engagement["id"], "type": "schema_change",
                    "title": "Review the ontology", "description": "3 classes", "status": "pending",
                    "items_to_review": [{"name": "Customer", "summary": "4 attributes"}]}
        self.approvals[approval["id"]] = approval
        return Reply(201, engagement)

    def cancel(self, request: Recorded, handler: Any) -> Reply:
        engagement = self.engagements[request.groups[0]]
        engagement["status"] = "cancelled"
        return Reply(200, engagement)

    def transition(self, request: Recorded, handler: Any) -> Reply:
        return Reply(200, {"success": True, "previous_phase": "discovery",
                           "current_phase": request.json["target_phase"], "forced": request.json.get("force")})

    def create_task(self, request: Recorded, handler: Any) -> Reply:
        task = dict(request.json, id=self.next_id("task"), status="pending", error=None)
        self.tasks[task["id"]] = task
        return Reply(201, task)

    def get_task(self, request: Recorded, handler: Any) -> Reply:
        task = self.tasks[request.groups[0]]
        if task["status"] == "pending":  # runs at once
            task["status"] = "completed"
            self.artifacts.append({"id": self.next_id("art"), "engagement_id": task["engagement_id"],
                                   "kind": self.OUTPUT_KIND[task["task_type"]], "name": task["task_type"],
                                   "version": 1, "agent_task_id": task["id"]})
        return Reply(200, task)

    def stream(self, request: Recorded, handler: Any) -> None:
        self.get_task(request, handler)
        handler.start_chunked()
        for event in ({"type": "progress", "step": "render", "message": "k8s manifests"},
                      {"type": "tool_call", "tool": "validate_manifest", "status": "ok"},
                      {"type": "completed", "result": {"files": 3}}):
            handler.chunk(f"data: {json.dumps(event)}\n\n")
        handler.end_chunked()

    def approve(self, request: Recorded, handler: Any) -> Reply:
        approval = self.approvals[request.groups[0]]
        if approval["status"] != "pending":
            return problem(409, "conflict", "already decided")
        approval.update(status="approved", decision_comment=request.json.get("comment"))
        return Reply(200, approval)

    def create_source(self, request: Recorded, handler: Any) -> Reply:
        source = dict(request.json, id=self.next_id("ds"))
        self.sources[source["id"]] = source
        return Reply(201, source)


class GuideRunTest(unittest.TestCase):
    def run_script(self, api: FakeAPI, *args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
        env = dict(os.environ, OPENFORGE_URL=api.url, OPENFORGE_API_KEY="admin-key",
                   OPENFORGE_SAMPLES="/srv/openforge/samples", OPENFORGE_E2E_TASK_TIMEOUT="20")
        return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env,
                              timeout=120)

    def test_runs_every_example_and_reports_the_failing_one(self) -> None:
        with FakeAPI() as api:
            platform = FakePlatform(api)
            result = self.run_script(api, "--keep-going", "--cleanup")
        out = result.stdout
        self.assertEqual(result.returncode, 1, out + result.stderr)
        # the guide's last engagement example omits objective, which the platform requires
        self.assertRegex(out, r"\[28\] FAILED example: Best Practices / 3\. Review Agent Outputs\n"
                              r"\s+422 validation_error")
        self.assertIn("28 passed, 1 failed (18 of 19 guide examples ran)", out)
        # the guide's own prints ran
        self.assertIn("Ready: False", out)
        self.assertIn("Type: schema_change", out)
        self.assertIn("  - Customer: 4 attributes", out)
        self.assertIn("Progress: render - k8s manifests", out)
        self.assertIn("Tool: validate_manifest - ok", out)
        self.assertIn("Completed: {'files': 3}", out)
        self.assertIn("Engagement: High Security Project", out)
        self.assertIn("  Tool: validate_manifest", out)
        # the undefined names were bound to real results of the (fake) platform
        tasks = {t["task_type"]: t for t in platform.tasks.values()}
        requirements = [a for a in platform.artifacts if a["kind"] == "requirements_document"][0]
        self.assertEqual(tasks["ontology_design"]["input_data"]["requirements_doc_id"], requirements["id"])
        ontology = [a for a in platform.artifacts if a["kind"] == "ontology"][0]
        self.assertEqual(ontology["agent_task_id"], tasks["ontology_design"]["id"])
        self.assertEqual(tasks["schema_validation"]["input_data"]["schema_id"], ontology["id"])
        mapping = [a for a in platform.artifacts if a["kind"] == "transformation_mapping"][0]
        self.assertEqual(tasks["pipeline_creation"]["input_data"]["sources"][0]["artifact_id"], mapping["id"])
        self.assertEqual(tasks["pipeline_creation"]["input_data"]["ontology_id"], ontology["id"])
        report = [a for a in platform.artifacts if a["kind"] == "schema_validation_report"][0]
        gate = [r for r in api.requests if r.path.endswith("/quality-gates/ontology_validated/pass")][0]
        self.assertEqual(gate.json["evidence"]["validation_report_id"], report["id"])
        # the approval was decided as the guide says, the CSV source points at the samples folder
        self.assertEqual([a["decision_comment"] for a in platform.approvals.values() if a["status"] == "approved"],
                         ["Approved after review"])
        paths = {s["connection_config"]["path"] for s in platform.sources.values()}
        self.assertEqual(paths, {"/srv/openforge/samples/sales"})
        self.assertEqual(len(platform.sources), 2)  # the early one (setup) and the guide's own
        # --cleanup cancelled both engagements of the run
        self.assertEqual(sorted(e["status"] for e in platform.engagements.values()), ["cancelled", "cancelled"])

    def test_stops_at_the_first_failure_by_default(self) -> None:
        with FakeAPI() as api:
            api.route("GET", "/engagements", {"items": [], "page": 1, "page_size": 1, "total": 0})
            api.route("POST", "/data-sources", problem(404, "not_found", "no such endpoint"))
            result = self.run_script(api)
        self.assertEqual(result.returncode, 1)
        self.assertIn("[02] FAILED setup", result.stdout)
        self.assertIn("27 later steps not run", result.stdout)
        self.assertNotIn("=== [03/", result.stdout)

    def test_missing_key_and_listing(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "OPENFORGE_API_KEY"}
        result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(result.returncode, 2)
        self.assertIn("OPENFORGE_API_KEY", result.stderr)
        listing = subprocess.run([sys.executable, str(SCRIPT), "--list"], capture_output=True, text=True, env=env,
                                 timeout=60)
        self.assertEqual(listing.returncode, 0)
        self.assertIn("client = OpenForgeClient(api_key=API_KEY)", listing.stdout)
        self.assertEqual(len(re.findall(r"^\[\d\d\] example ", listing.stdout, re.M)), 19)


if __name__ == "__main__":
    unittest.main()
