"""``client.data_sources``: connections to the client's data (PostgreSQL, MySQL, CSV files)."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from ..models import Page, PagedList, Record
from ._base import AUTO_PAGE_SIZE, Resource, body, segment

__all__ = ["DataSources"]


class DataSources(Resource):
    """``/data-sources``. Credentials are stored encrypted and come back redacted (``***``)."""

    def create(
        self,
        name: str,
        source_type: str,
        connection_config: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        **extra: Any,
    ) -> Record:
        """Registers a data source (``POST /data-sources``); ``client.data_sources.create(**config)``.

        ``connection_config`` is ``{host, port, database, username, password, schema?}`` (or
        ``{jdbc_url, username, password}``) for ``postgresql``/``mysql``, ``{path}`` (a file or folder
        on the server) for ``csv``. Further keyword arguments are sent as they are.
        """
        return self._record(
            self._post(
                "/data-sources",
                body(name=name, source_type=source_type, connection_config=connection_config,
                     description=description, **extra),
            )
        )

    def get(self, data_source_id: str) -> Record:
        return self._record(self._get(f"/data-sources/{segment(data_source_id)}"))

    def list(self, *, page_size: int = AUTO_PAGE_SIZE) -> PagedList[Record]:
        """Every data source; pages are fetched as you iterate."""
        return self._paged("/data-sources", {}, page_size)

    def list_page(self, page: int = 1, page_size: int = 20) -> Page[Record]:
        return self._page("/data-sources", {}, page, page_size)

    def test(self, data_source_id: str) -> Record:
        """Connects now: ``{success, message, latency_ms, details}``."""
        return self._record(self._post(f"/data-sources/{segment(data_source_id)}/test"))

    def schema(self, data_source_id: str) -> Any:
        """The tables/files and columns the source exposes, as the server describes them."""
        return self._get(f"/data-sources/{segment(data_source_id)}/schema")
