"""The stored raw responses as a WARC 1.1 file, through warcio (the web-archive tools'
own library), for interchange with web-archive software."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from orthocrawl import __version__
from orthocrawl.archive import Archive

REASONS = {200: "OK", 203: "Non-Authoritative Information"}
# Hop-by-hop and transfer headers that no longer describe the stored (decoded) body.
DROPPED = {"content-encoding", "transfer-encoding", "content-length", "connection"}


def write_warc(archive: Archive, path: Path, site: str | None = None) -> int:
    with path.open("wb") as out:
        return _write(archive, out, site)


def _write(archive: Archive, out: BinaryIO, site: str | None) -> int:
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
    info = writer.create_warcinfo_record(
        "orthocrawl.warc.gz", {"software": f"orthocrawl/{__version__}",
                               "format": "WARC File Format 1.1",
                               "description": "raw article pages from an orthocrawl archive"})
    writer.write_record(info)
    count = 0
    for _, page in archive.iter_pages(site):
        headers = [(k, v) for k, v in page.headers.items() if k.lower() not in DROPPED]
        headers.append(("Content-Length", str(len(page.body))))
        status = f"{page.status} {REASONS.get(page.status, 'OK')}"
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            page.url, "response", payload=BytesIO(page.body), http_headers=http,
            warc_headers_dict={"WARC-Date": page.fetched_at})
        writer.write_record(record)
        count += 1
    return count
