"""`mickb ingest URL`: pages served by a local HTTP server on 127.0.0.1 — an article in its
page (menus, related links, comments around it), legacy encodings, a PDF, and the failures
a user meets: 404, a server too slow, a page too big, content that is not a document."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docmaker
import pytest

from mickb.cli.entry import main
from mickb.errors import UnreadableDocument
from mickb.ingest.formats import web
from mickb.ingest.read import is_url, load_document, open_source

ARTICLE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Doanh thu bưu chính 6 tháng tăng hơn 11% | Báo Điện tử Thái Hòa</title>
<meta property="og:title" content="Doanh thu bưu chính 6 tháng tăng hơn 11%">
<meta property="og:site_name" content="Báo Điện tử Thái Hòa">
<meta property="article:published_time" content="2024-07-16T08:30:00+07:00">
<meta name="author" content="Lê Thu Hà">
<script>window.ads = {slot: "top", price: "999.999 tỷ đồng"};</script>
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/kinh-te">Kinh tế</a></li>
<li><a href="/xa-hoi">Xã hội</a></li></ul></nav><div class="weather">Hà Nội 31°C</div></header>
<div class="container"><div class="main-col">
<article class="detail">
<h1>Doanh thu bưu chính 6 tháng tăng hơn 11%</h1>
<p class="sapo"><strong>Sáu tháng đầu năm 2024, doanh thu bưu chính trên địa bàn tỉnh đạt 276 tỷ
đồng, tăng 11,3% so với cùng kỳ; sản lượng bưu gửi đạt 3,8 triệu bưu gửi.</strong></p>
<p>Theo Sở Thông tin và Truyền thông, kết quả này có được nhờ thương mại điện tử phát triển mạnh,
kéo theo nhu cầu chuyển phát hàng hóa tăng cao ở cả khu vực đô thị lẫn nông thôn.</p>
<figure><img src="/anh/buu-cuc.jpg" alt="Bưu cục"><figcaption>Nhân viên bưu điện phân loại
bưu gửi tại trung tâm khai thác của tỉnh. Ảnh: Lê Thu Hà</figcaption></figure>
<p>Toàn tỉnh hiện có 214 điểm phục vụ bưu chính, trong đó 152 điểm đặt tại các xã. Bán kính
phục vụ bình quân là 2,6 km mỗi điểm.</p>
<p>“Chúng tôi sẽ tiếp tục đưa dịch vụ bưu chính công ích tới các thôn, bản vùng cao trong năm
nay”, ông Phạm Quốc Toản, Giám đốc Bưu điện tỉnh, cho biết.</p>
<table><tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>6 tháng 2024</th></tr>
<tr><td>Sản lượng bưu gửi</td><td>triệu bưu gửi</td><td>3,8</td></tr>
<tr><td>Điểm phục vụ bưu chính</td><td>điểm</td><td>214</td></tr></table>
</article>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a></div>
<div class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/a">Giá cước chuyển phát giảm 50% trong dịp lễ</a></li>
<li><a href="/b">Thuê bao di động tăng 2,1 triệu trong quý II</a></li></ul></div>
<div class="comments"><h3>Bình luận (3)</h3><div class="comment">Bài viết rất hay, cảm ơn tác
giả! - Nguyễn Văn A</div></div>
</div>
<aside class="sidebar"><h3>Đọc nhiều</h3><ol><li><a href="/x">Giá vàng hôm nay tăng 1,2 triệu
đồng</a></li><li><a href="/y">Xăng giảm 300 đồng một lít</a></li></ol></aside></div>
<footer><p>Báo Điện tử Thái Hòa. Giấy phép số 123/GP-BTTTT. Điện thoại: 0243 555 666.</p></footer>
</body></html>"""

LEGACY = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    "<title>Tin cũ</title></head><body><article><h1>Viễn thông năm 2009</h1>"
    "<p>Năm 2009, doanh thu viễn thông đạt 98.000 tỷ đồng.</p></article></body></html>"
)

Route = Callable[[BaseHTTPRequestHandler], None]


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: tone marks as combining characters."""
    import unicodedata

    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def _send(body: bytes, content_type: str, status: int = 200) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def _slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(3)  # longer than the test's timeout; the client has gone by then
    try:
        _send(b"<p>muon</p>", "text/html")(handler)
    except OSError:
        pass


def _trickle(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(60):  # a byte every 0.1 s, never done within the deadline; bounded
        try:
            handler.wfile.write(b"<p>a</p>")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.1)


def _endless(handler: BaseHTTPRequestHandler) -> None:
    """A "2 GB page" with no Content-Length: streamed until the client hangs up."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.end_headers()
    block = b"<p>" + "Doanh thu tăng. ".encode() * 4000 + b"</p>\n"
    sent = 0
    while sent < 2 << 30:
        try:
            handler.wfile.write(block)
        except OSError:
            return
        sent += len(block)


def _declared_huge(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(2 << 30))
    handler.end_headers()
    try:
        handler.wfile.write(b"<p>x</p>")
    except OSError:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    routes: dict[str, Route] = {
        "/bai-viet": _send(ARTICLE.encode("utf-8"), "text/html; charset=utf-8"),
        "/tin-cu": _send(cp1258(LEGACY), "text/html"),
        "/ghi-chu": _send(
            "Năm 2024, doanh thu đạt 12 tỷ đồng.".encode(), "text/plain; charset=utf-8"
        ),
        "/anh": _send(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        "/cham": _slow,
        "/nho-giot": _trickle,
        "/vo-tan": _endless,
        "/khong-lo": _declared_huge,
        "/chuyen": lambda h: (
            h.send_response(302),
            h.send_header("Location", "/bai-viet"),
            h.send_header("Content-Length", "0"),
            h.end_headers(),
        ),
    }
    if docmaker.have_pdf_tools():
        pdf = docmaker.make_report_pdf(tmp_path_factory.mktemp("served") / "bc.pdf")
        routes["/bao-cao.pdf"] = _send(pdf.read_bytes(), "application/pdf")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            route = routes.get(self.path)
            if route is None:
                _send(b"<h1>Not found</h1>", "text/html", 404)(self)
            else:
                route(self)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


def test_is_url() -> None:
    assert is_url("https://baothaihoa.vn/bai-viet")
    assert is_url("http://127.0.0.1:8000/a")
    assert not is_url("bao-cao.pdf") and not is_url("ftp://x/y") and not is_url("https:/x")


def test_article_without_the_page_around_it(server: str) -> None:
    doc = load_document(f"{server}/bai-viet")
    texts = [p.text for p in doc.passages]
    everything = "\n".join(texts)
    assert any(t.startswith("Sáu tháng đầu năm 2024, doanh thu bưu chính") for t in texts)
    for junk in ("999.999", "Trang chủ", "Tin liên quan", "Bình luận", "Giá vàng", "Giấy phép"):
        assert junk not in everything
    assert "Sản lượng bưu gửi | 3,8 triệu bưu gửi" in texts
    captions = [p.text for p in doc.passages if p.kind == "caption"]
    assert captions and captions[0].startswith("Nhân viên bưu điện phân loại")
    meta = doc.meta
    assert meta.title == "Doanh thu bưu chính 6 tháng tăng hơn 11%"
    assert (meta.date, meta.author, meta.outlet) == (
        "2024-07-16",
        "Lê Thu Hà",
        "Báo Điện tử Thái Hòa",
    )
    assert meta.url == f"{server}/bai-viet"  # the address the user gave


def test_cli_ingest_of_a_url_keeps_it_as_the_source_address(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kb.sqlite"
    url = f"{server}/bai-viet"
    code, _, err = run(["ingest", url, "--db", str(db), "--jobs", "1"], capsys)
    assert code == 0, err
    code, out, _ = run(["export", "--db", str(db)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    revenue = next(r for r in records if r.get("value_text") == "276 tỷ đồng")
    assert (revenue["value"], revenue["unit"]) == (276, "tỷ đồng")
    assert revenue["source"]["url"] == url
    assert revenue["source"]["outlet"] == "Báo Điện tử Thái Hòa"


def test_cli_one_error_line_per_failing_url_and_the_rest_land(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kb.sqlite"
    missing, image = f"{server}/khong-co", f"{server}/anh"
    code, _, err = run(
        ["ingest", missing, f"{server}/ghi-chu", image, "--db", str(db), "--jobs", "1"], capsys
    )
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any(missing in e and "404" in e for e in errors)
    assert any(image in e and "image/png" in e for e in errors)
    code, out, _ = run(["export", "--db", str(db)], capsys)
    assert "12 tỷ đồng" in out


def test_legacy_charset_from_the_page_itself(server: str) -> None:
    doc = load_document(f"{server}/tin-cu")
    assert "Năm 2009, doanh thu viễn thông đạt 98.000 tỷ đồng." in [p.text for p in doc.passages]


def test_redirect_is_followed_and_the_given_url_kept(server: str) -> None:
    source = open_source(f"{server}/chuyen")
    assert source.url == f"{server}/chuyen"
    assert "doanh thu bưu chính" in source.text()


@pytest.mark.skipif(not docmaker.have_pdf_tools(), reason="reportlab makes the PDF")
def test_a_pdf_by_url(server: str) -> None:
    doc = load_document(f"{server}/bao-cao.pdf")
    assert doc.meta.url == f"{server}/bao-cao.pdf" and doc.meta.title == docmaker.TITLE
    assert docmaker.PARAGRAPHS[1] in [p.text for p in doc.passages]


def test_404_names_the_status(server: str) -> None:
    with pytest.raises(UnreadableDocument, match=r"/khong-co: the server answered 404"):
        open_source(f"{server}/khong-co")


def test_a_slow_server_times_out(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web, "TIMEOUT_SECONDS", 0.5)
    start = time.monotonic()
    with pytest.raises(UnreadableDocument, match="no complete answer within"):
        open_source(f"{server}/cham")
    assert time.monotonic() - start < 2.5


def test_a_trickling_server_is_cut_at_the_deadline(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "TIMEOUT_SECONDS", 0.5)  # whole answer within 1.5 s
    start = time.monotonic()
    with pytest.raises(UnreadableDocument, match="no complete answer within 1.5 s"):
        open_source(f"{server}/nho-giot")
    assert time.monotonic() - start < 3


def test_a_page_without_end_stops_at_the_cap(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(UnreadableDocument, match="larger than 32 MB"):
        open_source(f"{server}/vo-tan")
    assert time.monotonic() - start < 20


def test_a_declared_huge_page_is_refused_unread(server: str) -> None:
    with pytest.raises(UnreadableDocument, match="larger than 32 MB"):
        open_source(f"{server}/khong-lo")


def test_no_server_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(UnreadableDocument, match="cannot reach the server"):
        open_source(f"http://127.0.0.1:{port}/bai-viet")
