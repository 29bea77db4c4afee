"""`ingest --scheduler`: parsing on a real Dask LocalCluster of two worker processes, the store written here."""
from __future__ import annotations

import pytest

from app.ingest import Options, ingest
from app.store import Store
from conftest import ARTICLE_ID, DATA

distributed = pytest.importorskip("distributed", reason="the cluster extra is not installed (pip install -e '.[cluster]')")


def test_a_dask_cluster_parses_what_local_processes_would(tmp_path, article):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / f"{ARTICLE_ID}.txt").write_bytes((DATA / f"{ARTICLE_ID}.txt").read_bytes())
    for i, (title, who) in enumerate([("Harbour Bridge", "Anna Veen"), ("Night Market", "Ned Reed"),
                                      ("Ferry Times", "Lena Holt")]):
        (folder / f"short-{i}.txt").write_bytes(f"{title}\nBy Jane Doe\n\"The {title.lower()} opens in May,\" "
                                                f"{who} said.\n".encode())
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster:
        report = ingest(folder, tmp_path / "cache", Options(scheduler=cluster.scheduler_address, progress_bar=False))
    assert (report.parsed, report.articles, report.skipped) == (4, 4, [])
    with Store.open(tmp_path / "cache") as store:
        assert store.parsed(ARTICLE_ID).to_dict() == article.to_dict()
        assert store.parsed("short-1").quotes[0].speaker.name == "Ned Reed"
