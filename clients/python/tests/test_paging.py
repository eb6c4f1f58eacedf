"""Lists page transparently: every page is fetched as the iteration needs it."""

from __future__ import annotations

import unittest

from _support import FakeAPI, Recorded, Reply

from openforge import OpenForgeClient, Page, PagedList


def paged(items, status_filter=None):  # type: ignore[no-untyped-def]
    """A responder serving ``items`` page by page, as the platform does."""

    def respond(request: Recorded, handler) -> Reply:  # type: ignore[no-untyped-def]
        wanted = request.param("status") if status_filter else None
        selected = [i for i in items if wanted is None or i.get("status") == wanted]
        number = int(request.param("page") or 1)
        size = int(request.param("page_size") or 20)
        start = (number - 1) * size
        return Reply(200, {"items": selected[start:start + size], "page": number, "page_size": size,
                           "total": len(selected)})

    return respond


class PagingTest(unittest.TestCase):
    def setUp(self) -> None:
        self.api = FakeAPI().start()
        self.addCleanup(self.api.stop)
        self.client = OpenForgeClient(api_key="k", base_url=self.api.url, timeout=5)
        self.items = [{"id": f"eng-{n}", "status": "in_progress" if n % 2 else "draft"} for n in range(1, 6)]
        self.api.route("GET", "/engagements", paged(self.items, status_filter=True))

    def test_iterating_fetches_every_page(self) -> None:
        engagements = self.client.engagements.list(status="in_progress", page_size=1)
        self.assertIsInstance(engagements, PagedList)
        self.assertEqual(self.api.requests, [], "nothing is fetched before iterating")
        ids = [e.id for e in engagements]
        self.assertEqual(ids, ["eng-1", "eng-3", "eng-5"])
        self.assertEqual([(r.param("page"), r.param("page_size"), r.param("status")) for r in self.api.requests],
                         [("1", "1", "in_progress"), ("2", "1", "in_progress"), ("3", "1", "in_progress")])

    def test_several_pages_of_two(self) -> None:
        self.api.routes.clear()
        self.api.route("GET", "/engagements", paged(self.items))
        ids = [e["id"] for e in self.client.engagements.list(page_size=2)]
        self.assertEqual(ids, [f"eng-{n}" for n in range(1, 6)])
        self.assertEqual([r.param("page") for r in self.api.requests], ["1", "2", "3"])

    def test_default_page_size_is_the_maximum(self) -> None:
        list(self.client.engagements.list(status="draft"))
        self.assertEqual(self.api.last().param("page_size"), "100")
        self.assertEqual(len(self.api.requests), 1)

    def test_iterating_again_fetches_again(self) -> None:
        engagements = self.client.engagements.list(status="draft", page_size=1)
        self.assertEqual(len(list(engagements)), 2)
        self.assertEqual(len(list(engagements)), 2)
        self.assertEqual(len(self.api.requests), 4)

    def test_one_page(self) -> None:
        page = self.client.engagements.list_page(status="in_progress", page=2, page_size=2)
        self.assertIsInstance(page, Page)
        self.assertEqual((page.page, page.page_size, page.total), (2, 2, 3))
        self.assertEqual([e.id for e in page], ["eng-5"])
        self.assertFalse(page.has_next)
        self.assertEqual(len(self.api.requests), 1)
        first = self.client.engagements.list_page(status="in_progress", page_size=2)
        self.assertTrue(first.has_next)
        with self.assertRaises(ValueError):
            self.client.engagements.list_page(page=0)

    def test_stops_on_an_empty_page_even_if_total_says_more(self) -> None:
        self.api.routes.clear()
        self.api.route("GET", "/approvals", Reply(200, {"items": [], "page": 1, "page_size": 100, "total": 7}))
        self.assertEqual(list(self.client.approvals.list()), [])
        self.assertEqual(len(self.api.requests), 1)

    def test_a_bare_array_is_one_complete_page(self) -> None:
        self.api.route("GET", "/agents/tasks", [{"id": "t-1"}, {"id": "t-2"}])
        self.assertEqual([t.id for t in self.client.agents.list_tasks(engagement_id="eng-1")], ["t-1", "t-2"])
        self.assertEqual(len(self.api.requests), 1)

    def test_first_page_and_to_list(self) -> None:
        engagements = self.client.engagements.list(page_size=2)
        self.assertEqual(engagements.first_page().total, 5)
        self.assertEqual(len(engagements.to_list()), 5)


if __name__ == "__main__":
    unittest.main()
