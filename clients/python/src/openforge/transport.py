"""HTTP transport over the standard library (``urllib.request``): auth, JSON, errors, streaming."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple, Union

from .errors import OpenForgeConnectionError, OpenForgeError, OpenForgeTimeoutError, error_from_response
from .models import wrap

__all__ = ["Transport", "Response", "AUTH_SCHEMES", "API_PREFIX"]

API_PREFIX = "/api/v1"
#: ``x-api-key`` sends ``X-API-Key: <key>``; ``bearer`` sends ``Authorization: Bearer <key>``.
AUTH_SCHEMES = ("x-api-key", "bearer")

QueryValue = Union[str, int, float, bool, None, Iterable[Union[str, int, float, bool]]]


class Response:
    """A successful HTTP response, fully read."""

    def __init__(self, status: int, headers: "Message", body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "") or ""

    def json(self) -> Any:
        """The body decoded as JSON, objects as :class:`~openforge.models.Record`; ``None`` for no body."""
        if not self.body.strip():
            return None
        try:
            return wrap(json.loads(self.body.decode("utf-8")))
        except ValueError as e:
            snippet = self.body[:200].decode("utf-8", errors="replace")
            raise OpenForgeError(
                f"the server answered {self.status} with a body that is not JSON "
                f"({self.content_type or 'no content type'}): {snippet!r}",
                status=self.status,
                code="invalid_response",
            ) from e


def _query_string(params: Optional[Mapping[str, QueryValue]]) -> str:
    if not params:
        return ""
    pairs = []
    for key, value in params.items():
        if value is None:
            continue
        values = value if isinstance(value, (list, tuple, set)) else [value]
        for v in values:
            if isinstance(v, bool):
                v = "true" if v else "false"
            pairs.append((key, str(v)))
    return urllib.parse.urlencode(pairs)


def normalize_base_url(base_url: str) -> str:
    """``http://host:8080``, ``http://host:8080/`` and ``http://host:8080/api/v1`` all mean the same API."""
    url = base_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"base_url must start with http:// or https://, got {base_url!r}")
    if url.endswith(API_PREFIX):
        url = url[: -len(API_PREFIX)]
    return url


class Transport:
    """Sends requests to ``<base_url>/api/v1`` with the API key and turns failures into exceptions."""

    def __init__(
        self,
        base_url: str,
        api_key: Optional[str],
        *,
        auth_scheme: str = "x-api-key",
        timeout: float = 30,
        user_agent: str = "openforge-python",
        opener: Optional[urllib.request.OpenerDirector] = None,
    ) -> None:
        scheme = auth_scheme.lower()
        if scheme not in AUTH_SCHEMES:
            raise ValueError(f"auth_scheme must be one of {AUTH_SCHEMES}, got {auth_scheme!r}")
        self.base_url = normalize_base_url(base_url)
        self.api_key = api_key
        self.auth_scheme = scheme
        self.timeout = timeout
        self.user_agent = user_agent
        self._opener = opener or urllib.request.build_opener()

    def url(self, path: str, params: Optional[Mapping[str, QueryValue]] = None) -> str:
        query = _query_string(params)
        return f"{self.base_url}{API_PREFIX}{path}" + (f"?{query}" if query else "")

    def headers(self, accept: str = "application/json") -> Dict[str, str]:
        headers = {"Accept": accept, "User-Agent": self.user_agent}
        if self.api_key:
            if self.auth_scheme == "bearer":
                headers["Authorization"] = f"Bearer {self.api_key}"
            else:
                headers["X-API-Key"] = self.api_key
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, QueryValue]] = None,
        json_body: Any = None,
        accept: str = "application/json",
    ) -> Response:
        """Sends one request and reads the whole response; raises :class:`OpenForgeError` on failure."""
        url = self.url(path, params)
        response = self._open(method, url, json_body, accept, self.timeout)
        try:
            with response:
                body = response.read()
        except (socket.timeout, TimeoutError) as e:
            raise OpenForgeTimeoutError(
                f"timed out after {self.timeout}s reading the response", method=method, url=url
            ) from e
        except (http.client.HTTPException, OSError) as e:
            raise OpenForgeConnectionError(f"the connection failed while reading the response: {e}",
                                           method=method, url=url) from e
        return Response(response.status, response.headers, body)

    def open_stream(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, QueryValue]] = None,
        accept: str = "text/event-stream",
        read_timeout: Optional[float] = None,
    ) -> Tuple[http.client.HTTPResponse, str]:
        """Opens a response to be read incrementally (Server-Sent Events). The caller closes it."""
        url = self.url(path, params)
        timeout = self.timeout if read_timeout is None else read_timeout
        response = self._open(method, url, None, accept, timeout, extra_headers={"Cache-Control": "no-cache"})
        return response, url

    def _open(
        self,
        method: str,
        url: str,
        json_body: Any,
        accept: str,
        timeout: Optional[float],
        extra_headers: Optional[Mapping[str, str]] = None,
    ) -> http.client.HTTPResponse:
        headers = self.headers(accept)
        if extra_headers:
            headers.update(extra_headers)
        data = None
        if json_body is not None:
            data = json.dumps(json_body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        elif method in ("POST", "PUT", "PATCH"):
            data = b""
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            return self._opener.open(request, timeout=timeout)  # type: ignore[no-any-return]
        except urllib.error.HTTPError as e:
            try:
                body = e.read()
            except (http.client.HTTPException, OSError):
                body = b""
            finally:
                e.close()
            raise error_from_response(
                e.code,
                body,
                e.headers.get("Content-Type") if e.headers else None,
                reason=str(e.reason or ""),
                request_id=e.headers.get("X-Request-Id") if e.headers else None,
                method=method,
                url=url,
            ) from None
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise OpenForgeTimeoutError(f"timed out after {timeout}s connecting to {self.base_url}",
                                            method=method, url=url) from e
            raise OpenForgeConnectionError(f"cannot reach {self.base_url}: {reason}", method=method, url=url) from e
        except (socket.timeout, TimeoutError) as e:
            raise OpenForgeTimeoutError(f"timed out after {timeout}s waiting for {self.base_url}",
                                        method=method, url=url) from e
        except (http.client.HTTPException, OSError) as e:
            raise OpenForgeConnectionError(f"the connection to {self.base_url} failed: {e}",
                                           method=method, url=url) from e
