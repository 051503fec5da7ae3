"""`orthocrawl extract`: several files in one process, URLs for each, WARC files, and input
that is not HTML refused in one line."""

from __future__ import annotations

import gzip
import json
import shutil
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from orthocrawl.cli import main
from orthocrawl.items import CONTENT_FIELDS

FIXTURE = Path(__file__).parent / "fixtures/pages/orthospinenews/syndicated_written_by"
PUBLISHER_URL = json.loads(FIXTURE.with_suffix(".json").read_text())["url"]
PROSE = ("The regional hospital opened a spine centre this week, with two operating rooms, a "
         "recovery ward and a clinic for follow-up visits, its director said on Tuesday.")
PAGE = (f"<html lang='en'><head><title>A spine centre opens</title></head><body><main>"
        f"<article><h1>A spine centre opens</h1>{'<p>' + PROSE + '</p>' * 1}"
        f"<p>{PROSE}</p><p>{PROSE}</p></article></main></body></html>").encode()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "publisher": tmp_path / "publisher.html.gz",
        "generic": tmp_path / "generic.html",
        "random": tmp_path / "random.bin",
        "png": tmp_path / "image.png",
        "executable": tmp_path / "program",
        "empty": tmp_path / "empty.html",
    }
    shutil.copy(FIXTURE.with_suffix(".html.gz"), paths["publisher"])
    paths["generic"].write_bytes(PAGE)
    paths["random"].write_bytes(bytes((n * 37 + 11) % 256 for n in range(4096)))
    paths["png"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    paths["executable"].write_bytes(b"\x7fELF\x02\x01\x01" + bytes(120))
    paths["empty"].write_bytes(b"")
    return paths


@pytest.mark.parametrize(("kind", "said"), [
    ("random", "binary data"), ("png", "PNG image"), ("executable", "executable"),
    ("empty", "empty file")])
def test_what_is_not_html_is_refused_in_one_line(files, kind, said):
    code, out, err = run(str(files[kind]))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and said in err and str(files[kind]) in err


def test_one_file_prints_one_object_as_before(files):
    code, out, _ = run(str(files["publisher"]), "--url", PUBLISHER_URL)
    assert code == 0
    record = json.loads(out)
    assert record["site"] == "orthospinenews" and "file" not in record
    assert set(CONTENT_FIELDS) <= set(record)


def test_several_files_give_one_line_each_and_a_failure_at_the_end(files, tmp_path):
    urls = tmp_path / "urls.tsv"
    urls.write_text(f"# saved pages\n{files['publisher']}\t{PUBLISHER_URL}\n")
    given = [str(files["publisher"]), str(files["png"]), str(files["generic"])]
    code, out, err = run(*given, "--urls", str(urls))
    assert code == 1 and "1 source(s) could not be extracted" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == given  # as given, in order
    publisher, png, generic = lines
    assert publisher["site"] == "orthospinenews" and publisher["url"] == PUBLISHER_URL
    assert png == {"file": given[1], "error": "not HTML: a PNG image"}
    assert generic["page_type"] == "article" and generic["title"] == "A spine centre opens"
    assert set(CONTENT_FIELDS) | {"page_type", "file"} <= set(generic)


def test_jsonl_with_one_file_and_bad_arguments(files, tmp_path):
    code, out, _ = run(str(files["generic"]), "--jsonl")
    assert code == 0 and json.loads(out)["file"] == str(files["generic"])
    code, _, err = run(str(files["generic"]), str(files["publisher"]), "--url", PUBLISHER_URL)
    assert code == 2 and "--urls" in err
    bad = tmp_path / "bad.tsv"
    bad.write_text("page.html no-tab-here\n")
    code, _, err = run(str(files["generic"]), "--urls", str(bad))
    assert code == 2 and f"{bad}:1:" in err


def _warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, content_type, body in pages:
            asked = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                     is_http_request=True)
            writer.write_record(writer.create_warc_record(
                url, "request", payload=BytesIO(b""), http_headers=asked))
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http))


def test_a_warc_file_gives_every_response_record_or_the_one_asked_for(files, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    publisher = gzip.decompress(files["publisher"].read_bytes())
    _warc(warc, [(PUBLISHER_URL, "text/html", publisher),
                 ("https://example.org/logo.png", "image/png", files["png"].read_bytes()),
                 ("https://example.org/news/spine-centre", "text/html", PAGE)])
    code, out, _ = run(str(warc))
    assert code == 1  # the PNG record
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line.get("record") for line in lines] == [1, 2, 3]
    assert lines[0]["site"] == "orthospinenews" and lines[0]["url"] == PUBLISHER_URL
    assert "error" in lines[1]
    assert lines[2]["title"] == "A spine centre opens"

    code, out, _ = run(str(warc), "--record", "3")
    assert code == 0 and json.loads(out)["url"] == "https://example.org/news/spine-centre"
    code, out, _ = run(str(warc), "--record", "9")
    assert code == 1 and json.loads(out)["error"] == "no response record 9"


def test_a_broken_warc_file_is_refused(tmp_path):
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort")
    code, out, _ = run(str(broken))
    assert code == 1 and "error" in out
