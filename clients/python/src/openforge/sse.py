"""An incremental Server-Sent Events parser (the WHATWG ``text/event-stream`` format).

:func:`iter_lines` splits a byte stream into lines as bytes arrive (LF, CRLF or CR line ends);
:class:`SSEParser` turns lines into events: ``data:`` lines (several make a multi-line data
joined by ``\\n``), ``event:`` (the type; ``message`` by default), ``id:`` (kept across events as
the last event id), ``retry:``, comments starting with ``:`` (heartbeats; ignored) and a blank
line that dispatches the event. An event left incomplete at the end of the stream is dropped, as
the format prescribes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, List, Optional, Protocol

__all__ = ["SSEEvent", "SSEParser", "iter_lines", "parse_events"]


class _Readable(Protocol):
    def read1(self, n: int = ...) -> bytes: ...


@dataclass(frozen=True)
class SSEEvent:
    """One dispatched event."""

    data: str
    event: str = "message"
    id: Optional[str] = None
    retry: Optional[int] = None


class SSEParser:
    """Feeds on lines (without their line end), yields events when a blank line dispatches them."""

    def __init__(self, on_comment: Optional[Callable[[str], None]] = None) -> None:
        self._data: List[str] = []
        self._event = ""
        self._has_data = False
        self._retry: Optional[int] = None
        self.last_event_id: Optional[str] = None
        self._on_comment = on_comment

    def feed(self, line: str) -> Optional[SSEEvent]:
        """Processes one line; returns the event it dispatches, if any."""
        if line == "":
            return self._dispatch()
        if line.startswith(":"):
            if self._on_comment is not None:
                self._on_comment(line[1:].lstrip(" "))
            return None
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
            self._has_data = True
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self.last_event_id = value
        elif name == "retry":
            if value.isdigit():
                self._retry = int(value)
        # any other field name is ignored, as the format prescribes
        return None

    def _dispatch(self) -> Optional[SSEEvent]:
        if not self._has_data:
            self._event = ""
            return None
        event = SSEEvent(
            data="\n".join(self._data),
            event=self._event or "message",
            id=self.last_event_id,
            retry=self._retry,
        )
        self._data = []
        self._has_data = False
        self._event = ""
        return event


def iter_lines(stream: _Readable, chunk_size: int = 8192) -> Iterator[str]:
    """Yields the decoded lines of a byte stream as soon as each line is complete.

    Uses ``read1`` so that a line is handed on when it arrives rather than when a buffer fills.
    A leading UTF-8 byte order mark is dropped. A CR at the end of a chunk waits for the next chunk
    to tell a CRLF from a lone CR.
    """
    buffer = b""
    first = True
    pending_cr = False
    while True:
        chunk = stream.read1(chunk_size)
        if not chunk:
            break
        if first:
            if chunk.startswith(b"\xef\xbb\xbf"):
                chunk = chunk[3:]
            first = False
        if pending_cr:
            pending_cr = False
            if chunk.startswith(b"\n"):
                chunk = chunk[1:]
        buffer += chunk
        start = 0
        length = len(buffer)
        i = 0
        while i < length:
            byte = buffer[i]
            if byte == 0x0A or byte == 0x0D:
                yield buffer[start:i].decode("utf-8", errors="replace")
                if byte == 0x0D:
                    if i + 1 < length:
                        if buffer[i + 1] == 0x0A:
                            i += 1
                    else:
                        pending_cr = True
                start = i + 1
            i += 1
        buffer = buffer[start:]
    if buffer:
        # a last line without its line end cannot dispatch an event; hand it on for completeness
        yield buffer.decode("utf-8", errors="replace")


def parse_events(lines: Iterable[str], on_comment: Optional[Callable[[str], None]] = None) -> Iterator[SSEEvent]:
    """Yields the events of a sequence of lines."""
    parser = SSEParser(on_comment)
    for line in lines:
        event = parser.feed(line)
        if event is not None:
            yield event
