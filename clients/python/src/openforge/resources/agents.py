"""``client.agents``: agent tasks, their live event stream and their conversation history."""

from __future__ import annotations

import http.client
import json
import socket
from typing import Any, Iterator, List, Mapping, Optional

from ..errors import OpenForgeConnectionError, OpenForgeTimeoutError
from ..models import Page, PagedList, Record
from ..sse import SSEEvent, SSEParser, iter_lines
from ._base import AUTO_PAGE_SIZE, Resource, body, segment

__all__ = ["Agents", "TaskEventStream", "event_to_record", "STREAM_IDLE_TIMEOUT"]

#: Default seconds a task stream may stay silent (no event, no heartbeat) before it is given up.
STREAM_IDLE_TIMEOUT = 300.0


def event_to_record(event: SSEEvent) -> Record:
    """The JSON object of an event's data, as a record.

    The API's events are JSON objects with a ``type`` (``progress``, ``tool_call``, ``completed``,
    ``failed``). When an object has no ``type`` the SSE event name stands in for it; data that is
    not a JSON object is returned as ``{"type": <event name>, "data": <text>}``.
    """
    try:
        decoded = json.loads(event.data)
    except ValueError:
        decoded = None
    if isinstance(decoded, dict):
        record = Record(decoded)
        if "type" not in record and event.event != "message":
            record["type"] = event.event
        return record
    return Record(type=event.event, data=event.data if decoded is None else decoded)


class TaskEventStream:
    """The events of one agent task, read from ``GET /agents/tasks/{id}/stream`` as they arrive.

    Iterate it to get one record per event: past events are replayed first, then live ones, and
    the iteration ends when the server closes the stream (after the task's terminal event). Use it
    as a context manager, or call :meth:`close`, to stop early.
    """

    def __init__(self, response: http.client.HTTPResponse, url: str, read_timeout: Optional[float]) -> None:
        self._response = response
        self._url = url
        self._read_timeout = read_timeout
        self._parser = SSEParser()
        self._closed = False
        self._started = False

    @property
    def last_event_id(self) -> Optional[str]:
        """The ``id`` of the last event received (for resuming with ``Last-Event-ID``)."""
        return self._parser.last_event_id

    def __iter__(self) -> Iterator[Record]:
        if self._started:
            raise RuntimeError("a task event stream can be iterated once")
        self._started = True
        try:
            for line in iter_lines(self._response):
                event = self._parser.feed(line)
                if event is not None:
                    yield event_to_record(event)
        except (socket.timeout, TimeoutError) as e:
            raise OpenForgeTimeoutError(
                f"the event stream sent nothing for {self._read_timeout}s", method="GET", url=self._url
            ) from e
        except (http.client.HTTPException, OSError) as e:
            if self._closed:
                return
            raise OpenForgeConnectionError(f"the event stream broke: {e}", method="GET", url=self._url) from e
        finally:
            self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._response.close()

    def __enter__(self) -> "TaskEventStream":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # pragma: no cover - best effort at interpreter shutdown
            pass


class Agents(Resource):
    """``/agents/tasks``: run an agent on an engagement and follow it."""

    def create_task(
        self,
        engagement_id: str,
        task_type: str,
        description: Optional[str] = None,
        input_data: Optional[Mapping[str, Any]] = None,
        max_iterations: Optional[int] = None,
        timeout_seconds: Optional[int] = None,
    ) -> Record:
        """Starts an agent task (``POST /agents/tasks``); returns it with ``status: "pending"``."""
        return self._record(
            self._post(
                "/agents/tasks",
                body(
                    engagement_id=engagement_id,
                    task_type=task_type,
                    description=description,
                    input_data=input_data,
                    max_iterations=max_iterations,
                    timeout_seconds=timeout_seconds,
                ),
            )
        )

    def get_task(self, task_id: str) -> Record:
        return self._record(self._get(f"/agents/tasks/{segment(task_id)}"))

    def list_tasks(
        self,
        engagement_id: Optional[str] = None,
        status: Optional[str] = None,
        *,
        page_size: int = AUTO_PAGE_SIZE,
    ) -> PagedList[Record]:
        """Every task, optionally of one engagement and/or status; pages are fetched as you iterate."""
        return self._paged("/agents/tasks", {"engagement_id": engagement_id, "status": status}, page_size)

    def list_tasks_page(
        self,
        engagement_id: Optional[str] = None,
        status: Optional[str] = None,
        page: int = 1,
        page_size: int = 20,
    ) -> Page[Record]:
        return self._page("/agents/tasks", {"engagement_id": engagement_id, "status": status}, page, page_size)

    def cancel_task(self, task_id: str) -> Record:
        return self._record(self._post(f"/agents/tasks/{segment(task_id)}/cancel"))

    def retry_task(self, task_id: str) -> Record:
        return self._record(self._post(f"/agents/tasks/{segment(task_id)}/retry"))

    def get_task_messages(self, task_id: str) -> List[Record]:
        """The conversation: ``[{role, content, tool_calls: [{id, name, arguments, result}], timestamp}]``."""
        return self._list(self._get(f"/agents/tasks/{segment(task_id)}/messages"))

    def stream_task(self, task_id: str, *, read_timeout: Optional[float] = None) -> TaskEventStream:
        """Opens the task's event stream (Server-Sent Events); iterate the result for event records.

        ``read_timeout`` bounds the silence between two pieces of data (heartbeats count); it
        defaults to :data:`STREAM_IDLE_TIMEOUT` (300 s) or the client's timeout if that is longer,
        since an agent may work a while between two events. An unknown task raises
        :class:`~openforge.errors.NotFoundError` here, before iterating.
        """
        idle = read_timeout if read_timeout is not None else max(self._transport.timeout, STREAM_IDLE_TIMEOUT)
        response, url = self._transport.open_stream(
            "GET", f"/agents/tasks/{segment(task_id)}/stream", read_timeout=idle
        )
        return TaskEventStream(response, url, idle)
