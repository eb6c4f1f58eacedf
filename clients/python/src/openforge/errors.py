"""Exceptions raised by the SDK.

Every failure of a call is an :class:`OpenForgeError`. The API reports errors as RFC 7807
``application/problem+json`` documents whose ``error`` member is a stable code (``not_found``,
``validation_error``, ``conflict``, ``forbidden``, ``unauthorized``, ...); the exception carries
that code, the ``detail`` as :attr:`OpenForgeError.message`, the ``request_id`` to quote when
reporting a problem and, for validation errors, the field errors. Failures to reach the server
at all raise :class:`OpenForgeConnectionError`.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any, Dict, List, Mapping, Optional, Type

__all__ = [
    "FieldError",
    "OpenForgeError",
    "OpenForgeConnectionError",
    "OpenForgeTimeoutError",
    "BadRequestError",
    "ValidationError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "ServerError",
    "error_from_response",
]

#: Members of a problem document that the exception exposes as attributes of their own.
_STANDARD_MEMBERS = frozenset(
    {"type", "title", "status", "detail", "instance", "error", "request_id", "timestamp", "errors"}
)


class FieldError:
    """One invalid field of a request: ``field`` is its JSON path (``agent_config.llm.provider``)."""

    __slots__ = ("field", "message")

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"FieldError(field={self.field!r}, message={self.message!r})"

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldError) and (self.field, self.message) == (other.field, other.message)

    def __hash__(self) -> int:
        return hash((self.field, self.message))


class OpenForgeError(Exception):
    """A call to the Open Forge API failed.

    Attributes:
        status: the HTTP status (``None`` when no response was received).
        code: the stable error code, the problem's ``error`` member (``not_found``, ``conflict``, ...).
        message: the human-readable explanation, the problem's ``detail``.
        request_id: the server's id of the request; quote it when reporting a problem.
        errors: the invalid fields of a validation error (empty otherwise).
        body: the whole decoded problem document (or ``None`` when the body was not JSON).
        extra: problem members beyond the standard ones, e.g. ``unmet`` on a refused transition.
        method, url: the request that failed.
    """

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        code: Optional[str] = None,
        request_id: Optional[str] = None,
        errors: Optional[List[FieldError]] = None,
        body: Any = None,
        method: Optional[str] = None,
        url: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.request_id = request_id
        self.errors: List[FieldError] = list(errors or [])
        self.body = body
        self.method = method
        self.url = url

    @property
    def extra(self) -> Dict[str, Any]:
        if not isinstance(self.body, Mapping):
            return {}
        return {k: v for k, v in self.body.items() if k not in _STANDARD_MEMBERS}

    def __str__(self) -> str:
        head = " ".join(str(p) for p in (self.status, self.code) if p is not None)
        text = f"{head}: {self.message}" if head else self.message
        if self.errors:
            text += " [" + "; ".join(str(e) for e in self.errors) + "]"
        unmet = self.extra.get("unmet")
        if isinstance(unmet, list) and unmet:
            names = [u.get("gate_id") or u.get("name") for u in unmet if isinstance(u, Mapping)]
            if any(names):
                text += " (unmet: " + ", ".join(str(n) for n in names if n) + ")"
        where = f"{self.method} {self.url}" if self.method and self.url else None
        tail = ", ".join(p for p in (where, f"request_id={self.request_id}" if self.request_id else None) if p)
        return f"{text} ({tail})" if tail else text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class OpenForgeConnectionError(OpenForgeError):
    """The server could not be reached, or the connection failed before a complete response arrived."""


class OpenForgeTimeoutError(OpenForgeConnectionError):
    """The server did not answer (or went silent on a stream) within the timeout."""


class BadRequestError(OpenForgeError):
    """400: the request was malformed (bad JSON, bad paging parameter, ...)."""


class ValidationError(BadRequestError):
    """400/422 ``validation_error``: see :attr:`OpenForgeError.errors` for the invalid fields."""


class AuthenticationError(OpenForgeError):
    """401: the API key is missing, unknown or revoked."""


class PermissionDeniedError(OpenForgeError):
    """403: the key's role may not do this (e.g. a forced transition needs ``admin``)."""


class NotFoundError(OpenForgeError):
    """404: no such resource."""


class ConflictError(OpenForgeError):
    """409: the resource is not in a state that allows this (already decided, phase not ready, ...)."""


class ServerError(OpenForgeError):
    """5xx: the server failed; quote :attr:`OpenForgeError.request_id` when reporting it."""


_BY_STATUS: Dict[int, Type[OpenForgeError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
}


def _class_for(status: int, code: Optional[str]) -> Type[OpenForgeError]:
    if code == "validation_error":
        return ValidationError
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, OpenForgeError)


def _field_errors(raw: Any) -> List[FieldError]:
    result: List[FieldError] = []
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, Mapping):
                result.append(FieldError(str(item.get("field", "")), str(item.get("message", ""))))
            else:
                result.append(FieldError("", str(item)))
    return result


def _status_text(status: int, reason: str) -> str:
    if not reason:
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    return f"HTTP {status} {reason}".strip()


def error_from_response(
    status: int,
    body: bytes,
    content_type: Optional[str],
    *,
    reason: str = "",
    request_id: Optional[str] = None,
    method: Optional[str] = None,
    url: Optional[str] = None,
) -> OpenForgeError:
    """Builds the exception for an HTTP error response.

    A problem (or any JSON object) body gives code, message, request id and field errors; any other
    body (an HTML error page of a proxy, plain text) is summarised into the message.
    """
    document: Any = None
    text = body.decode("utf-8", errors="replace") if body else ""
    if text and (content_type is None or "json" in content_type.lower() or text.lstrip().startswith("{")):
        try:
            document = json.loads(text)
        except ValueError:
            document = None
    if isinstance(document, Mapping):
        code = document.get("error")
        message = (document.get("detail") or document.get("message") or document.get("title")
                   or _status_text(status, reason))
        rid = document.get("request_id") or request_id
        cls = _class_for(status, code if isinstance(code, str) else None)
        return cls(
            str(message or f"HTTP {status}"),
            status=status,
            code=code if isinstance(code, str) else None,
            request_id=str(rid) if rid is not None else None,
            errors=_field_errors(document.get("errors")),
            body=document,
            method=method,
            url=url,
        )
    snippet = " ".join(text.split())
    if len(snippet) > 300:
        snippet = snippet[:300] + "..."
    message = _status_text(status, reason)
    if snippet:
        message += f": {snippet}"
    cls = _class_for(status, None)
    return cls(message, status=status, code=None, request_id=request_id, body=None, method=method, url=url)
