"""``client.engagements``: engagements, their lifecycle, quality gates and artifacts."""

from __future__ import annotations

import re
from typing import Any, List, Mapping, Optional

from ..models import ArtifactContent, Page, PagedList, Record
from ._base import AUTO_PAGE_SIZE, Resource, body, segment

__all__ = ["Engagements"]

_FILENAME = re.compile(r'filename="?([^";]+)"?')


class Engagements(Resource):
    """``/engagements``. Status and phase of an engagement are derived from the workflow engine."""

    def create(
        self,
        name: str,
        objective: Optional[str] = None,
        description: Optional[str] = None,
        priority: Optional[str] = None,
        agent_config: Optional[Mapping[str, Any]] = None,
        data_source_ids: Optional[List[str]] = None,
        requires_approval: Optional[bool] = None,
        submit: Optional[bool] = None,
    ) -> Record:
        """Creates an engagement (``POST /engagements``).

        Its lifecycle starts at once unless ``submit=False`` (a draft, see :meth:`submit`). With
        ``requires_approval=True`` it waits for a kick-off approval. Arguments left at ``None`` are
        not sent, so the server's defaults and validation apply (``objective`` is required by the
        server).
        """
        return self._record(
            self._post(
                "/engagements",
                body(
                    name=name,
                    objective=objective,
                    description=description,
                    priority=priority,
                    agent_config=agent_config,
                    data_source_ids=data_source_ids,
                    requires_approval=requires_approval,
                    submit=submit,
                ),
            )
        )

    def get(self, engagement_id: str) -> Record:
        return self._record(self._get(f"/engagements/{segment(engagement_id)}"))

    def list(self, status: Optional[str] = None, *, page_size: int = AUTO_PAGE_SIZE) -> PagedList[Record]:
        """Every engagement (newest first), optionally of one status; pages are fetched as you iterate."""
        return self._paged("/engagements", {"status": status}, page_size)

    def list_page(self, status: Optional[str] = None, page: int = 1, page_size: int = 20) -> Page[Record]:
        """One page of engagements (``page`` is 1-based, ``page_size`` at most 100)."""
        return self._page("/engagements", {"status": status}, page, page_size)

    def submit(self, engagement_id: str) -> Record:
        """Starts the lifecycle of a draft."""
        return self._record(self._post(f"/engagements/{segment(engagement_id)}/submit"))

    def pause(self, engagement_id: str) -> Record:
        return self._record(self._post(f"/engagements/{segment(engagement_id)}/pause"))

    def resume(self, engagement_id: str) -> Record:
        return self._record(self._post(f"/engagements/{segment(engagement_id)}/resume"))

    def cancel(self, engagement_id: str, reason: Optional[str] = None) -> Record:
        return self._record(self._post(f"/engagements/{segment(engagement_id)}/cancel", body(reason=reason)))

    def attach_data_source(self, engagement_id: str, data_source_id: str) -> Record:
        """Connects a data source to the engagement (evidence for the discovery gate)."""
        return self._record(
            self._post(f"/engagements/{segment(engagement_id)}/data-sources", {"data_source_id": data_source_id})
        )

    def check_transition(self, engagement_id: str, target_phase: Optional[str] = None) -> Record:
        """Evaluates the current phase's gate now: ``{current_phase, target_phase, evaluation: {ready,
        blockers}, remaining_work}``. Without ``target_phase`` the next phase is checked."""
        return self._record(
            self._get(f"/engagements/{segment(engagement_id)}/transition-check", {"target_phase": target_phase})
        )

    def get_phase_status(self, engagement_id: str) -> Record:
        """``{phase, outputs_completed, gates_passed, approvals_received, is_complete, completion_percentage, ...}``."""
        return self._record(self._get(f"/engagements/{segment(engagement_id)}/phase-status"))

    def pass_quality_gate(
        self,
        engagement_id: str,
        gate_id: str,
        validator: str,
        evidence: Optional[Mapping[str, Any]] = None,
    ) -> Record:
        """Passes one gate requirement by hand, with who validated it and the evidence."""
        return self._record(
            self._post(
                f"/engagements/{segment(engagement_id)}/quality-gates/{segment(gate_id)}/pass",
                body(validator=validator, evidence=evidence),
            )
        )

    def transition_phase(
        self,
        engagement_id: str,
        target_phase: str,
        approved_by: Optional[str] = None,
        force: bool = False,
        notes: Optional[str] = None,
    ) -> Record:
        """Moves the engagement to ``target_phase``: ``{success, previous_phase, current_phase, forced}``.

        Raises :class:`~openforge.errors.ConflictError` (its ``extra["unmet"]`` lists what is missing)
        when the phase is not ready; ``force=True`` skips the gate and needs the admin role.
        """
        return self._record(
            self._post(
                f"/engagements/{segment(engagement_id)}/transitions",
                body(target_phase=target_phase, approved_by=approved_by, force=force, notes=notes),
            )
        )

    def get_summary(self, engagement_id: str) -> Record:
        """``{name, current_phase, status, progress_percent, tasks, quality_gates, approvals, ...}``."""
        return self._record(self._get(f"/engagements/{segment(engagement_id)}/summary"))

    def gate_evaluations(self, engagement_id: str, limit: Optional[int] = None) -> List[Record]:
        """The stored gate evaluations, newest first (inputs and unmet requirements)."""
        return self._list(self._get(f"/engagements/{segment(engagement_id)}/gate-evaluations", {"limit": limit}))

    def audit(self, engagement_id: str) -> List[Record]:
        """The audit trail: transitions, pauses, cancellations, gates passed by hand."""
        return self._list(self._get(f"/engagements/{segment(engagement_id)}/audit"))

    def artifacts(self, engagement_id: str) -> List[Record]:
        """Every artifact version of the engagement, oldest first, without content."""
        return self._list(self._get(f"/engagements/{segment(engagement_id)}/artifacts"))

    def get_artifact(self, engagement_id: str, artifact_id: str) -> ArtifactContent:
        """The raw content of one artifact version with its media type."""
        response = self._transport.request(
            "GET",
            f"/engagements/{segment(engagement_id)}/artifacts/{segment(artifact_id)}",
            accept="*/*",
        )
        media_type = (response.content_type.split(";")[0].strip() or "application/octet-stream")
        disposition = response.headers.get("Content-Disposition") or ""
        match = _FILENAME.search(disposition)
        version_header = response.headers.get("X-Artifact-Version")
        version = int(version_header) if version_header and version_header.isdigit() else None
        return ArtifactContent(response.body, media_type, match.group(1) if match else None, version)
