"""``client.approvals``: the human-in-the-loop decisions (each one is a Tasklist user task)."""

from __future__ import annotations

from typing import Optional

from ..models import Page, PagedList, Record
from ._base import AUTO_PAGE_SIZE, Resource, body, segment

__all__ = ["Approvals"]


class Approvals(Resource):
    """``/approvals``."""

    def list(
        self,
        engagement_id: Optional[str] = None,
        status: Optional[str] = "pending",
        type: Optional[str] = None,
        *,
        page_size: int = AUTO_PAGE_SIZE,
    ) -> PagedList[Record]:
        """The approvals waiting for a decision (``status="pending"``, the default), newest first.

        Iterate the result directly (``for approval in client.approvals.list(engagement_id=...)``);
        pages are fetched as you go. Pass another ``status`` (``approved``, ``rejected``,
        ``cancelled``) or ``status=None`` for approvals of every status, and ``type``
        (``engagement``, ``phase_transition``, ``schema_change``, ``deployment``,
        ``tool_execution``, ``data_access``) to filter by type.
        """
        return self._paged(
            "/approvals", {"engagement_id": engagement_id, "status": status, "type": type}, page_size
        )

    def list_page(
        self,
        engagement_id: Optional[str] = None,
        status: Optional[str] = "pending",
        type: Optional[str] = None,
        page: int = 1,
        page_size: int = 20,
    ) -> Page[Record]:
        return self._page(
            "/approvals", {"engagement_id": engagement_id, "status": status, "type": type}, page, page_size
        )

    def get(self, approval_id: str) -> Record:
        return self._record(self._get(f"/approvals/{segment(approval_id)}"))

    def approve(self, approval_id: str, comment: Optional[str] = None) -> Record:
        """Approves (needs the approver role); :class:`~openforge.errors.ConflictError` when already decided."""
        return self._record(self._post(f"/approvals/{segment(approval_id)}/approve", body(comment=comment)))

    def reject(self, approval_id: str, comment: Optional[str] = None) -> Record:
        """Rejects with a comment (it goes to the agents for rework); needs the approver role."""
        return self._record(self._post(f"/approvals/{segment(approval_id)}/reject", body(comment=comment)))
