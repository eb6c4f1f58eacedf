"""``client.pipelines``: runs of an engagement's data pipeline (load, build models, test, publish)."""

from __future__ import annotations

from ..models import Page, PagedList, Record
from ._base import AUTO_PAGE_SIZE, Resource, segment

__all__ = ["Pipelines"]


class Pipelines(Resource):
    """``/engagements/{id}/pipeline-runs``."""

    def run(self, engagement_id: str) -> Record:
        """Starts a run now (needs the engineer role); returns ``{id, status: "running", ...}``.

        :class:`~openforge.errors.ConflictError` while another run of the engagement is running or before the
        Build phase created the pipeline. The run goes on in the engine: poll it with :meth:`get`.
        """
        return self._record(self._post(f"/engagements/{segment(engagement_id)}/pipeline-runs", {}))

    def list(self, engagement_id: str, *, page_size: int = AUTO_PAGE_SIZE) -> PagedList[Record]:
        """The engagement's runs, newest first, each with its steps and tests; pages are fetched as you go."""
        return self._paged(f"/engagements/{segment(engagement_id)}/pipeline-runs", {}, page_size)

    def list_page(self, engagement_id: str, page: int = 1, page_size: int = 20) -> Page[Record]:
        return self._page(f"/engagements/{segment(engagement_id)}/pipeline-runs", {}, page, page_size)

    def get(self, engagement_id: str, run_id: str) -> Record:
        """One run: ``status`` (running, succeeded, failed, quality_failed), ``steps`` and ``tests``."""
        return self._record(
            self._get(f"/engagements/{segment(engagement_id)}/pipeline-runs/{segment(run_id)}"))
