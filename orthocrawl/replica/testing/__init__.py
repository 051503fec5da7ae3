"""What tests and benchmarks use on the replicas and serving never needs: request logs,
page-object fixture cases, fault reports, and filling an archive straight from the truth.

The product never imports this package (``orthocrawl`` itself imports the replica only for
``demo`` and the ``replica`` commands)."""

from .cases import CASES, fixture_cases
from .fill import fill
from .logs import Logged, RequestLog
from .reports import describe, fault_report, lost_urls

__all__ = ["CASES", "Logged", "RequestLog", "describe", "fault_report", "fill",
           "fixture_cases", "lost_urls"]
