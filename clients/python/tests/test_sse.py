"""Server-Sent Events: the parser, and task streams that yield events as they arrive."""

from __future__ import annotations

import json
import threading
import time
import unittest
from typing import List

from _support import FakeAPI, Recorded, problem

from openforge import NotFoundError, OpenForgeClient, OpenForgeTimeoutError, Record
from openforge.resources.agents import event_to_record
from openforge.sse import SSEEvent, SSEParser, iter_lines, parse_events


def events_of(text: str) -> List[SSEEvent]:
    return list(parse_events(text.split("\n")))


class ParserTest(unittest.TestCase):
    def test_data_lines_dispatch_on_blank_line(self) -> None:
        self.assertEqual(events_of('data: {"type": "progress"}\n\ndata: second\n\n'),
                         [SSEEvent('{"type": "progress"}'), SSEEvent("second")])

    def test_multi_line_data_is_joined_with_newlines(self) -> None:
        self.assertEqual(events_of("data: first\ndata: second\ndata:\ndata:  indented\n\n"),
                         [SSEEvent("first\nsecond\n\n indented")])

    def test_comments_are_ignored_and_reported(self) -> None:
        seen: List[str] = []
        parsed = list(parse_events(": heartbeat\n:\ndata: x\n: between\n\n".split("\n"), on_comment=seen.append))
        self.assertEqual(parsed, [SSEEvent("x")])
        self.assertEqual(seen, ["heartbeat", "", "between"])

    def test_event_id_and_retry_fields(self) -> None:
        parsed = events_of("event: progress\nid: 7\nretry: 1500\ndata: a\n\ndata: b\n\n")
        self.assertEqual(parsed[0], SSEEvent("a", event="progress", id="7", retry=1500))
        # the event type resets after a dispatch, the last event id does not
        self.assertEqual(parsed[1].event, "message")
        self.assertEqual(parsed[1].id, "7")

    def test_field_without_colon_and_unknown_fields(self) -> None:
        self.assertEqual(events_of("data\nfoo: bar\n\n"), [SSEEvent("")])

    def test_blank_line_without_data_dispatches_nothing(self) -> None:
        self.assertEqual(events_of("event: ping\n\n\n\ndata: x\n\n"), [SSEEvent("x")])

    def test_incomplete_event_at_end_is_dropped(self) -> None:
        self.assertEqual(events_of("data: complete\n\ndata: cut off"), [SSEEvent("complete")])

    def test_invalid_id_and_retry_are_ignored(self) -> None:
        parser = SSEParser()
        for line in ("id: a\0b", "retry: soon", "data: x"):
            parser.feed(line)
        event = parser.feed("")
        self.assertEqual(event, SSEEvent("x"))


class _Chunks:
    """A stream whose read1 hands out predefined chunks, as a socket would."""

    def __init__(self, *chunks: bytes) -> None:
        self.chunks = list(chunks)

    def read1(self, n: int = -1) -> bytes:
        return self.chunks.pop(0) if self.chunks else b""


class LineSplittingTest(unittest.TestCase):
    def test_line_ends_lf_crlf_cr_across_chunks(self) -> None:
        stream = _Chunks(b"\xef\xbb\xbfdata: a\r", b"\ndata: b\rdata: c", b"\n\r\n", b"data: d\r", b"data: e\n")
        self.assertEqual(list(iter_lines(stream)), ["data: a", "data: b", "data: c", "", "data: d", "data: e"])

    def test_utf8_is_decoded(self) -> None:
        self.assertEqual(list(iter_lines(_Chunks("data: région\n".encode("utf-8")))), ["data: région"])

    def test_lines_come_out_before_the_stream_ends(self) -> None:
        stream = _Chunks(b"data: one\n\n", b"data: two\n\n")
        lines = iter_lines(stream)
        self.assertEqual(next(lines), "data: one")
        self.assertEqual(len(stream.chunks), 1, "the second chunk is not read before it is needed")


class EventRecordTest(unittest.TestCase):
    def test_json_object_becomes_a_record(self) -> None:
        record = event_to_record(SSEEvent('{"type": "progress", "step": "profile", "message": "3 tables"}'))
        self.assertIsInstance(record, Record)
        self.assertEqual((record.type, record["step"]), ("progress", "profile"))

    def test_event_name_stands_in_for_missing_type(self) -> None:
        self.assertEqual(event_to_record(SSEEvent('{"result": {}}', event="completed")).type, "completed")
        self.assertNotIn("type", event_to_record(SSEEvent('{"result": {}}')))

    def test_non_json_data(self) -> None:
        self.assertEqual(event_to_record(SSEEvent("hello", event="note")), {"type": "note", "data": "hello"})


def sse(payload: dict, event_id: int) -> str:
    return f"id: {event_id}\ndata: {json.dumps(payload)}\n\n"


class TaskStreamTest(unittest.TestCase):
    def setUp(self) -> None:
        self.api = FakeAPI().start()
        self.addCleanup(self.api.stop)
        self.client = OpenForgeClient(api_key="k", base_url=self.api.url, timeout=5)
        self.first_received = threading.Event()
        self.second_sent = threading.Event()
        self.server_saw_ack: List[bool] = []
        self.addCleanup(self.first_received.set)

    def _staged_stream(self, chunked: bool):  # type: ignore[no-untyped-def]
        """Sends one event, waits until the test has received it, then sends the rest and closes."""

        def respond(request: Recorded, handler) -> None:  # type: ignore[no-untyped-def]
            if chunked:
                handler.start_chunked()
                write = handler.chunk
            else:
                handler.send_response(200)
                handler.send_header("Content-Type", "text/event-stream")
                handler.send_header("Connection", "close")
                handler.end_headers()
                handler.close_connection = True

                def write(text: str) -> None:
                    handler.wfile.write(text.encode("utf-8"))
                    handler.wfile.flush()

            write(": connected\n\n")
            write(sse({"type": "progress", "step": "profile", "message": "reading sales.csv"}, 1))
            self.server_saw_ack.append(self.first_received.wait(5))
            write(": heartbeat\r\n\r\n")
            # CRLF line ends, an event name and a JSON object split over two data lines
            write('event: tool_call\r\nid: 2\r\ndata: {"tool": "profile_columns",\r\ndata:  "status": "ok"}\r\n\r\n')
            self.second_sent.set()
            write(sse({"type": "completed", "result": {"tables": 1}}, 3))
            if chunked:
                handler.end_chunked()
            return None

        return respond

    def _assert_incremental(self) -> None:
        received = []
        stream = self.client.agents.stream_task("t-1")
        for event in stream:
            received.append(event)
            if len(received) == 1:
                self.assertFalse(self.second_sent.is_set(), "the second event must not have been sent yet")
                self.first_received.set()
        self.assertEqual(self.server_saw_ack, [True], "the first event reached the client before the second was sent")
        self.assertEqual([e["type"] for e in received], ["progress", "tool_call", "completed"])
        self.assertEqual(received[0].message, "reading sales.csv")
        self.assertEqual((received[1].tool, received[1].status), ("profile_columns", "ok"))
        self.assertEqual(received[2]["result"]["tables"], 1)
        self.assertEqual(stream.last_event_id, "3")
        request = self.api.last()
        self.assertEqual(request.path, "/api/v1/agents/tasks/t-1/stream")
        self.assertEqual(request.headers.get("accept"), "text/event-stream")
        self.assertEqual(request.headers.get("x-api-key"), "k")

    def test_events_arrive_before_the_stream_ends_chunked(self) -> None:
        self.api.route("GET", "/agents/tasks/t-1/stream", self._staged_stream(chunked=True))
        self._assert_incremental()

    def test_events_arrive_before_the_stream_ends_close_delimited(self) -> None:
        self.api.route("GET", "/agents/tasks/t-1/stream", self._staged_stream(chunked=False))
        self._assert_incremental()

    def test_unknown_task_raises_before_iterating(self) -> None:
        self.api.route("GET", "/agents/tasks/nope/stream", problem(404, "not_found", "agent task 'nope' not found"))
        with self.assertRaises(NotFoundError):
            self.client.agents.stream_task("nope")

    def test_silent_stream_times_out(self) -> None:
        release = threading.Event()
        self.addCleanup(release.set)

        def respond(request: Recorded, handler) -> None:  # type: ignore[no-untyped-def]
            handler.start_chunked()
            handler.chunk(sse({"type": "progress", "step": "start", "message": "m"}, 1))
            release.wait(5)
            return None

        self.api.route("GET", "/agents/tasks/t-1/stream", respond)
        received = []
        started = time.monotonic()
        with self.assertRaises(OpenForgeTimeoutError) as caught:
            for event in self.client.agents.stream_task("t-1", read_timeout=0.3):
                received.append(event)
        self.assertLess(time.monotonic() - started, 3)
        self.assertEqual(len(received), 1)
        self.assertIn("sent nothing for 0.3s", str(caught.exception))

    def test_closing_early_stops_the_iteration(self) -> None:
        release = threading.Event()
        self.addCleanup(release.set)

        def respond(request: Recorded, handler) -> None:  # type: ignore[no-untyped-def]
            handler.start_chunked()
            handler.chunk(sse({"type": "progress", "step": "1", "message": "m"}, 1))
            release.wait(5)
            return None

        self.api.route("GET", "/agents/tasks/t-1/stream", respond)
        with self.client.agents.stream_task("t-1") as stream:
            first = next(iter(stream))
        self.assertEqual(first.step, "1")
        with self.assertRaises(RuntimeError):
            iter(stream).__next__()


if __name__ == "__main__":
    unittest.main()
