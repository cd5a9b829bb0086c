"""Notebook views: escaped HTML, colours per entity, legend, redacted view without raw values."""

from __future__ import annotations

import piiguard
from piiguard._notebook import View, color_for, show

TEXT = "客户<script>alert(1)</script>张伟，手机13812345678，身份证11010519491231002X & 邮箱a.b@163.com"


class TestAnalysisView:
    """show(text): the user's own text with findings marked."""

    def test_marks_and_legend(self):
        view = show(TEXT)
        html = view._repr_html_()
        assert html.count("<mark") == len(view.spans) >= 4
        for entity in ("PERSON", "PHONE_NUMBER", "CN_RESIDENT_ID", "EMAIL_ADDRESS"):
            assert f"{entity} × 1" in html and color_for(entity) in html
        assert "&lt;script&gt;" in html and "<script>" not in html and "&amp;" in html

    def test_repr_has_no_text(self):
        view = show(TEXT)
        assert "13812345678" not in repr(view) and "张伟" not in repr(view)
        bundle = view._repr_mimebundle_()
        assert set(bundle) == {"text/plain", "text/html"} and bundle["text/plain"] == repr(view)

    def test_no_findings(self):
        assert "no personal information" in show("今天天气不错")._repr_html_()


class TestRedactedView:
    """show(text, redacted=True) / Guard.explain: only the redacted text is shown."""

    def test_no_raw_values(self):
        view = show(TEXT, redacted=True)
        html = view._repr_html_()
        for raw in ("13812345678", "11010519491231002X", "a.b@163.com"):
            assert raw not in html
        assert view.text == piiguard.redact(TEXT)
        assert all(view.text[s.start:s.end] for s in view.spans)

    def test_guard_explain(self):
        guard = piiguard.Guard(policy="strict")
        view = guard.explain(TEXT, redacted=True)
        assert isinstance(view, View) and "mask" not in view._repr_html_()
        assert {s.strategy for s in view.spans} == {"replace"}

    def test_colour_fallback_is_stable(self):
        assert color_for("MY_ENTITY") == color_for("MY_ENTITY")
