"""Inventory reports: valid, self-contained HTML and JSON without raw values."""

from __future__ import annotations

import csv
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from piiguard.classification import classify, classify_table
from piiguard.report import Inventory, report_html, report_json, scan_path

from ._classify_support import fake_analyze, make_id

DATA = Path(__file__).parent / "data"
REF = "2024-06-15"
VOID = {"meta", "br", "img", "hr", "input", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Checker(HTMLParser):
    """Checks tag balance and collects what would load external resources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "href") or (value and "url(" in value):
                self.external.append(tag)
        if tag == "script":
            self.external.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
            return
        self.stack.pop()


def _check_html(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert page.startswith("<!DOCTYPE html>")
    assert not checker.errors and not checker.stack, (checker.errors, checker.stack)
    assert not checker.external, "the page must be self-contained"
    assert {"html", "head", "body", "svg", "rect", "table"} <= checker.tags
    return checker


def _raw_values() -> list[str]:
    with open(DATA / "customers.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    # Values that could only appear by leaking (skip 男/女 and empty cells).
    return sorted({v for row in rows for v in row if len(v) >= 2})


def test_table_report_html_is_valid_and_leak_free() -> None:
    """The HTML report parses, has a chart, and contains none of the CSV's values."""
    table = classify_table(DATA / "customers.csv", analyze=fake_analyze, reference_date=REF)
    page = report_html(table)
    _check_html(page)
    for value in _raw_values():
        assert value not in page, "a raw value leaked into the report"
    assert "138" in page or "*" in page  # masked examples are there
    assert "手机号" in page and "个人健康生理信息" in page


def test_json_report_is_leak_free() -> None:
    table = classify_table(DATA / "customers.csv", analyze=fake_analyze, reference_date=REF)
    text = report_json(table)
    data = json.loads(text)
    assert data["report"]["kind"] == "table" and data["report"]["level"] == 4
    for value in _raw_values():
        assert value not in text


def test_folder_inventory(tmp_path: Path) -> None:
    """A folder of CSV and text files becomes one inventory; other files are listed as skipped."""
    shutil.copy(DATA / "customers.csv", tmp_path / "customers.csv")
    idn = make_id("20160101")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "call.txt").write_text(f"家长来电，孩子身份证{idn}，孩子确诊哮喘", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    inv = scan_path(tmp_path, analyze=fake_analyze, reference_date=REF)
    assert isinstance(inv, Inventory)
    assert [(i.path, i.kind) for i in inv.items] == [("customers.csv", "table"), ("logo.png", "skipped"),
                                                      ("notes/call.txt", "text")]
    assert inv.level == 4 and inv.is_sensitive
    assert inv.items[2].result.minors == 1
    out = tmp_path / "inventory.html"
    page = report_html(tmp_path, analyze=fake_analyze, reference_date=REF, path=out)
    assert out.read_text(encoding="utf-8") == page
    _check_html(page)
    assert idn not in page and "哮喘" not in page
    for value in _raw_values():
        assert value not in page
    assert json.loads(report_json(inv))["report"]["files"][2]["result"]["minors"] == 1
    assert "call.txt" in repr(inv.items[2]) and idn not in repr(inv)


def test_text_report() -> None:
    text = f"张伟，手机13812345678，身份证{make_id('19850312')}"
    c = classify(text, analyze=fake_analyze, reference_date=REF)
    page = report_html(c, title="<测试>")
    _check_html(page)
    assert "&lt;测试&gt;" in page and "13812345678" not in page and "138****5678" in page


def test_empty_table_report() -> None:
    table = classify_table({"a": ["x", "y"]}, analyze=fake_analyze, reference_date=REF)
    page = report_html(table)
    checker = _Checker()
    checker.feed(page)
    assert not checker.errors
    assert "no personal information" in page


def test_report_type_error() -> None:
    with pytest.raises(TypeError):
        report_html(42)
