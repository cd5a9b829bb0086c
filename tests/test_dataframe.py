"""redact_dataframe: column choice, pass-through of non-strings, input untouched."""

from __future__ import annotations

import pandas as pd
import pytest

import piiguard
from piiguard.dataframe import classify_dataframe, pii_columns, redact_dataframe, redact_dataframe_detailed


@pytest.fixture
def df():
    return pd.DataFrame({
        "客户编号": ["C1", "C2", "C3"],
        "姓名": ["张伟", "李娜", None],
        "手机号": ["13812345678", "13998765432", "13700001111"],
        "备注": ["晚上送货", "备用电话13511112222", float("nan")],
        "金额": [12.5, 3.0, 8.25],
        "次数": [1, 2, 3],
    }, index=[10, 20, 30])


class TestRedactDataframe:
    """A redacted copy; the input frame is not modified."""

    def test_default_columns_from_classification(self, df):
        before = df.copy(deep=True)
        out = redact_dataframe(df)
        pd.testing.assert_frame_equal(df, before)
        assert list(out.columns) == list(df.columns) and list(out.index) == [10, 20, 30]
        assert out["手机号"].tolist() == ["138****5678", "139****5432", "137****1111"]
        assert out.loc[10, "姓名"] == "张*"
        assert out.loc[20, "备注"] == "备用电话135****2222"
        assert out["客户编号"].tolist() == ["C1", "C2", "C3"]
        pd.testing.assert_series_equal(out["金额"], df["金额"])
        pd.testing.assert_series_equal(out["次数"], df["次数"])
        assert pd.isna(out.loc[30, "姓名"]) and pd.isna(out.loc[30, "备注"])

    def test_named_columns_only(self, df):
        out = redact_dataframe(df, ["手机号"])
        assert out["姓名"].tolist()[:2] == ["张伟", "李娜"]
        assert out.loc[10, "手机号"] == "138****5678"
        out = redact_dataframe(df, "手机号")
        assert out.loc[10, "手机号"] == "138****5678"

    def test_all_columns(self, df):
        out = redact_dataframe(df, "all")
        assert out.loc[20, "备注"] == "备用电话135****2222"

    def test_unknown_column(self, df):
        with pytest.raises(KeyError):
            redact_dataframe(df, ["nope"])

    def test_same_as_redact_many_cells_and_processes(self, df):
        key = piiguard.Key(b"dataframe test key, 32 bytes....")
        guard = piiguard.Guard(policy="pseudonymize", key=key)
        one = guard.redact_dataframe(df, ["姓名", "手机号", "备注"])
        two = guard.redact_dataframe(df, ["姓名", "手机号", "备注"], n_jobs=2, batch_size=1)
        pd.testing.assert_frame_equal(one, two)
        assert one.loc[10, "手机号"] != "13812345678"

    def test_counts(self, df):
        _, counts = redact_dataframe_detailed(df, ["手机号", "备注"])
        assert counts["手机号"] == {("PHONE_NUMBER", "mask"): 3}
        assert counts["备注"] == {("PHONE_NUMBER", "mask"): 1}

    def test_categorical_and_string_dtype(self):
        df = pd.DataFrame({"手机号": pd.Categorical(["13812345678", "13812345678"]),
                           "姓名": pd.array(["张伟", None], dtype="string")})
        out = redact_dataframe(df, ["手机号", "姓名"])
        assert out["手机号"].tolist() == ["138****5678"] * 2
        assert out["姓名"].dtype == df["姓名"].dtype and out.loc[0, "姓名"] == "张*"

    def test_header_context_raises_scores(self):
        # A bare 11-digit number is a phone number under a 手机 header.
        df = pd.DataFrame({"手机": ["13812345678"]})
        assert redact_dataframe(df, ["手机"]).loc[0, "手机"] == "138****5678"


class TestClassification:
    """Helpers around classify_table for frames."""

    def test_pii_columns(self, df):
        assert pii_columns(df) == ["姓名", "手机号", "备注"]

    def test_classify_dataframe(self, df):
        table = classify_dataframe(df)
        assert "PHONE_NUMBER" in table["手机号"].entity_types
        assert table.rows == 3


def test_polars_if_installed(df):
    pl = pytest.importorskip("polars")
    pdf = pl.from_pandas(df.reset_index(drop=True))
    out = redact_dataframe(pdf, ["手机号"])
    assert isinstance(out, pl.DataFrame) and out["手机号"][0] == "138****5678"


class TestHeaderFallback:
    """In a column whose header names one entity, a cell the detectors miss is redacted whole."""

    @pytest.fixture
    def names(self):
        return pd.DataFrame({"姓名": ["张伟", "alex 王", "无", None, "", 7],
                             "备注": ["alex 王", "bob 李", "无", None, "", 7],
                             "性别": ["男", "女", "男", None, "", 7]})

    def test_masks_missed_name(self, names):
        out, counts = redact_dataframe_detailed(names, "all")
        assert out["姓名"].tolist()[:3] == ["张*", "a*** *", "无"]  # 无 means no value
        assert out["姓名"].tolist()[4:] == ["", 7] and out["姓名"].isna().tolist()[3]
        assert out["备注"].tolist()[:2] == ["alex 王", "bob 李"]  # free text: no fallback
        assert out["性别"].tolist()[:2] == ["男", "女"]  # GENDER has no detector: no fallback
        assert counts["姓名/fallback"] == {("PERSON", "mask"): 1}
        assert counts["姓名"] == {("PERSON", "mask"): 2}
        assert "备注/fallback" not in counts
        assert names.loc[1, "姓名"] == "alex 王"

    def test_off_and_policy_strategy(self, names):
        assert redact_dataframe(names, ["姓名"], header_fallback=False).loc[1, "姓名"] == "alex 王"
        assert redact_dataframe(names, ["姓名"], policy="strict").loc[1, "姓名"] == "<姓名>"
        assert redact_dataframe(names, ["姓名"], policy="remove").loc[1, "姓名"] == ""

    def test_only_entities_looked_for(self, names):
        guard = piiguard.Guard(entities=["PHONE_NUMBER"])
        assert guard.redact_dataframe(names, ["姓名"]).loc[1, "姓名"] == "alex 王"

    def test_other_entities(self):
        df = pd.DataFrame({"手机号": ["1381234", "13812345678"], "收货地址": ["某某小区3栋2单元", "北京市朝阳区建国路88号"]})
        out = redact_dataframe(df, "all")
        assert out.loc[0, "手机号"] != "1381234" and out.loc[1, "手机号"] == "138****5678"
        assert out.loc[0, "收货地址"] != "某某小区3栋2单元"

    def test_tokens_not_redone_and_restorable(self):
        guard = piiguard.Guard(policy={"CN_RESIDENT_ID": "encrypt"}, key=piiguard.Key(b"dataframe test key, 32 bytes...."))
        df = pd.DataFrame({"身份证号": ["11010519491231002X", "abc"]})
        once = guard.redact_dataframe(df, "all")
        assert once.loc[1, "身份证号"].startswith("⟦PII:CN_RESIDENT_ID:")  # the fallback, reversible
        assert guard.restore(once.loc[1, "身份证号"]) == "abc"
        pd.testing.assert_frame_equal(guard.redact_dataframe(once, "all"), once)
