"""Result types: JSON objects with attribute access, pages, and lazily paged lists."""

from __future__ import annotations

import json
from typing import (
    Any,
    Callable,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    TypeVar,
    Union,
)

__all__ = ["Record", "Page", "PagedList", "ArtifactContent", "wrap"]

T = TypeVar("T")


class Record(dict):  # type: ignore[type-arg]
    """A JSON object of the API: a real ``dict`` that also allows attribute access.

    ``engagement.id`` and ``engagement["id"]`` are the same value; nested objects (also inside
    lists) are records too, so ``summary.tasks.completed`` works. Being a ``dict``, a record
    supports ``.get``, ``in``, iteration and ``json.dumps`` unchanged. A key that is also the name
    of a ``dict`` method (``items``, ``keys``, ``values``, ``get``, ...) is reachable by item
    access only.
    """

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, value in dict.items(self):
            dict.__setitem__(self, key, wrap(value))

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no field {name!r}; fields: {', '.join(sorted(map(str, self)))}"
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        try:
            del self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, wrap(value))

    def __dir__(self) -> List[str]:
        return sorted(set(dir(dict)) | {k for k in self if isinstance(k, str) and k.isidentifier()})

    def to_dict(self) -> Dict[str, Any]:
        """A plain-``dict`` deep copy (records and lists unwrapped)."""
        return {k: _unwrap(v) for k, v in self.items()}

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self, **kwargs)

    # dict.copy would return a plain dict
    def copy(self) -> "Record":
        return Record(self)


def wrap(value: Any) -> Any:
    """Turns decoded JSON into records: objects become :class:`Record`, lists are wrapped element-wise."""
    if isinstance(value, Record):
        return value
    if isinstance(value, Mapping):
        return Record(value)
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


def _unwrap(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    return value


class Page(Generic[T]):
    """One page of a list: ``{"items": [...], "page": 1, "page_size": 20, "total": N}`` (page is 1-based)."""

    def __init__(self, items: List[T], page: int, page_size: int, total: int) -> None:
        self.items = items
        self.page = page
        self.page_size = page_size
        self.total = total

    @classmethod
    def from_json(cls, body: Any, page: int = 1, page_size: Optional[int] = None) -> "Page[Any]":
        """Reads a page document; a bare JSON array is taken as the single, complete page."""
        if isinstance(body, list):
            items = wrap(body)
            return cls(items, 1, max(len(items), page_size or 0), len(items))
        if not isinstance(body, Mapping) or not isinstance(body.get("items"), list):
            raise ValueError("expected a page {items, page, page_size, total} or a JSON array")
        items = wrap(body["items"])
        return cls(
            items,
            int(body.get("page") or page),
            int(body.get("page_size") or page_size or len(items)),
            int(body["total"]) if body.get("total") is not None else len(items),
        )

    @property
    def has_next(self) -> bool:
        """Whether a later page holds more items."""
        return bool(self.items) and self.page * self.page_size < self.total

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def __repr__(self) -> str:
        return f"Page(page={self.page}, page_size={self.page_size}, total={self.total}, items={len(self.items)})"


class PagedList(Generic[T]):
    """Every item of a paged list, fetched page by page as it is iterated.

    Iterating again starts from the first page (fresh data). ``list(paged)`` or
    :meth:`to_list` fetches everything; :meth:`first_page` / :meth:`pages` give page objects.
    """

    def __init__(self, fetch: Callable[[int, int], "Page[T]"], page_size: int = 100, max_pages: int = 10_000) -> None:
        self._fetch = fetch
        self._page_size = page_size
        self._max_pages = max_pages

    def pages(self) -> Iterator["Page[T]"]:
        seen = 0
        number = 1
        while number <= self._max_pages:
            page = self._fetch(number, self._page_size)
            yield page
            seen += len(page.items)
            if not page.items or seen >= page.total or not page.has_next:
                return
            number = page.page + 1

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def first_page(self) -> "Page[T]":
        return self._fetch(1, self._page_size)

    def to_list(self) -> List[T]:
        return list(self)

    def __repr__(self) -> str:
        return f"PagedList(page_size={self._page_size})"


class ArtifactContent:
    """The raw content of an artifact version, as the server serves it (with its media type)."""

    def __init__(self, content: bytes, media_type: str, filename: Optional[str], version: Optional[int]) -> None:
        self.content = content
        self.media_type = media_type
        self.filename = filename
        self.version = version

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Union[Record, List[Any], Any]:
        """The content decoded as JSON (for ``application/json`` artifacts)."""
        return wrap(json.loads(self.text))

    def __repr__(self) -> str:
        return (
            f"ArtifactContent(media_type={self.media_type!r}, filename={self.filename!r}, "
            f"version={self.version!r}, size={len(self.content)})"
        )
