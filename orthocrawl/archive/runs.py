"""Crawl runs: one row per run in `crawl_runs`, opened at start, completed at the end."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from orthocrawl.archive.connection import Connection
from orthocrawl.dates import utc_now


class RunStore(Connection):
    def start_run(self, sites: list[str], now: str | None = None) -> int:
        with self.transaction():
            table = self.db.table("crawl_runs")
            table.insert({"started_at": now or utc_now(), "sites": json.dumps(sites),
                          "status": "running"})
            return int(table.last_pk or 0)

    def close_stale_runs(self, dead: Callable[[list[str]], bool]) -> int:
        """Runs still marked running whose crawler is gone (`dead(sites)`: none holds their
        sites' locks) were killed: say so; how many."""
        with self.transaction():
            stale = [run_id for run_id, sites in self.db.execute(
                "SELECT id, sites FROM crawl_runs WHERE status = 'running'").fetchall()
                if dead(json.loads(sites or "[]"))]
            for run_id in stale:
                self.db.execute(
                    "UPDATE crawl_runs SET status = 'interrupted', finish_reason = 'the "
                    "crawler stopped before the end of the run (killed, or the machine went "
                    "down)' WHERE id = ?", [run_id])
            return len(stale)

    def finish_run(self, run_id: int, **figures: Any) -> None:
        row = {k: json.dumps(v, sort_keys=True) if isinstance(v, (dict, list)) else v
               for k, v in figures.items()}
        row.setdefault("finished_at", utc_now())
        with self.transaction():
            self.db.table("crawl_runs").update(run_id, row)

    # ---- reading ----

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT ?", [limit]))

    def recent_field_shares(self, site: str, runs: int = 5) -> list[dict[str, float]]:
        """The field shares of a site's last `runs` successful runs, newest first."""
        rows = self.db.execute(
            "SELECT field_shares FROM crawl_runs WHERE sites = ? AND status = 'ok' AND "
            "field_shares IS NOT NULL AND field_shares != '{}' ORDER BY id DESC LIMIT ?",
            [json.dumps([site]), runs]).fetchall()
        return [json.loads(row[0]) for row in rows]
