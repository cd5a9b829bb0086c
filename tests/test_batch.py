"""Batch API: order, streaming with bounded read-ahead, processes, progress without values."""

from __future__ import annotations

import itertools

import pytest

import piiguard
from piiguard._batch import BatchError, analyze_many, redact_many, resolve_jobs

TEXTS = [
    "客户手机13812345678，身份证11010519491231002X",
    "联系人王秀英，邮箱wang.xy@163.com",
    "",
    "没有个人信息的一句话",
    "卡号6222021234567890128，手机 139-9876-5432",
] * 20


class TestOrderAndEquivalence:
    """redact_many/analyze_many give what a loop over redact/analyze gives, in order."""

    def test_redact_many_equals_loop(self):
        assert list(redact_many(TEXTS)) == [piiguard.redact(t) for t in TEXTS]

    def test_analyze_many_equals_loop(self):
        got = [[(r.entity_type, r.start, r.end) for r in rs] for rs in analyze_many(TEXTS, batch_size=3)]
        want = [[(r.entity_type, r.start, r.end) for r in piiguard.analyze(t)] for t in TEXTS]
        assert got == want

    def test_multiprocess_equals_sequential(self):
        key = piiguard.Key(b"batch test key of at least 16 bytes")
        guard = piiguard.Guard(policy="handover", key=key)
        one = list(guard.redact_many(TEXTS, n_jobs=1))
        two = list(guard.redact_many(iter(TEXTS), n_jobs=2, batch_size=7))
        assert one == two == [guard.redact(t) for t in TEXTS]

    def test_multiprocess_analyze(self):
        one = [[(r.entity_type, r.start, r.end) for r in rs] for rs in analyze_many(TEXTS, n_jobs=1)]
        two = [[(r.entity_type, r.start, r.end) for r in rs] for rs in analyze_many(TEXTS, n_jobs=2, batch_size=5)]
        assert one == two

    def test_detailed(self):
        results = list(redact_many(TEXTS[:2], detailed=True))
        assert [r.text for r in results] == [piiguard.redact(t) for t in TEXTS[:2]]
        assert [i.entity_type for i in results[0].items] == ["PHONE_NUMBER", "CN_RESIDENT_ID"]

    def test_non_strings_pass_through(self):
        nan = float("nan")
        out = list(redact_many(["手机13812345678", None, 42, nan]))
        assert out[:3] == ["手机138****5678", None, 42] and out[3] is nan
        assert list(analyze_many([None, 3])) == [[], []]

    def test_empty_input(self):
        assert list(redact_many([])) == []
        assert list(redact_many(iter([]), n_jobs=2)) == []


class TestStreaming:
    """The input is pulled lazily and only a bounded number of records ahead."""

    def test_lazy_until_consumed(self):
        pulled = []

        def source():
            for i in itertools.count():
                pulled.append(i)
                yield f"手机1381234{i % 10000:04d}"

        out = redact_many(source(), batch_size=10)
        assert pulled == []
        first = list(itertools.islice(out, 25))
        assert len(first) == 25 and len(pulled) <= 30

    def test_bounded_read_ahead_with_processes(self):
        pulled = []

        def source():
            for i in range(10_000):
                pulled.append(i)
                yield "手机13812345678"

        out = redact_many(source(), n_jobs=2, batch_size=10)
        next(out)
        # at most 2 * n_jobs batches in flight, plus the one being formed
        assert len(pulled) <= 2 * 2 * 10 + 10
        out.close()


class TestProgress:
    """The progress bar shows counts and a rate, never a value."""

    def test_progress_has_no_values(self, capsys):
        list(redact_many(TEXTS, progress=True, batch_size=8))
        err = capsys.readouterr().err
        assert "rec" in err and "100" in err
        for raw in ("13812345678", "11010519491231002X", "王秀英", "163.com", "6222021234567890128"):
            assert raw not in err

    def test_progress_off(self, capsys):
        list(redact_many(TEXTS, progress=False))
        assert capsys.readouterr().err == ""


class TestErrors:
    """Bad arguments fail at call time; a failing record names its index, not its text."""

    @pytest.mark.parametrize("n_jobs", [0, -2, 1.5, True])
    def test_bad_jobs(self, n_jobs):
        with pytest.raises(ValueError):
            redact_many(TEXTS, n_jobs=n_jobs)

    def test_bad_batch_size(self):
        with pytest.raises(ValueError):
            redact_many(TEXTS, batch_size=0)

    def test_guard_and_settings_conflict(self):
        with pytest.raises(TypeError):
            redact_many(TEXTS, guard=piiguard.Guard(), policy="mask")

    def test_all_cores(self):
        assert resolve_jobs(-1) >= 1

    def test_failure_message_has_no_text(self, monkeypatch):
        from piiguard import _batch

        def boom(guard, item):
            raise RuntimeError(f"bad value {item}")

        monkeypatch.setitem(_batch.OPS, "redact", boom)
        with pytest.raises(BatchError) as info:
            list(redact_many(["手机13812345678"]))
        assert "13812345678" not in str(info.value) and "record 0" in str(info.value)
        assert "RuntimeError" in str(info.value)


@pytest.mark.parametrize("page", ["pipelines.md", "cli.md"])
def test_docs_examples_run(page, monkeypatch):
    """The >>> examples in docs/pipelines.md and docs/cli.md run as written."""
    import doctest
    from pathlib import Path

    from piiguard import _batch, _notebook

    # Until piiguard/__init__ exports them, the docs' public names come from their modules.
    for name, value in (("show", _notebook.show), ("redact_many", _batch.redact_many),
                        ("analyze_many", _batch.analyze_many)):
        if name not in dir(piiguard) or not hasattr(piiguard, name):
            monkeypatch.setattr(piiguard, name, value, raising=False)
    root = Path(__file__).resolve().parents[1]
    result = doctest.testfile(str(root / "docs" / page), module_relative=False, optionflags=doctest.ELLIPSIS,
                              verbose=False, report=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in docs/{page}"


def test_redact_cell_clips_a_finding_that_starts_in_the_header() -> None:
    """A finding running from the header context into the value is clipped, not dropped."""
    from presidio_analyzer import RecognizerResult

    from piiguard._batch import redact_cell

    class Straddling(piiguard.Guard):
        def analyze(self, text, **kwargs):  # type: ignore[no-untyped-def]
            return [RecognizerResult("PERSON", 1, len(text), 0.9)]  # from inside the header

    value, items = redact_cell(Straddling(), "姓名", "张伟")
    assert value != "张伟" and items == (("PERSON", "mask"),)
