"""Shared plumbing of the resource classes."""

from __future__ import annotations

import urllib.parse
from typing import Any, Dict, List, Mapping, Optional

from ..models import Page, PagedList, Record
from ..transport import QueryValue, Transport

#: Page size used when a list is iterated transparently (the API's maximum).
AUTO_PAGE_SIZE = 100


def segment(value: str) -> str:
    """An id as one URL path segment (so an id can never change the path it is used in)."""
    text = str(value)
    if not text:
        raise ValueError("an id must not be empty")
    return urllib.parse.quote(text, safe="")


def body(**fields: Any) -> Dict[str, Any]:
    """A request body without the fields left at ``None`` (the server then applies its defaults)."""
    return {k: v for k, v in fields.items() if v is not None}


class Resource:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _get(self, path: str, params: Optional[Mapping[str, QueryValue]] = None) -> Any:
        return self._transport.request("GET", path, params=params).json()

    def _post(self, path: str, json_body: Any = None) -> Any:
        return self._transport.request("POST", path, json_body=json_body).json()

    def _delete(self, path: str) -> Any:
        return self._transport.request("DELETE", path).json()

    def _record(self, value: Any) -> Record:
        if not isinstance(value, Record):
            raise TypeError(f"expected a JSON object from the API, got {type(value).__name__}")
        return value

    def _list(self, value: Any) -> List[Any]:
        """A JSON array result (also accepts a page document and returns its items)."""
        if isinstance(value, list):
            return value
        if isinstance(value, Mapping) and isinstance(value.get("items"), list):
            return list(value["items"])
        raise TypeError(f"expected a JSON array from the API, got {type(value).__name__}")

    def _page(self, path: str, params: Mapping[str, QueryValue], page: int, page_size: int) -> Page[Record]:
        if page < 1:
            raise ValueError("page is 1-based")
        query: Dict[str, QueryValue] = dict(params)
        query["page"] = page
        query["page_size"] = page_size
        return Page.from_json(self._get(path, query), page, page_size)

    def _paged(self, path: str, params: Mapping[str, QueryValue], page_size: int = AUTO_PAGE_SIZE) -> PagedList[Record]:
        return PagedList(lambda number, size: self._page(path, params, number, size), page_size)
