"""Spark helpers on a local session (local[2]); skipped without Java or pyspark."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

import piiguard

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:  # pragma: no cover - depends on the machine
    pytest.skip("Java is not installed", allow_module_level=True)

pytestmark = [
    pytest.mark.slow,
    # pyspark 4 warns that it does not fully support pandas 3; the helpers here work with both.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

ROWS = [
    ("张伟", "13812345678", "住北京市朝阳区建国路88号3栋2单元501室", 1),
    ("李娜", "13998765432", None, 2),
    (None, "无", "身份证11010519491231002X，晚上送", 3),
]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Python workers run this interpreter (the venv), not whatever python3 is on PATH.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    session = (SparkSession.builder.master("local[2]").appName("piiguard-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def df(spark):
    return spark.createDataFrame(ROWS, "`姓名` string, `手机号` string, `备注` string, n int").repartition(2)


class TestRedactColumns:
    """redact_columns redacts the named columns on executors and leaves the rest alone."""

    def test_matches_redact_dataframe(self, df):
        from piiguard.dataframe import redact_dataframe
        from piiguard.spark import redact_columns

        cols = ["姓名", "手机号", "备注"]
        got = redact_columns(df, cols).orderBy("n").toPandas()
        expected = redact_dataframe(df.orderBy("n").toPandas(), cols)
        assert got[cols].fillna("<none>").values.tolist() == expected[cols].fillna("<none>").values.tolist()
        assert got["n"].tolist() == [1, 2, 3]
        joined = " ".join(str(v) for v in got[cols].values.ravel())
        for raw in ("13812345678", "11010519491231002X", "建国路88号"):
            assert raw not in joined

    def test_keyed_policy_and_udf(self, df):
        from piiguard.spark import redact_udf

        key = piiguard.Key(b"spark test key of 32 bytes......")
        udf = redact_udf(policy="pseudonymize", key=key, context="手机号")
        got = [r[0] for r in df.orderBy("n").select(udf("手机号")).collect()]
        guard = piiguard.Guard(policy="pseudonymize", key=key)
        from piiguard._batch import redact_cell

        assert got == [redact_cell(guard, "手机号", v)[0] for v in ("13812345678", "13998765432", "无")]

    def test_unknown_column(self, df):
        from piiguard.spark import redact_columns

        with pytest.raises(KeyError):
            redact_columns(df, ["nope"])


def test_analyze_udf_offsets_only(df):
    from piiguard.spark import analyze_udf

    rows = df.orderBy("n").select(analyze_udf()("备注").alias("f")).collect()
    first = rows[0]["f"]
    assert [f["entity_type"] for f in first] == ["CN_ADDRESS"]
    assert set(first[0].asDict()) == {"entity_type", "start", "end", "score"}
    assert rows[1]["f"] == []


def test_classify_columns(df):
    from piiguard.spark import classify_columns

    table = classify_columns(df)
    assert table.rows == 3
    assert "PHONE_NUMBER" in table["手机号"].entity_types
    assert "PERSON" in table["姓名"].entity_types
