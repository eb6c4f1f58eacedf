"""Results allow attribute and item access, recursively, and stay plain dicts."""

from __future__ import annotations

import copy
import json
import pickle
import unittest

import _support  # noqa: F401  (puts the source tree on sys.path)

from openforge import Page, Record
from openforge.models import wrap


class RecordTest(unittest.TestCase):
    def setUp(self) -> None:
        self.record = wrap({
            "id": "eng-1",
            "tasks": {"completed": 3, "running": 1},
            "items_to_review": [{"name": "Schema", "summary": "3 classes"}, "plain"],
            "matrix": [[{"x": 1}]],
            "items": ["shadowed by dict.items"],
            "description": None,
        })

    def test_attribute_and_item_access_agree(self) -> None:
        self.assertEqual(self.record.id, self.record["id"])
        self.assertEqual(self.record.tasks.completed, 3)
        self.assertEqual(self.record["tasks"]["running"], 1)
        self.assertEqual(self.record.items_to_review[0].summary, "3 classes")
        self.assertEqual(self.record.items_to_review[1], "plain")
        self.assertEqual(self.record.matrix[0][0].x, 1)
        self.assertIsNone(self.record.description)

    def test_behaves_like_a_dict(self) -> None:
        self.assertIsInstance(self.record, dict)
        self.assertIn("tasks", self.record)
        self.assertNotIn("nope", self.record)
        self.assertEqual(self.record.get("nope", "default"), "default")
        self.assertEqual(self.record["items"], ["shadowed by dict.items"])
        self.assertTrue(callable(self.record.items))  # dict methods keep working
        self.assertEqual(json.loads(json.dumps(self.record))["tasks"], {"completed": 3, "running": 1})
        self.assertEqual(self.record, json.loads(self.record.to_json()))
        self.assertEqual(type(self.record.to_dict()["tasks"]), dict)

    def test_missing_attribute_raises_attribute_error_naming_fields(self) -> None:
        with self.assertRaises(AttributeError) as caught:
            _ = self.record.nope
        self.assertIn("'nope'", str(caught.exception))
        self.assertIn("tasks", str(caught.exception))
        self.assertFalse(hasattr(self.record, "nope"))
        with self.assertRaises(KeyError):
            _ = self.record["nope"]

    def test_assignment_wraps_values(self) -> None:
        self.record.extra = {"a": {"b": 2}}
        self.assertEqual(self.record["extra"].a.b, 2)
        self.record["more"] = [{"c": 3}]
        self.assertEqual(self.record.more[0].c, 3)
        del self.record.more
        self.assertNotIn("more", self.record)

    def test_copy_deepcopy_and_pickle(self) -> None:
        for clone in (self.record.copy(), copy.copy(self.record), copy.deepcopy(self.record),
                      pickle.loads(pickle.dumps(self.record))):
            self.assertIsInstance(clone, Record)
            self.assertEqual(clone, self.record)
            self.assertEqual(clone.tasks.completed, 3)

    def test_prints_like_a_dict(self) -> None:
        self.assertEqual(repr(wrap({"a": {"b": 1}})), "{'a': {'b': 1}}")
        self.assertEqual(f"{wrap({'ready': False})}", "{'ready': False}")

    def test_dir_lists_fields(self) -> None:
        self.assertIn("tasks", dir(self.record))


class PageTest(unittest.TestCase):
    def test_from_json(self) -> None:
        page = Page.from_json({"items": [{"id": 1}], "page": 2, "page_size": 1, "total": 3})
        self.assertEqual((page.page, page.page_size, page.total, len(page)), (2, 1, 3, 1))
        self.assertTrue(page.has_next)
        self.assertEqual(page[0].id, 1)

    def test_rejects_other_documents(self) -> None:
        with self.assertRaises(ValueError):
            Page.from_json({"id": "x"})


if __name__ == "__main__":
    unittest.main()
