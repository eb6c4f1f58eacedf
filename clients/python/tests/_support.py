"""Test support: puts the source tree first on sys.path and fakes the Open Forge API over real HTTP.

:class:`FakeAPI` is a ``ThreadingHTTPServer`` on 127.0.0.1 with a random port. Tests register
routes (method + regular expression on the path) whose responders return a :class:`Reply` or
write the response themselves (for streams); every request is recorded for assertions.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Pattern, Tuple, Union

SRC = pathlib.Path(__file__).resolve().parents[1] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))


@dataclass
class Recorded:
    method: str
    path: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    raw_body: bytes
    groups: Tuple[str, ...] = ()

    @property
    def json(self) -> Any:
        return json.loads(self.raw_body.decode("utf-8")) if self.raw_body else None

    def param(self, name: str) -> Optional[str]:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-encodable, or bytes sent as they are
    content_type: Optional[str] = None
    headers: Dict[str, str] = field(default_factory=dict)


def problem(status: int, error: str, detail: str, request_id: str = "req-123", **extra: Any) -> Reply:
    doc = {
        "type": f"https://openforge.dev/problems/{error.replace('_', '-')}",
        "title": "Error",
        "status": status,
        "detail": detail,
        "error": error,
        "request_id": request_id,
        "timestamp": "2026-01-01T00:00:00Z",
    }
    doc.update(extra)
    return Reply(status, doc, "application/problem+json")


def page(items: List[Any], page_number: int, page_size: int, total: int) -> Reply:
    return Reply(200, {"items": items, "page": page_number, "page_size": page_size, "total": total})


Responder = Callable[[Recorded, "Handler"], Optional[Reply]]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _handle(self) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        recorded = Recorded(
            self.command,
            parsed.path,
            urllib.parse.parse_qs(parsed.query, keep_blank_values=True),
            {k.lower(): v for k, v in self.headers.items()},
            raw,
        )
        api = self.server.api
        responder: Optional[Responder] = None
        for method, pattern, candidate in api.routes:
            match = pattern.fullmatch(parsed.path)
            if method == self.command and match:
                recorded.groups = match.groups()
                responder = candidate
                break
        with api.lock:
            api.requests.append(recorded)
        reply = responder(recorded, self) if responder else problem(404, "not_found", f"no route {parsed.path}")
        if reply is not None:
            self.send(reply)

    do_GET = do_POST = do_DELETE = do_PUT = _handle

    def send(self, reply: Reply) -> None:
        if isinstance(reply.body, (bytes, bytearray)):
            payload = bytes(reply.body)
            content_type = reply.content_type or "application/octet-stream"
        elif reply.body is None and reply.status == 204:
            payload, content_type = b"", None
        else:
            payload = json.dumps(reply.body).encode("utf-8")
            content_type = reply.content_type or "application/json"
        self.send_response(reply.status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Request-Id", reply.headers.pop("X-Request-Id", "hdr-req-1"))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()

    # --- helpers for responders that stream -------------------------------------------------

    def start_chunked(self, content_type: str = "text/event-stream") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()

    def chunk(self, data: Union[str, bytes]) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        self.wfile.write(f"{len(payload):x}\r\n".encode("ascii") + payload + b"\r\n")
        self.wfile.flush()

    def end_chunked(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    api: "FakeAPI"

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that gave up (timeout tests, a stream closed early) is expected; anything else is not
        error = sys.exc_info()[1]
        if isinstance(error, (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class FakeAPI:
    """A fake Open Forge API on 127.0.0.1; use as a context manager or call start()/stop()."""

    def __init__(self) -> None:
        self.routes: List[Tuple[str, Pattern[str], Responder]] = []
        self.requests: List[Recorded] = []
        self.lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.api = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, method: str, path: str, responder: Union[Responder, Reply, Any]) -> None:
        """Registers a responder; a :class:`Reply` or plain JSON value is served as it is."""
        if callable(responder):
            fn = responder
        elif isinstance(responder, Reply):
            fn = lambda req, handler, r=responder: Reply(r.status, r.body, r.content_type, dict(r.headers))  # noqa: E731
        else:
            fn = lambda req, handler, v=responder: Reply(200, v)  # noqa: E731
        self.routes.append((method, re.compile("/api/v1" + path), fn))

    def start(self) -> "FakeAPI":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "FakeAPI":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def last(self) -> Recorded:
        with self.lock:
            return self.requests[-1]
