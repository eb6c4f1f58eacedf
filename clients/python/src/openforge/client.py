"""The entry point: :class:`OpenForgeClient`."""

from __future__ import annotations

import os
from typing import Optional

from . import __version__
from .resources import Agents, Approvals, DataSources, Engagements, Pipelines
from .transport import Transport

__all__ = ["OpenForgeClient", "DEFAULT_URL"]

DEFAULT_URL = "http://localhost:8080"


class OpenForgeClient:
    """A client of the Open Forge REST API (``<base_url>/api/v1``).

    Args:
        api_key: the API key; defaults to the environment variable ``OPENFORGE_API_KEY``.
        base_url: the platform's address; defaults to ``OPENFORGE_URL``, else ``http://localhost:8080``.
            A trailing ``/api/v1`` is accepted.
        timeout: seconds to wait for the server to connect or send data.
        auth_scheme: ``"x-api-key"`` (``X-API-Key: <key>``, the default) or ``"bearer"``
            (``Authorization: Bearer <key>``); defaults to ``OPENFORGE_AUTH_SCHEME``.

    Resources: :attr:`engagements`, :attr:`agents`, :attr:`approvals`, :attr:`data_sources`,
    :attr:`pipelines`.
    Results are :class:`~openforge.models.Record` objects (``obj.id`` and ``obj["id"]``); failures
    raise :class:`~openforge.errors.OpenForgeError`.
    """

    def __init__(
        self,
        api_key: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: float = 30,
        *,
        auth_scheme: Optional[str] = None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get("OPENFORGE_API_KEY")
        url = base_url or os.environ.get("OPENFORGE_URL") or DEFAULT_URL
        scheme = auth_scheme or os.environ.get("OPENFORGE_AUTH_SCHEME") or "x-api-key"
        self._transport = Transport(
            url, key or None, auth_scheme=scheme, timeout=timeout, user_agent=f"openforge-python/{__version__}"
        )
        self.engagements = Engagements(self._transport)
        self.agents = Agents(self._transport)
        self.approvals = Approvals(self._transport)
        self.data_sources = DataSources(self._transport)
        self.pipelines = Pipelines(self._transport)

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def timeout(self) -> float:
        return self._transport.timeout

    def __repr__(self) -> str:
        authenticated = "with an API key" if self._transport.api_key else "without an API key"
        return f"OpenForgeClient({self.base_url!r}, {authenticated})"
