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


def test_colon_after_a_predicate_that_is_no_verb_of_saying() -> None:
    got = speakers(
        "Đội khách chơi rất kỷ luật. Thủ môn Trần Văn Khoa cũng đồng tình: “Họ phòng ngự "
        "chặt, chúng tôi phải kiên nhẫn hơn”. Trong buổi họp báo, bà Lê Thị Hồng nhìn thẳng "
        "vào các phóng viên: “Chúng tôi không giấu điều gì cả”."
    )
    assert got["Họ phòng ngự"] == ("Trần Văn Khoa", "Thủ môn")
    assert got["Chúng tôi không"] == ("Lê Thị Hồng", None)


def test_short_name_then_verb_before_a_colon() -> None:
    got = speakers(
        "Bị cáo Phạm Thị Hạnh được hỏi về số tiền. Hạnh liền quay sang luật sư: “Tôi không "
        "nhớ đã nhận bao nhiêu lần”."
    )
    assert got["Tôi không nhớ"] == ("Phạm Thị Hạnh", "Bị cáo")


def test_colon_after_someone_elses_words_or_a_list_names_no_speaker() -> None:
    got = speakers(
        "Anh Đỗ Minh Tuấn đọc lại bức thư của ông Hoàng Văn Lâm: “Tôi sẽ trở về khi "
        "mùa xuân đến”. Chương trình gồm những bài hát như: “Mùa xuân trên thành phố quê "
        "hương”."
    )
    assert "Tôi sẽ trở" not in got
    assert "Mùa xuân trên" not in got


def test_a_verb_quoted_without_a_colon_is_not_the_subjects_words() -> None:
    # she dislikes the saying: it is not hers
    got = speakers(
        'Người dẫn chương trình Lê Thu Hà không thích câu nói "Con cái là lộc trời cho mỗi '
        'nhà" mà nhiều người vẫn nhắc.'
    )
    assert got.get("Con cái là") != ("Lê Thu Hà", "Người dẫn chương trình")


def test_the_verb_nearest_the_colon_has_the_speaker() -> None:
    # a caption with its own verb runs into the sentence that introduces the words
    got = speakers(
        "Ca sĩ Quang Tú lên tiếng bảo vệ con gái Trước những lời chê bai, thay vì im "
        "lặng, Thanh Lan Chi đã lên tiếng đáp trả: “Em vẫn vui vẻ mà, mọi người đừng lo”."
    )
    assert got["Em vẫn vui"][0] == "Thanh Lan Chi"
