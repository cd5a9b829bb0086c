"""No side-door leaks (issue 8, part 3).

The whole API runs on records full of PII with every logger at DEBUG and every warning
recorded. Then the logs, warnings, exception messages and formatted tracebacks, the
``repr``/``str`` of every public object, the reports, and (for the CLI) the processing
record, stdout and the progress output on stderr are searched for each raw value and
for the key. The redacted text itself is not searched under ``mask`` (it keeps parts of
values by design), but it never holds a whole raw value.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import os
import subprocess
import sys
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import piiguard
from piiguard import Guard, Key, Policy
from piiguard.report import report_html, report_json, scan_path

SECRET = "leak-test key material 0123456789 !!"
KEY = Key(SECRET)
NAME, PHONE, RID = "欧阳娜娜", "13912345678", "11010519491231002X"
CARD, EMAIL, ADDRESS = "6222021234567890128", "nana.ouyang@example.com", "广东省深圳市南山区科技园路1号"
PASSPORT, USCC = "E12345678", "91350100M000100Y43"
RAW = [NAME, PHONE, RID, CARD, EMAIL, ADDRESS, PASSPORT, USCC, "139 1234 5678", "1391234"]
SECRETS = [SECRET, KEY.derive("hash").hex(), KEY.derive("encrypt/gcm").hex(), KEY.derive("pseudonymize").hex()]
RECORD = (f"客户{NAME}女士，手机{PHONE}（139 1234 5678），身份证{RID}，卡号{CARD}，邮箱{EMAIL}，"
          f"住址{ADDRESS}，护照{PASSPORT}，单位信用代码{USCC}，患有糖尿病")
RECORDS = [RECORD, f"联系人：{NAME}\n电话：{PHONE}", f"{RID}", ""]
POLICIES: list[Any] = ["mask", "pseudonymize", "strict", "remove", "handover", {"default": "hash"},
                       {"default": "encrypt"}, {"default": {"encrypt": "deterministic"}},
                       {"PHONE_NUMBER": "fpe", "CN_BANK_CARD": "fpe", "default": "replace"}]


def assert_clean(blob: str, where: str, raw: list[str] = RAW) -> None:
    for value in [*raw, *SECRETS]:
        assert value not in blob, f"{where} contains a raw value or key material"


@pytest.fixture
def capture(caplog: pytest.LogCaptureFixture) -> Iterator[list[str]]:
    """Everything written to logs and warnings while the test runs (strings)."""
    seen: list[str] = []
    caplog.set_level(logging.DEBUG)
    for name in ("piiguard", "presidio-analyzer", "presidio-anonymizer", "jieba", ""):
        logging.getLogger(name).setLevel(logging.DEBUG)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s %(args)s"))
    logging.getLogger().addHandler(handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield seen
    logging.getLogger().removeHandler(handler)
    seen += [str(w.message) for w in caught]
    seen += [r.getMessage() + repr(r.args) + (r.exc_text or "") for r in caplog.records]
    seen.append(stream.getvalue())
    assert_clean("\n".join(seen), "logs/warnings")


def exc_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)) + str(exc) + repr(exc) + repr(exc.args)


def formatted(exc: BaseException) -> str:
    """The messages a printed traceback shows: the exception and every chained one it displays.

    (Source lines are left out: they quote the test's own literals.)
    """
    out = []
    seen: BaseException | None = exc
    while seen is not None:
        out.append(exc_text(seen))
        seen = seen.__cause__ or (None if seen.__suppress_context__ else seen.__context__)
    return "".join(out)


class TestApi:
    def test_everything_at_debug(self, capture: list[str]) -> None:
        seen = capture
        guard_reprs = []
        for policy in POLICIES:
            guard = Guard(policy=policy, key=KEY)
            guard_reprs += [repr(guard), str(guard), repr(guard.policy), repr(guard.key)]
            for text in RECORDS:
                result = guard.redact_detailed(text)
                seen += [repr(result), repr(list(result.items)), str(list(result.items))]
                for item in result.items:
                    seen += [repr(item), str(item)]
                if policy not in ("mask",):  # mask keeps parts by design; whole values never
                    assert_clean(result.text, f"redacted text under {policy}", [NAME, PHONE, RID, CARD, EMAIL])
                else:
                    assert_clean(result.text, "masked text", [PHONE, RID, CARD, EMAIL, ADDRESS])
        seen += guard_reprs
        results = piiguard.analyze(RECORD)
        assert len(results) >= 6
        seen += [repr(results), str(results)] + [str(r) for r in results]
        c = piiguard.classify(RECORD)
        seen += [repr(c), str(c), repr(c.findings), repr(c.reasons)]
        seen += [report_json(c), report_html(c)]
        table = piiguard.classify_table({"姓名": [NAME] * 3, "手机": [PHONE, "13812345678", "13700001111"],
                                         "备注": [RECORD] * 3})
        seen += [repr(table), str(table), repr(table.columns), report_json(table), report_html(table)]
        for col in table.columns:
            seen += [repr(col), str(col)]
        seen += [repr(KEY), str(KEY), f"{KEY}", repr(Policy.coerce("handover")), repr(piiguard.Engine())]
        assert_clean("\n".join(seen), "reprs and reports")

    def test_restore_and_its_errors(self, capture: list[str]) -> None:
        token = piiguard.redact(RECORD, policy={"default": "encrypt"}, key=KEY)
        assert piiguard.restore(token, key=KEY) == RECORD
        for bad in (lambda: piiguard.restore(token, key=Key(SECRET + "x")),
                    lambda: piiguard.restore(token.replace("A", "B", 1), key=KEY),
                    lambda: piiguard.restore(token[:-30] + "⟧", key=KEY)):
            with pytest.raises(piiguard.DecryptionError) as info:
                bad()
            capture += [exc_text(info.value), formatted(info.value)]

    def test_error_messages(self, capture: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
        errors: list[BaseException] = []

        def attempt(fn: Any) -> None:
            try:
                fn()
            except Exception as exc:  # noqa: BLE001 - every error is inspected
                errors.append(exc)

        attempt(lambda: Key(SECRET[:10]))
        attempt(lambda: Key(PHONE))  # a value used as a key by mistake
        monkeypatch.setenv("PIIGUARD_KEY", SECRET[:12])
        attempt(lambda: Guard(policy="pseudonymize"))
        monkeypatch.delenv("PIIGUARD_KEY")
        attempt(lambda: Policy.coerce({"PHONE_NUMBER": {"mask": {"masking_char": PHONE}}}))
        attempt(lambda: Policy.coerce({"PHONE_NUMBER": {"hash": {"template": RID}}}))
        # (Unknown strategy and option *names* are echoed back: configuration, not data.)
        attempt(lambda: piiguard.redact(RECORD.encode(), key=KEY))  # type: ignore[arg-type]
        attempt(lambda: piiguard.Guard(threshold=PHONE))
        from piiguard.strategies import Strategy, register_strategy, unregister_strategy

        class Broken(Strategy):
            name = "leak_test_broken"

            def apply(self, value: str, entity_type: str, options: Any, key: Any, facts: Any) -> str:
                raise RuntimeError(f"cannot handle {value}")

        register_strategy(Broken)
        try:
            attempt(lambda: piiguard.redact(RECORD, policy={"default": "leak_test_broken"}))
        finally:
            unregister_strategy("leak_test_broken")
        from piiguard.ids import cn_resident_id, phone

        attempt(lambda: cn_resident_id.validate(RID[:-1] + "1"))
        attempt(lambda: phone.validate("139123456780"))
        assert len(errors) >= 10
        for exc in errors:
            # format_exception shows chained exceptions unless suppressed (raise ... from None)
            capture += [exc_text(exc), formatted(exc)]

    def test_batch_and_dataframe(self, capture: list[str]) -> None:
        guard = Guard(policy="pseudonymize", key=KEY)
        if not hasattr(guard, "redact_many"):
            pytest.skip("batch API not available")
        out = list(guard.redact_many(RECORDS * 5, progress=False))
        assert len(out) == len(RECORDS) * 5
        assert_clean("\n".join(out), "redact_many output", [PHONE, RID, CARD, EMAIL])
        pd = pytest.importorskip("pandas")
        dataframe = pytest.importorskip("piiguard.dataframe")
        df = pd.DataFrame({"name": [NAME, "张伟"], "phone": [PHONE, "13812345678"], "note": [RECORD, None]})
        red = dataframe.redact_dataframe(df, guard=guard) if "guard" in dataframe.redact_dataframe.__code__.co_varnames \
            else dataframe.redact_dataframe(df, policy="pseudonymize", key=KEY)
        capture += [repr(red), red.to_csv()]


# --------------------------------------------------------------------------- the CLI

HAS_CLI = importlib.util.find_spec("piiguard.cli") is not None
needs_cli = pytest.mark.skipif(not HAS_CLI, reason="piiguard.cli has not landed yet")


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "piiguard.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd, timeout=300)


@needs_cli
class TestCli:
    """Processing records, stdout and progress output never carry a raw value or the key."""

    def _csv(self, tmp_path: Path) -> Path:
        path = tmp_path / "customers.csv"
        rows = ["姓名,手机,身份证,卡号,邮箱,地址,备注"]
        for i in range(40):
            rows.append(f"{NAME},{PHONE},{RID},{CARD},{EMAIL},{ADDRESS},\"{RECORD}\"")
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return path

    @pytest.mark.parametrize("policy", ["pseudonymize", "handover", "strict"])
    def test_redact(self, tmp_path: Path, policy: str) -> None:
        src = self._csv(tmp_path)
        out = tmp_path / "out.csv"
        proc = cli("redact", str(src), "-o", str(out), "--policy", policy, "--progress",
                   env={"PIIGUARD_KEY": SECRET, "PYTHONWARNINGS": "always"})
        assert proc.returncode in (0, 1), proc.stderr[-500:]
        record = Path(str(out) + ".record.json")
        assert record.exists()
        assert_clean(proc.stdout + proc.stderr, "CLI stdout/stderr/progress")
        assert_clean(record.read_text(encoding="utf-8"), "processing record")
        assert_clean(out.read_text(encoding="utf-8"), f"output under {policy}", [PHONE, RID, CARD, EMAIL])
        verify = cli("verify", str(out), env={"PIIGUARD_KEY": SECRET})
        assert_clean(verify.stdout + verify.stderr, "verify output")

    def test_key_errors(self, tmp_path: Path) -> None:
        src = self._csv(tmp_path)
        short = tmp_path / "short.key"
        short.write_text(SECRET[:10])
        for args, env in ((["--key-file", str(short)], {}), ([], {"PIIGUARD_KEY": SECRET[:10]})):
            proc = cli("redact", str(src), "-o", str(tmp_path / "o.csv"), "--policy", "pseudonymize", *args,
                       env=env)
            assert proc.returncode != 0
            assert SECRET[:10] not in proc.stdout + proc.stderr

    def test_restore_wrong_key(self, tmp_path: Path) -> None:
        src = self._csv(tmp_path)
        out = tmp_path / "enc.csv"
        policy = tmp_path / "p.yaml"
        policy.write_text("default: encrypt\n")
        assert cli("redact", str(src), "-o", str(out), "--policy", str(policy),
                   env={"PIIGUARD_KEY": SECRET}).returncode in (0, 1)
        proc = cli("restore", str(out), "-o", str(tmp_path / "back.csv"), env={"PIIGUARD_KEY": SECRET + "x"})
        assert proc.returncode != 0
        assert_clean(proc.stdout + proc.stderr, "restore with the wrong key")

    def test_scan(self, tmp_path: Path) -> None:
        src = self._csv(tmp_path)
        (tmp_path / "notes.txt").write_text(RECORD, encoding="utf-8")
        proc = cli("scan", str(tmp_path), "--json", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.html"))
        assert proc.returncode in (0, 1), proc.stderr[-500:]
        assert_clean(proc.stdout + proc.stderr, "scan output")
        assert_clean((tmp_path / "r.json").read_text(encoding="utf-8"), "JSON report")
        assert_clean((tmp_path / "r.html").read_text(encoding="utf-8"), "HTML report")
        assert src.exists()
