"""Command line: ``python -m openforge`` (or ``openforge`` once installed).

Examples::

    openforge engagements list --status in_progress
    openforge engagements summary <engagement-id>
    openforge approvals list --engagement <engagement-id>
    openforge approvals approve <approval-id> --comment "Looks right"
    openforge approvals reject <approval-id> --comment "Needs revision: see notes"
    openforge tasks stream <task-id>
    openforge --json approvals list

Connection settings come from ``--url``/``--api-key`` or ``OPENFORGE_URL``/``OPENFORGE_API_KEY``.
Exit codes: 0 success, 1 the API refused or failed the call (or a streamed task failed),
2 bad usage, 3 the server could not be reached.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, TextIO

from . import __version__
from .client import OpenForgeClient
from .errors import OpenForgeConnectionError, OpenForgeError
from .transport import AUTH_SCHEMES

__all__ = ["main", "build_parser"]

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_CONNECTION = 3


class _Output:
    def __init__(self, out: TextIO, err: TextIO, as_json: bool) -> None:
        self.out = out
        self.err = err
        self.as_json = as_json

    def error(self, text: str) -> None:
        self.err.write(f"error: {text}\n")
        self.err.flush()

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def json(self, value: Any, *, compact: bool = False) -> None:
        if compact:
            self.line(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
        else:
            self.line(json.dumps(value, ensure_ascii=False, indent=2))

    def table(self, rows: Sequence[Mapping[str, Any]], columns: List[str], headers: List[str], empty: str) -> None:
        if not rows:
            self.line(empty)
            return
        cells = [[_cell(row.get(c)) for c in columns] for row in rows]
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
        self.line("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
        for r in cells:
            self.line("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())


def _cell(value: Any, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ---- commands ---------------------------------------------------------------------------------


def _engagements_list(client: OpenForgeClient, args: argparse.Namespace, out: _Output) -> int:
    rows = list(client.engagements.list(status=args.status))
    if out.as_json:
        out.json(rows)
        return EXIT_OK
    out.table(
        rows,
        ["id", "status", "current_phase", "priority", "name"],
        ["ID", "STATUS", "PHASE", "PRIORITY", "NAME"],
        "no engagements" + (f" with status {args.status}" if args.status else ""),
    )
    return EXIT_OK


def _engagements_summary(client: OpenForgeClient, args: argparse.Namespace, out: _Output) -> int:
    summary = client.engagements.get_summary(args.engagement_id)
    if out.as_json:
        out.json(summary)
        return EXIT_OK
    tasks = summary.get("tasks") or {}
    gates = summary.get("quality_gates") or {}
    approvals = summary.get("approvals") or {}
    out.line(f"Engagement: {summary.get('name')}")
    out.line(f"Status: {summary.get('status')}")
    out.line(f"Phase: {summary.get('current_phase')}")
    out.line(f"Progress: {summary.get('progress_percent')}%")
    out.line("Tasks:")
    for key in ("completed", "running", "pending", "failed"):
        out.line(f"  - {key.capitalize()}: {tasks.get(key)}")
    out.line("Quality Gates:")
    out.line(f"  - Passed: {gates.get('passed')}")
    out.line(f"  - Remaining: {gates.get('remaining')}")
    out.line(f"Approvals pending: {approvals.get('pending')}")
    return EXIT_OK


def _approvals_list(client: OpenForgeClient, args: argparse.Namespace, out: _Output) -> int:
    status = None if args.status == "all" else args.status
    rows = list(client.approvals.list(engagement_id=args.engagement, status=status, type=args.type))
    if out.as_json:
        out.json(rows)
        return EXIT_OK
    out.table(
        rows,
        ["id", "type", "status", "engagement_id", "title"],
        ["ID", "TYPE", "STATUS", "ENGAGEMENT", "TITLE"],
        "no approvals" + ("" if status is None else f" with status {status}"),
    )
    return EXIT_OK


def _approvals_decide(approve: bool) -> Callable[[OpenForgeClient, argparse.Namespace, _Output], int]:
    def command(client: OpenForgeClient, args: argparse.Namespace, out: _Output) -> int:
        if approve:
            result = client.approvals.approve(args.approval_id, comment=args.comment)
        else:
            result = client.approvals.reject(args.approval_id, comment=args.comment)
        if out.as_json:
            out.json(result)
        else:
            out.line(f"{result.get('status')}: {result.get('id')} {result.get('title') or ''}".rstrip())
        return EXIT_OK

    return command


def _describe_event(event: Dict[str, Any]) -> str:
    kind = event.get("type")
    if kind == "progress":
        return f"[progress] {event.get('step')} - {event.get('message')}"
    if kind == "tool_call":
        return f"[tool_call] {event.get('tool')} - {event.get('status')}"
    if kind == "completed":
        return f"[completed] {json.dumps(event.get('result'), ensure_ascii=False)}"
    if kind == "failed":
        return f"[failed] {event.get('error')}"
    return f"[{kind}] {json.dumps(event, ensure_ascii=False)}"


def _tasks_stream(client: OpenForgeClient, args: argparse.Namespace, out: _Output) -> int:
    last: Optional[Dict[str, Any]] = None
    with client.agents.stream_task(args.task_id, read_timeout=args.read_timeout) as events:
        for event in events:
            last = event
            if out.as_json:
                out.json(event, compact=True)
            else:
                out.line(_describe_event(event))
    if last is not None and last.get("type") == "failed":
        out.error(f"task {args.task_id} failed: {last.get('error')}")
        return EXIT_API_ERROR
    return EXIT_OK


# ---- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    # options accepted both before and after the command; SUPPRESS keeps the top level's value
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON instead of text")

    parser = argparse.ArgumentParser(
        prog="openforge",
        description="Open Forge command line (the REST API at $OPENFORGE_URL, key in $OPENFORGE_API_KEY).",
    )
    parser.add_argument("--version", action="version", version=f"openforge {__version__}")
    parser.add_argument("--url", help="platform address (default: $OPENFORGE_URL or http://localhost:8080)")
    parser.add_argument("--api-key", help="API key (default: $OPENFORGE_API_KEY)")
    parser.add_argument("--auth-scheme", choices=AUTH_SCHEMES, help="how to send the key (default: x-api-key)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for the server (default: 30)")
    parser.add_argument("--json", action="store_true", default=False, help="print JSON instead of text")
    groups = parser.add_subparsers(dest="group", metavar="COMMAND", required=True)

    engagements = groups.add_parser("engagements", help="engagements").add_subparsers(
        dest="command", metavar="ACTION", required=True)
    p = engagements.add_parser("list", parents=[shared], help="list engagements")
    p.add_argument("--status", help="only engagements in this status (draft, in_progress, paused, ...)")
    p.set_defaults(handler=_engagements_list)
    p = engagements.add_parser("summary", parents=[shared], help="progress, tasks, gates and approvals")
    p.add_argument("engagement_id")
    p.set_defaults(handler=_engagements_summary)

    approvals = groups.add_parser("approvals", help="human-in-the-loop approvals").add_subparsers(
        dest="command", metavar="ACTION", required=True)
    p = approvals.add_parser("list", parents=[shared], help="list approvals (pending ones by default)")
    p.add_argument("--engagement", help="only approvals of this engagement")
    p.add_argument("--status", default="pending",
                   help="pending (default), approved, rejected, cancelled, or all")
    p.add_argument("--type", help="engagement, phase_transition, schema_change, deployment, tool_execution, ...")
    p.set_defaults(handler=_approvals_list)
    p = approvals.add_parser("approve", parents=[shared], help="approve an approval")
    p.add_argument("approval_id")
    p.add_argument("--comment", help="a comment kept with the decision")
    p.set_defaults(handler=_approvals_decide(True))
    p = approvals.add_parser("reject", parents=[shared], help="reject an approval (a comment is required)")
    p.add_argument("approval_id")
    p.add_argument("--comment", required=True, help="what to change; it goes to the agents for rework")
    p.set_defaults(handler=_approvals_decide(False))

    tasks = groups.add_parser("tasks", help="agent tasks").add_subparsers(
        dest="command", metavar="ACTION", required=True)
    p = tasks.add_parser("stream", parents=[shared], help="print a task's events as they arrive")
    p.add_argument("task_id")
    p.add_argument("--read-timeout", type=float, default=None,
                   help="seconds of silence on the stream before giving up (default: 300)")
    p.set_defaults(handler=_tasks_stream)
    return parser


def main(argv: Optional[Sequence[str]] = None, stdout: Optional[TextIO] = None,
         stderr: Optional[TextIO] = None) -> int:
    out_stream = stdout or sys.stdout
    err_stream = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits on --help, --version and bad usage
        return int(e.code) if isinstance(e.code, int) else EXIT_USAGE
    out = _Output(out_stream, err_stream, bool(args.json))
    try:
        client = OpenForgeClient(api_key=args.api_key, base_url=args.url, timeout=args.timeout,
                                 auth_scheme=args.auth_scheme)
        return int(args.handler(client, args, out))
    except ValueError as e:
        out.error(str(e))
        return EXIT_USAGE
    except OpenForgeConnectionError as e:
        out.error(str(e))
        return EXIT_CONNECTION
    except OpenForgeError as e:
        out.error(str(e))
        if out.as_json and e.body is not None:
            err_stream.write(json.dumps(e.body, ensure_ascii=False, indent=2) + "\n")
        return EXIT_API_ERROR
    except KeyboardInterrupt:
        err_stream.write("interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
