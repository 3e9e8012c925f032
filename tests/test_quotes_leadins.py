"""Quotes whose speaker a reader finds from the sentence that leads into them: initials
printed as a name, the subject of a clause that ends in a colon, a role or a description
standing for someone named earlier, posted captions."""

from __future__ import annotations

from mickb.ingest.extract.quotes import extract_quotes
from mickb.ingest.read import load_text


def speakers(text: str) -> dict[str, tuple[str | None, str | None]]:
    """First three words of each quote -> (name, role)."""
    return {
        " ".join(q.text.split()[:3]): (q.speaker.name, q.speaker.role)
        for q in extract_quotes(load_text("Tin tức\n\n" + text, "txt"))
    }


def test_initials_after_a_persons_title_are_the_name() -> None:
    got = speakers(
        "Bức ảnh gây tranh cãi trên mạng. Facebooker K.L viết: “Tôi thấy chẳng có gì "
        "sai cả”. “Mỗi thời mỗi khác, đừng khắt khe quá”, Youtuber T.H.N bình luận."
    )
    assert got["Tôi thấy chẳng"] == ("K.L", "Facebooker")
    assert got["Mỗi thời mỗi"] == ("T.H.N", "Youtuber")


def test_initials_ending_a_sentence_keep_all_letters() -> None:
    got = speakers('Người mẹ trẻ nay đã khác. Chị M.H.T. kể: "Tôi chỉ mong con được khỏe".')
    assert got["Tôi chỉ mong"] == ("M.H.T", None)


def test_initials_after_a_caption_run_into_the_sentence() -> None:
    got = speakers(
        "Nhiều bạn đọc đồng tình với ca sĩ Lê Minh Khang Facebooker B.Q chia sẻ: “Cô ấy có quyền "
        "chọn cách ăn mặc của mình”."
    )
    assert got["Cô ấy có"] == ("B.Q", "Facebooker")
