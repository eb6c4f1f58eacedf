#!/usr/bin/env python3
"""Runs every Python example of the Engagement Workflow Guide, in order, through the SDK.

The guide (``shared/seed/engagement-workflow.md``) is the public contract of Open Forge. This
script executes each of its Python code blocks verbatim — same calls, same arguments, same
order, one shared namespace as if a reader typed them into one session — against the platform at
``OPENFORGE_URL`` with the key in ``OPENFORGE_API_KEY``, prints what each block binds, and exits
non-zero as soon as a call fails (or at the end with ``--keep-going``).

The guide uses names it never defines. They are defined here, from real API results, right before
the first block that needs them (the definitions are the ``define_*`` methods below):

* ``requirements_doc`` — the ``requirements_document`` artifact the discovery agents produced
  for the engagement (waited for).
* ``ontology`` — the ``ontology`` artifact (LinkML) produced by the guide's ``ontology_design`` task.
* ``source_mappings`` — a reference to the ``transformation_mapping`` artifact of a
  ``transformation_design`` task this script starts (the guide names the Transformation Agent in
  Phase 2 but shows no code for it): ``[{"artifact_id", "name", "version", "kind"}]``.
* ``report`` — the ``schema_validation_report`` artifact of the guide's ``schema_validation`` task.
* ``user_approves()`` — returns True (a person approving everything shown).
* ``data_sources`` — one CSV source config over the repository's ``samples/sales`` folder.

One substitution is made in the code: the guide's placeholder ``api_key="your_key"`` becomes the
key from ``OPENFORGE_API_KEY``. Besides the guide's blocks the script does a few labelled setup
steps the guide asks for in prose ("Connect data sources early", Best Practices §2): it creates and
tests the sources of ``data_sources`` (under a distinct name) before Discovery, attaches them to the
engagement and runs ``source_discovery`` so the catalog includes them; and one check: the task the
guide streams must end ``completed``.

Environment:
  OPENFORGE_URL              the platform (default http://localhost:8080)
  OPENFORGE_API_KEY          an admin key (the guide forces a transition, which needs admin)
  OPENFORGE_SAMPLES          the samples folder as the *server* sees it; the CSV source points at
                             <it>/sales (default: this repository's samples/ folder, absolute)
  OPENFORGE_E2E_TASK_TIMEOUT seconds to wait for an agent task or an artifact (default 300)
  OPENFORGE_E2E_STEP_TIMEOUT seconds one step may take at most, streaming included (default 900)

Usage:
  python clients/python/e2e/run_guide.py [--keep-going] [--cleanup] [--list]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
# run the SDK of this checkout, not whatever version may be installed
sys.path.insert(0, str(HERE.parent / "src"))

from openforge import OpenForgeClient, OpenForgeError, Record  # noqa: E402

RUN_ID = time.strftime("%Y%m%d-%H%M%S")
TASK_TIMEOUT = float(os.environ.get("OPENFORGE_E2E_TASK_TIMEOUT", "300"))
STEP_TIMEOUT = int(float(os.environ.get("OPENFORGE_E2E_STEP_TIMEOUT", "900")))
POLL_SECONDS = 2.0
PRINT_LIMIT = 2500
TERMINAL_TASK_STATUSES = ("completed", "failed", "cancelled")
ACTIVE_ENGAGEMENT_STATUSES = ("draft", "pending_approval", "approved", "in_progress", "paused")


# ---- the names the guide uses without defining them ---------------------------------------------

SAMPLES = pathlib.PurePath(os.environ.get("OPENFORGE_SAMPLES") or str(REPO_ROOT / "samples"))

#: ``data_sources`` of Best Practices §2: one CSV source over the sample sales files.
data_sources: List[Dict[str, Any]] = [
    {
        "name": f"Sales CSV exports {RUN_ID}",
        "source_type": "csv",
        "connection_config": {"path": str(SAMPLES / "sales")},
        "description": "Sales CSV files of the repository's samples/sales folder",
    }
]


def user_approves() -> bool:
    """The guide's stand-in for a person's decision: this run approves what it is shown."""
    return True


# ---- the guide's examples, verbatim ---------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    section: str
    title: str
    code: str


#: Every ```python block of the guide, in order (tests/test_guide_examples.py compares them to the guide).
EXAMPLES: List[Example] = [
    Example(
        'Phase 1: Discovery',
        'Starting Discovery',
        '''\
from openforge import OpenForgeClient

client = OpenForgeClient(api_key="your_key")

# Create engagement
engagement = client.engagements.create(
    name="Sales Analytics Platform",
    objective="Build a comprehensive sales analytics dashboard",
    description="""
    We need to:
    - Analyze sales trends across regions
    - Track customer behavior patterns
    - Generate weekly performance reports
    """,
    priority="high"
)

# Start stakeholder analysis
task = client.agents.create_task(
    engagement_id=engagement.id,
    task_type="stakeholder_analysis",
    description="Analyze key stakeholders and their requirements",
    input_data={
        "stakeholders": [
            {"name": "Sales VP", "role": "executive_sponsor"},
            {"name": "Regional Managers", "role": "primary_users"},
            {"name": "Data Team", "role": "technical_support"}
        ],
        "initial_requirements": [
            "Real-time sales dashboard",
            "Regional comparison views",
            "Export capabilities"
        ]
    }
)
''',
    ),
    Example(
        'Phase 1: Discovery',
        'Discovery Quality Gate',
        '''\
# Check phase transition readiness
readiness = client.engagements.check_transition(
    engagement_id=engagement.id,
    target_phase="design"
)

print(f"Ready: {readiness['evaluation']['ready']}")
print(f"Missing: {readiness['remaining_work']}")
''',
    ),
    Example(
        'Phase 2: Design',
        'Ontology Design',
        '''\
# Start ontology design
task = client.agents.create_task(
    engagement_id=engagement.id,
    task_type="ontology_design",
    description="Design sales analytics ontology",
    input_data={
        "domain": "sales_analytics",
        "requirements_doc_id": requirements_doc.id,
        "data_sources": [
            {"id": "ds_001", "type": "postgresql"},
            {"id": "ds_002", "type": "csv"}
        ]
    }
)
''',
    ),
    Example(
        'Phase 2: Design',
        'Schema Validation',
        '''\
# Validate schema against data sources
task = client.agents.create_task(
    engagement_id=engagement.id,
    task_type="schema_validation",
    description="Validate ontology against source data",
    input_data={
        "schema_id": ontology.id,
        "validation_rules": [
            "type_compatibility",
            "null_handling",
            "referential_integrity"
        ]
    }
)
''',
    ),
    Example(
        'Phase 3: Build',
        'Pipeline Creation',
        '''\
# Create data pipeline
task = client.agents.create_task(
    engagement_id=engagement.id,
    task_type="pipeline_creation",
    description="Build sales data ingestion pipeline",
    input_data={
        "ontology_id": ontology.id,
        "sources": source_mappings,
        "schedule": "0 * * * *",  # Hourly
        "transformations": [
            {
                "name": "normalize_regions",
                "type": "mapping",
                "source_field": "region_code",
                "target_field": "region"
            },
            {
                "name": "calculate_ltv",
                "type": "aggregation",
                "logic": "SUM(amount) OVER (PARTITION BY customer_id)"
            }
        ]
    }
)
''',
    ),
    Example(
        'Phase 3: Build',
        'UI Generation',
        '''\
# Generate dashboard UI
task = client.agents.create_task(
    engagement_id=engagement.id,
    task_type="ui_generation",
    description="Generate sales analytics dashboard",
    input_data={
        "ontology_id": ontology.id,
        "ui_type": "dashboard",
        "components": [
            {
                "type": "kpi_card",
                "metric": "total_sales",
                "title": "Total Sales"
            },
            {
                "type": "chart",
                "chart_type": "line",
                "x_axis": "sale_date",
                "y_axis": "amount",
                "group_by": "region"
            },
            {
                "type": "data_table",
                "entity": "Sale",
                "columns": ["sale_id", "customer", "amount", "sale_date"]
            }
        ]
    }
)
''',
    ),
    Example(
        'Phase 4: Deploy',
        'Deployment Configuration',
        '''\
# Configure deployment
task = client.agents.create_task(
    engagement_id=engagement.id,
    task_type="deployment_config",
    description="Deploy sales analytics to production",
    input_data={
        "environment": "production",
        "deployment_type": "kubernetes",
        "resources": {
            "cpu": "2",
            "memory": "4Gi",
            "replicas": 3
        },
        "scaling": {
            "min_replicas": 2,
            "max_replicas": 10,
            "target_cpu_utilization": 70
        }
    }
)
''',
    ),
    Example(
        'Quality Gates',
        'Checking Gate Status',
        '''\
# Get phase status
status = client.engagements.get_phase_status(engagement.id)

print(f"Current Phase: {status['phase']}")
print(f"Outputs Completed: {status['outputs_completed']}")
print(f"Gates Passed: {status['gates_passed']}")
print(f"Approvals Received: {status['approvals_received']}")
''',
    ),
    Example(
        'Quality Gates',
        'Passing a Quality Gate',
        '''\
# Pass a quality gate
client.engagements.pass_quality_gate(
    engagement_id=engagement.id,
    gate_id="ontology_validated",
    validator="schema_validator_agent",
    evidence={
        "validation_report_id": report.id,
        "passed_checks": 15,
        "failed_checks": 0
    }
)
''',
    ),
    Example(
        'Quality Gates',
        'Forcing Phase Transition',
        '''\
# Force transition (requires admin)
result = client.engagements.transition_phase(
    engagement_id=engagement.id,
    target_phase="build",
    approved_by="admin_user",
    force=True  # Skip incomplete requirements
)
''',
    ),
    Example(
        'Human-in-the-Loop',
        'Handling Approvals',
        '''\
# List pending approvals
approvals = client.approvals.list(engagement_id=engagement.id)

for approval in approvals:
    print(f"Type: {approval['type']}")
    print(f"Title: {approval['title']}")
    print(f"Description: {approval['description']}")

    # Review items
    for item in approval['items_to_review']:
        print(f"  - {item['name']}: {item['summary']}")

    # Make decision
    if user_approves():
        client.approvals.approve(
            approval_id=approval['id'],
            comment="Approved after review"
        )
    else:
        client.approvals.reject(
            approval_id=approval['id'],
            comment="Needs revision: see notes"
        )
''',
    ),
    Example(
        'Human-in-the-Loop',
        'Configuring Approval Requirements',
        '''\
# Create engagement with custom approval settings
engagement = client.engagements.create(
    name="High Security Project",
    objective="...",
    agent_config={
        "approval_settings": {
            "phase_transitions": True,
            "schema_changes": True,
            "data_access": True,
            "deployments": True,
            "tool_executions": ["execute_sql", "write_file"]
        }
    }
)
''',
    ),
    Example(
        'Monitoring Progress',
        'Real-Time Task Streaming',
        '''\
# Stream task events
for event in client.agents.stream_task(task.id):
    if event['type'] == 'progress':
        print(f"Progress: {event['step']} - {event['message']}")
    elif event['type'] == 'tool_call':
        print(f"Tool: {event['tool']} - {event['status']}")
    elif event['type'] == 'completed':
        print(f"Completed: {event['result']}")
''',
    ),
    Example(
        'Monitoring Progress',
        'Engagement Dashboard',
        '''\
# Get engagement summary
summary = client.engagements.get_summary(engagement.id)

print(f"""
Engagement: {summary['name']}
Phase: {summary['current_phase']}
Progress: {summary['progress_percent']}%

Tasks:
  - Completed: {summary['tasks']['completed']}
  - Running: {summary['tasks']['running']}
  - Pending: {summary['tasks']['pending']}
  - Failed: {summary['tasks']['failed']}

Quality Gates:
  - Passed: {summary['quality_gates']['passed']}
  - Remaining: {summary['quality_gates']['remaining']}
""")
''',
    ),
    Example(
        'Monitoring Progress',
        'Viewing Agent Logs',
        '''\
# Get task conversation history
messages = client.agents.get_task_messages(task.id)

for msg in messages:
    print(f"[{msg['role']}] {msg['content'][:200]}...")

    if msg.get('tool_calls'):
        for call in msg['tool_calls']:
            print(f"  Tool: {call['name']}")
            print(f"  Args: {call['arguments']}")
''',
    ),
    Example(
        'Best Practices',
        '1. Start with Clear Objectives',
        '''\
# Good
objective = "Build a dashboard showing weekly sales by region with 24-hour data freshness"

# Bad
objective = "Make a sales dashboard"
''',
    ),
    Example(
        'Best Practices',
        '2. Connect Data Sources Early',
        '''\
# Connect and test sources first
for source_config in data_sources:
    source = client.data_sources.create(**source_config)
    result = client.data_sources.test(source.id)

    if not result['success']:
        print(f"Warning: {source.name} connection failed")
''',
    ),
    Example(
        'Best Practices',
        '3. Review Agent Outputs',
        '''\
# Configure approval thresholds
engagement = client.engagements.create(
    name="...",
    agent_config={
        "auto_approve_threshold": 0.95,  # Only auto-approve high confidence
        "always_require_approval": [
            "schema_change",
            "deployment"
        ]
    }
)
''',
    ),
    Example(
        'Best Practices',
        '4. Use Incremental Development',
        '''\
# Phase 1: Core data model
# Phase 2: Basic dashboard
# Phase 3: Advanced analytics
# Phase 4: Production deployment
''',
    ),
]

#: Text replaced in the examples before running them (placeholders that cannot work as written).
SUBSTITUTIONS = [('api_key="your_key"', "api_key=API_KEY")]

_EXAMPLE_IDS = {
    "starting_discovery": 0,
    "discovery_gate": 1,
    "ontology_design": 2,
    "schema_validation": 3,
    "pipeline_creation": 4,
    "ui_generation": 5,
    "deployment_config": 6,
    "gate_status": 7,
    "pass_gate": 8,
    "force_transition": 9,
    "approvals": 10,
    "approval_settings": 11,
    "stream": 12,
    "summary": 13,
    "agent_logs": 14,
    "clear_objectives": 15,
    "connect_sources": 16,
    "approval_thresholds": 17,
    "incremental": 18,
}


class StepFailed(Exception):
    """A step could not do what it must (an artifact never appeared, a task failed, ...)."""


class StepTimedOut(Exception):
    pass


@dataclass
class Step:
    kind: str  # "example", "setup", "define" or "check"
    title: str
    action: Callable[[], None]
    code: Optional[str] = None


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    else:
        text = repr(value)
    if len(text) > PRINT_LIMIT:
        text = text[:PRINT_LIMIT] + f"\n... ({len(text) - PRINT_LIMIT} more characters)"
    return text


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in text.splitlines())


class GuideRun:
    def __init__(self, api_key: str) -> None:
        self.client = OpenForgeClient(api_key=api_key)
        self.ns: Dict[str, Any] = {"__name__": "engagement_workflow_guide", "API_KEY": api_key}
        self.engagement_ids: List[str] = []
        self.tasks_by_type: Dict[str, Record] = {}
        self.early_sources: List[Record] = []

    # ---- steps ------------------------------------------------------------------------------

    def plan(self) -> List[Step]:
        e = self._example_step
        return [
            Step("setup", "Reach the platform with the API key", self.check_platform),
            Step("setup", "Connect data sources early (Best Practices §2): create and test data_sources",
                 self.connect_sources_early),
            e("starting_discovery"),
            Step("setup", "Attach the connected sources to the engagement and catalog them (source_discovery)",
                 self.attach_sources),
            e("discovery_gate"),
            Step("define", "requirements_doc = the requirements_document artifact of the engagement",
                 self.define_requirements_doc),
            e("ontology_design"),
            Step("define", "ontology = the ontology artifact of the guide's ontology_design task",
                 self.define_ontology),
            e("schema_validation"),
            Step("define", "source_mappings = the transformation_mapping artifact of a transformation_design task",
                 self.define_source_mappings),
            e("pipeline_creation"),
            e("ui_generation"),
            e("deployment_config"),
            e("gate_status"),
            Step("define", "report = the schema_validation_report artifact of the guide's schema_validation task",
                 self.define_report),
            e("pass_gate"),
            e("force_transition"),
            Step("define", "user_approves() = True", self.define_user_approves),
            e("approvals"),
            e("approval_settings"),
            e("stream"),
            Step("check", "The task the guide streamed (deployment_config) ended completed",
                 self.check_streamed_task),
            e("summary"),
            e("agent_logs"),
            e("clear_objectives"),
            Step("define", "data_sources = one CSV source over samples/sales", self.define_data_sources),
            e("connect_sources"),
            e("approval_thresholds"),
            e("incremental"),
        ]

    def _example_step(self, key: str) -> Step:
        example = EXAMPLES[_EXAMPLE_IDS[key]]
        code = example.code
        for old, new in SUBSTITUTIONS:
            code = code.replace(old, new)
        return Step("example", f"{example.section} / {example.title}", lambda: self.run_example(example, code), code)

    def run_example(self, example: Example, code: str) -> None:
        before = {k: (id(v), v) for k, v in self.ns.items()}
        compiled = compile(code, f"<guide: {example.title}>", "exec")
        try:
            exec(compiled, self.ns)  # noqa: S102 - running the guide's code is the point of this script
        finally:
            self._remember(self.ns.get("engagement"), self.ns.get("task"))
        changed = [k for k, v in self.ns.items()
                   if not k.startswith("__") and (k not in before or before[k][0] != id(v))]
        for name in changed:
            value = self.ns[name]
            if callable(value) and not isinstance(value, dict):
                continue
            print(f"  -> {name} = {_show(value)}")

    def _remember(self, engagement: Any, task: Any) -> None:
        if isinstance(engagement, Record) and engagement.get("id") and engagement["id"] not in self.engagement_ids:
            self.engagement_ids.append(engagement["id"])
        if isinstance(task, Record) and task.get("task_type"):
            self.tasks_by_type[task["task_type"]] = task

    # ---- setup and checks -------------------------------------------------------------------

    def check_platform(self) -> None:
        page = self.client.engagements.list_page(page_size=1)
        print(f"  -> {self.client.base_url}: {page.total} engagements visible to this key")

    def connect_sources_early(self) -> None:
        for config in data_sources:
            early = dict(config, name=f"{config['name']} (discovery)")
            source = self.client.data_sources.create(**early)
            result = self.client.data_sources.test(source.id)
            print(f"  -> created {source.id} {early['name']!r}; test: {_show(result)}")
            if not result.get("success"):
                raise StepFailed(f"the data source {early['name']!r} at {early['connection_config']} failed its "
                                 f"test: {result.get('message')}")
            self.early_sources.append(source)

    def attach_sources(self) -> None:
        engagement = self._engagement()
        for source in self.early_sources:
            self.client.engagements.attach_data_source(engagement.id, source.id)
            print(f"  -> attached {source.id} to {engagement.id}")
        task = self.client.agents.create_task(
            engagement_id=engagement.id, task_type="source_discovery",
            description="Catalog the sources connected for the guide run")
        self._wait_for_task(task)

    def check_streamed_task(self) -> None:
        task = self.ns.get("task")
        if not isinstance(task, Record):
            raise StepFailed("the guide's `task` is not a task")
        current = self.client.agents.get_task(task.id)
        print(f"  -> task {current.id} ({current.get('task_type')}): {current.get('status')}")
        if current.get("status") != "completed":
            raise StepFailed(f"the streamed task ended {current.get('status')}: {current.get('error')}")

    # ---- definitions of the guide's undefined names ------------------------------------------

    def define_requirements_doc(self) -> None:
        self._bind("requirements_doc", self._wait_for_artifact(self._engagement(), "requirements_document"))

    def define_ontology(self) -> None:
        engagement = self._engagement()
        ontology = self._artifact_of_task(engagement, "ontology_design", "ontology")
        self._bind("ontology", ontology)
        content = self.client.engagements.get_artifact(engagement.id, ontology.id)
        head = "\n".join(content.text.splitlines()[:40])
        print(f"  (the guide shows a sample LinkML schema; the platform produced this {content.media_type}:)")
        print(_indent(head, "    | "))

    def define_source_mappings(self) -> None:
        engagement = self._engagement()
        ontology = self._need("ontology")
        task = self.client.agents.create_task(
            engagement_id=engagement.id, task_type="transformation_design",
            description="Design the source-to-ontology mappings the guide's pipeline uses as source_mappings",
            input_data={"ontology_id": ontology.id})
        self.tasks_by_type["transformation_design"] = task
        mapping = self._artifact_of_task(engagement, "transformation_design", "transformation_mapping")
        self._bind("source_mappings", [
            {"artifact_id": mapping.id, "name": mapping.get("name"), "version": mapping.get("version"),
             "kind": mapping.get("kind")}
        ])

    def define_report(self) -> None:
        self._bind("report", self._artifact_of_task(self._engagement(), "schema_validation",
                                                    "schema_validation_report"))

    def define_user_approves(self) -> None:
        self._bind("user_approves", user_approves)

    def define_data_sources(self) -> None:
        self._bind("data_sources", data_sources)

    # ---- helpers ----------------------------------------------------------------------------

    def _bind(self, name: str, value: Any) -> None:
        self.ns[name] = value
        print(f"  -> {name} = {_show(value)}")

    def _need(self, name: str) -> Any:
        if name not in self.ns:
            raise StepFailed(f"`{name}` is not defined: an earlier step failed")
        return self.ns[name]

    def _engagement(self) -> Record:
        engagement = self.ns.get("engagement")
        if not isinstance(engagement, Record):
            raise StepFailed("no engagement: the guide's first example did not create one")
        return engagement

    def _wait_for_task(self, task: Record) -> Record:
        deadline = time.monotonic() + TASK_TIMEOUT
        status = task.get("status")
        while True:
            current = self.client.agents.get_task(task.id)
            if current.get("status") != status:
                status = current.get("status")
                print(f"  .. task {task.id} ({current.get('task_type')}): {status}")
            if status in TERMINAL_TASK_STATUSES:
                break
            if time.monotonic() > deadline:
                raise StepFailed(f"task {task.id} ({current.get('task_type')}) is still {status} after "
                                 f"{TASK_TIMEOUT:.0f}s")
            time.sleep(POLL_SECONDS)
        if status != "completed":
            raise StepFailed(f"task {task.id} ({current.get('task_type')}) ended {status}: {current.get('error')}")
        return current

    def _artifact_of_task(self, engagement: Record, task_type: str, kind: str) -> Record:
        task = self.tasks_by_type.get(task_type)
        if task is None:
            raise StepFailed(f"no {task_type} task was created")
        self._wait_for_task(task)
        artifacts = [a for a in self.client.engagements.artifacts(engagement.id) if a.get("kind") == kind]
        own = [a for a in artifacts if a.get("agent_task_id") == task.id]
        if own:
            return own[-1]
        if artifacts:
            print(f"  (task {task.id} recorded no {kind} artifact of its own; using the newest {kind})")
            return artifacts[-1]
        raise StepFailed(f"the completed {task_type} task {task.id} left no {kind} artifact; the engagement has: "
                         f"{sorted({str(a.get('kind')) for a in self.client.engagements.artifacts(engagement.id)})}")

    def _wait_for_artifact(self, engagement: Record, kind: str) -> Record:
        deadline = time.monotonic() + TASK_TIMEOUT
        while True:
            artifacts = [a for a in self.client.engagements.artifacts(engagement.id) if a.get("kind") == kind]
            if artifacts:
                return artifacts[-1]
            if time.monotonic() > deadline:
                tasks = [f"{t.get('task_type')}={t.get('status')}"
                         for t in self.client.agents.list_tasks(engagement_id=engagement.id)]
                raise StepFailed(f"no {kind} artifact after {TASK_TIMEOUT:.0f}s; tasks of the engagement: "
                                 f"{', '.join(tasks) or 'none'}")
            time.sleep(POLL_SECONDS)

    def cleanup(self) -> None:
        for engagement_id in self.engagement_ids:
            try:
                current = self.client.engagements.get(engagement_id)
                if current.get("status") in ACTIVE_ENGAGEMENT_STATUSES:
                    self.client.engagements.cancel(engagement_id, reason=f"guide e2e run {RUN_ID} finished")
                    print(f"  -> cancelled {engagement_id} ({current.get('name')})")
            except OpenForgeError as error:
                print(f"  !! could not cancel {engagement_id}: {error}")


def _on_alarm(signum: int, frame: Any) -> None:
    raise StepTimedOut(f"the step took longer than {STEP_TIMEOUT}s (OPENFORGE_E2E_STEP_TIMEOUT)")


def _describe_failure(error: BaseException) -> str:
    if isinstance(error, OpenForgeError):
        text = str(error)
        if error.body is not None:
            text += "\n" + _indent(_show(error.body))
        return text
    if isinstance(error, (StepFailed, StepTimedOut)):
        return str(error)
    guide = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<guide")]
    if guide:  # an error raised by the guide's own code (a NameError, a TypeError, ...)
        return f"{type(error).__name__}: {error} (line {guide[-1].lineno} of the example)"
    return "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep-going", action="store_true", help="run every step even after a failure")
    parser.add_argument("--cleanup", action="store_true", help="cancel the engagements this run created")
    parser.add_argument("--list", action="store_true", help="print the steps and their code, then exit")
    args = parser.parse_args(argv)

    api_key = os.environ.get("OPENFORGE_API_KEY", "")
    run = GuideRun(api_key or "unset")
    steps = run.plan()
    if args.list:
        for number, step in enumerate(steps, 1):
            print(f"[{number:02d}] {step.kind:8s} {step.title}")
            if step.code:
                print(_indent(step.code.rstrip()))
        return 0
    if not api_key:
        print("OPENFORGE_API_KEY is not set: give the script an admin API key of the platform", file=sys.stderr)
        return 2

    print(f"Engagement Workflow Guide against {run.client.base_url} (run {RUN_ID}, samples at {SAMPLES})")
    use_alarm = hasattr(signal, "SIGALRM")
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
    results: List[tuple] = []
    for number, step in enumerate(steps, 1):
        print(f"\n=== [{number:02d}/{len(steps)}] {step.kind}: {step.title}")
        if step.code:
            print(_indent(step.code.rstrip(), "    >>> "))
        started = time.monotonic()
        try:
            if use_alarm:
                signal.alarm(STEP_TIMEOUT)
            try:
                step.action()
            finally:
                if use_alarm:
                    signal.alarm(0)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: B036 - every failure of a step is reported, then judged
            message = _describe_failure(error)
            print(f"  !! FAILED after {time.monotonic() - started:.1f}s: {message}")
            results.append((number, step, False, message.splitlines()[0] if message else type(error).__name__))
            if not args.keep_going:
                break
        else:
            print(f"  ok ({time.monotonic() - started:.1f}s)")
            results.append((number, step, True, ""))

    if args.cleanup:
        print("\n=== cleanup: cancel the engagements of this run")
        run.cleanup()

    failed = [r for r in results if not r[2]]
    skipped = len(steps) - len(results)
    print("\n=== result")
    for number, step, ok, message in results:
        print(f"  [{number:02d}] {'ok    ' if ok else 'FAILED'} {step.kind}: {step.title}"
              + (f"\n         {message}" if message else ""))
    if skipped:
        print(f"  {skipped} later steps not run (use --keep-going to run them anyway)")
    examples_run = sum(1 for r in results if r[1].kind == "example" and r[2])
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed"
          f" ({examples_run} of {len(EXAMPLES)} guide examples ran)")
    return 1 if failed or skipped else 0


if __name__ == "__main__":
    sys.exit(main())
