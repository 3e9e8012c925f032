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


def test_a_description_stands_for_the_person_named_earlier_in_its_sentence() -> None:
    got = speakers(
        "Chàng trai Nguyễn Hữu Bảo và bạn gái Trần Mỹ Hạnh quen nhau đã hai năm. Hỏi Bảo về "
        "bí quyết chinh phục một cô gái như Hạnh, chàng trai vui vẻ đáp “Mình cứ chân thành "
        "là được thôi mà”."
    )
    assert got["Mình cứ chân"][0] == "Nguyễn Hữu Bảo"


def test_the_head_of_a_body_is_the_person_quoted_just_before() -> None:
    got = speakers(
        "Thủ tướng Lê Văn An phát biểu: “Chúng ta phải hành động ngay từ hôm nay”. Người đứng "
        "đầu Chính phủ cũng cho rằng: “Không được để ai bị bỏ lại phía sau”."
    )
    assert got["Không được để"] == ("Lê Văn An", "Thủ tướng")


def test_the_head_of_a_body_is_whoever_holds_a_role_there() -> None:
    got = speakers(
        "Hội nghị có Bí thư Tỉnh ủy Hà Giang Đỗ Văn Sơn và Phó Thủ tướng Lý Quốc Hưng. Phó Thủ "
        "tướng Lý Quốc Hưng nói: “Các tỉnh phải chủ động nguồn vốn”. “Chúng tôi sẽ cố gắng hết "
        "sức trong năm nay”, người đứng đầu Tỉnh ủy Hà Giang nói."
    )
    assert got["Chúng tôi sẽ"][0] == "Đỗ Văn Sơn"


def test_a_womans_description_is_not_the_man_quoted_last() -> None:
    got = speakers(
        "Đạo diễn Trần Văn Phong nói: “Phim trực tuyến là tương lai của điện ảnh”. Nhiều "
        "người trong nghề cũng nghĩ vậy. Nữ đạo diễn chia sẻ: “Tôi chưa từng làm phim nào "
        "với toàn bộ vốn của nhà đầu tư”."
    )
    assert got.get("Tôi chưa từng", (None, None))[0] is None


def test_a_description_in_a_text_that_names_no_one_is_nobody_named() -> None:
    got = speakers("Nữ ca sĩ chia sẻ: “Tôi rất vui khi được hát lại ở quê nhà”.")
    assert got.get("Tôi rất vui", (None, None))[0] is None


def test_a_three_word_foreign_name_after_a_form_of_address_is_whole() -> None:
    got = speakers(
        "“Chúng tôi tin vào thị trường này trong nhiều năm tới”, bà Mary Ann Kowalski cho biết."
    )
    assert got["Chúng tôi tin"][0] == "Mary Ann Kowalski"


def test_a_name_with_no_family_name_opens_the_clause_before_a_colon() -> None:
    got = speakers(
        "Ca sĩ Quốc Thiên có một buổi diễn ở Huế. Trước những lời chê bai, trên trang cá nhân "
        "Quốc Thiên cũng lên tiếng bênh vực học trò của mình: “Em ấy còn trẻ, mọi người hãy cho "
        "em ấy thời gian”."
    )
    assert got["Em ấy còn"] == ("Quốc Thiên", "Ca sĩ")


def test_the_clause_nearest_the_colon_has_the_subject() -> None:
    got = speakers(
        "Đạo Hồi có nhiều điều răn, theo đó, Cao Minh Tuệ nhắc lại: “Không ai được phép làm "
        "hại người khác”."
    )
    assert got.get("Không ai được", (None, None))[0] in (None, "Cao Minh Tuệ")
    assert got.get("Không ai được", (None, None))[0] != "Đạo Hồi"


def test_words_posted_with_a_photo_are_the_posters() -> None:
    got = speakers(
        "Nhiều nghệ sĩ đi nghỉ hè. Lê Thùy Dương đăng tấm ảnh chụp cùng bạn bè kèm những lời "
        "tự sự “có những thứ chỉ thời gian mới trả lời được”. Đoạn clip do Facebooker H.K "
        "quay và đăng trên mạng xã hội với dòng trạng thái: “Anh tài xế này thật tốt bụng, "
        "đã trả lại ví cho tôi”."
    )
    assert got["có những thứ"][0] == "Lê Thùy Dương"
    assert got["Anh tài xế"] == ("H.K", "Facebooker")


def test_a_document_someone_signed_is_not_their_words() -> None:
    got = speakers(
        "Tấm giấy khen do ông Đặng Văn Hùng, Chủ tịch UBND huyện, ký có ghi: “Đã có thành "
        "tích xuất sắc trong phong trào thi đua”."
    )
    assert got.get("Đã có thành", (None, None))[0] != "Đặng Văn Hùng"


def test_a_text_someone_cites_is_not_their_words() -> None:
    got = speakers(
        "Luật sư Trịnh Văn Lộc dẫn Bộ luật Dân sự năm 2015, điều 32, quy định: “Cá nhân có "
        "quyền đối với hình ảnh của mình”."
    )
    assert got.get("Cá nhân có", (None, None))[0] != "Trịnh Văn Lộc"


def test_capitalised_words_opening_a_sentence_are_a_name_only_before_a_verb_of_saying() -> None:
    got = speakers(
        "Nhìn Thanh Mai ai cũng phải khen ngợi vì ba điều: “Mặt đẹp, dáng đẹp, giọng hát "
        "hay”. Khánh Vân thẹn thùng đáp lại: “Câu hỏi đó khó trả lời quá anh ơi”."
    )
    assert "Mặt đẹp, dáng" not in got
    assert got["Câu hỏi đó"][0] == "Khánh Vân"


def test_a_word_that_opens_the_next_sentence_is_not_part_of_a_name() -> None:
    got = speakers(
        "Doanh nhân nổi tiếng John Carter Theo báo Mỹ, ông vẫn sống giản dị. “Tôi chưa bao "
        "giờ tiêu quá năm đô la cho bữa sáng”, ông Carter nói."
    )
    assert got["Tôi chưa bao"][0] == "John Carter"


def test_a_billionaire_or_a_legend_is_the_one_just_quoted_or_the_one_with_that_role() -> None:
    got = speakers(
        "Nhà đầu tư huyền thoại Peter Lawson sống rất tiết kiệm. “Tôi thích ăn sáng ở quán "
        "quen gần nhà”, huyền thoại đầu tư kể. “Tôi không cần một ngôi nhà lớn hơn nữa”, tỷ "
        "phú 80 tuổi chia sẻ thêm."
    )
    assert got["Tôi thích ăn"][0] == "Peter Lawson"
    assert got["Tôi không cần"][0] == "Peter Lawson"


def test_a_description_holding_a_name_is_that_name_not_someone_earlier() -> None:
    got = speakers(
        "Chủ tịch Lý Minh Đạt có mặt ở hội nghị. Theo tỷ phú Zack Morton, tiền bạc “không có "
        "nghĩa lý gì” với ông."
    )
    assert got.get("không có nghĩa", (None, None))[0] != "Lý Minh Đạt"


def test_to_put_it_as_someone_does_gives_their_words() -> None:
    got = speakers(
        "Ai cũng muốn chặn ngôi sao đối phương, nhưng nói như hậu vệ Phan Đức Toàn thì rõ "
        "ràng hơn: “Chúng tôi đá với cả một đội bóng, không phải với một người”."
    )
    assert got["Chúng tôi đá"] == ("Phan Đức Toàn", "hậu vệ")


def test_a_reporting_verb_right_before_the_words_reads_as_a_colon() -> None:
    got = speakers(
        "Người mẫu Anna Bellini từng hẹn hò với một cầu thủ nổi tiếng. Mặc dù tiền vệ của câu "
        "lạc bộ Inter phủ nhận chuyện này qua Twitter, song Bellini lại chẳng ngại ngần khẳng "
        "định mình đã “yêu” anh, thậm chí tuyên bố “Anh ta đá bóng giỏi nhưng chẳng biết nấu "
        "ăn”. Sau đó cô rời đi."
    )
    assert got["Anh ta đá"][0] == "Anna Bellini"


def test_initials_after_a_word_for_a_person_are_the_name() -> None:
    got = speakers(
        "Clip thu hút nhiều bình luận. Bạn K.V viết: “Giới trẻ bây giờ sống vội quá rồi”. "
        "Cháu T.M.H kể lại: “Cháu thấy chú ấy ngã xuống đường rồi bỏ chạy”."
    )
    assert got["Giới trẻ bây"][0] == "K.V"
    assert got["Cháu thấy chú"][0] == "T.M.H"


def test_a_notice_that_says_something_is_not_the_person_named_before_it() -> None:
    got = speakers(
        "Võ sư Martin Dubois đã rời võ đường từ lâu, ở phần tái bút, thông báo ghi "
        "tiếp: “Chúng tôi sẵn sàng gặp ông ấy ở bất cứ đâu”."
    )
    assert got.get("Chúng tôi sẵn", (None, None))[0] != "Martin Dubois"


def test_a_word_that_links_sentences_is_not_a_name() -> None:
    got = speakers(
        "Ngọc Lan gặp lại chồng cũ sau nhiều năm. Rồi Lan thành khẩn nói với anh: “Em đã "
        "sống khổ nhiều năm rồi anh à”."
    )
    assert got.get("Em đã sống", (None, None))[0] != "Rồi Lan"


def test_the_name_after_whose_adviser_is_the_advisers() -> None:
    got = speakers(
        "Cố vấn an ninh của ông Brown Peter Walsh tuyên bố chính quyền sẽ “đặt vấn đề này "
        "vào tầm ngắm”."
    )
    assert got["đặt vấn đề"][0] == "Peter Walsh"


def test_a_stage_name_alone_in_a_title_that_quotes_its_words() -> None:
    def title_quotes(text: str) -> list[tuple[str, str | None]]:
        return [(q.text, q.speaker.name) for q in extract_quotes(load_text(text, "txt"))]

    got = title_quotes(
        "Hồng Vân: “Tôi chưa bao giờ nghĩ sẽ bỏ nghề”\nNữ nghệ sĩ kể về những năm khó khăn."
    )
    assert got == [("Tôi chưa bao giờ nghĩ sẽ bỏ nghề", "Hồng Vân")]
    # a place before the colon speaks for no one
    assert title_quotes("Hà Nội: “Trời mưa suốt cả tuần qua rồi”\nTin thời tiết.") == []


def test_a_role_and_whose_it_is_stands_for_the_one_just_named_with_it() -> None:
    got = speakers(
        "Hôm qua, tiền vệ Trần Minh Khoa đã nói về chấn thương. Tiền vệ của CLB Hải Phòng cho "
        'biết: "Tôi sẽ trở lại sân tập sau hai tuần nữa".'
    )
    assert got["Tôi sẽ trở"] == ("Trần Minh Khoa", "Tiền vệ của CLB Hải Phòng")


def test_a_former_office_after_a_dash_is_the_speakers_role() -> None:
    got = speakers(
        "Ông Lê Văn Tâm - nguyên Vụ trưởng Vụ Thuế (Bộ Tài chính) cho rằng, cần nhìn rộng "
        "hơn: “Giảm thuế sẽ giúp doanh nghiệp có thêm vốn để mở rộng sản xuất”."
    )
    assert got["Giảm thuế sẽ"] == ("Lê Văn Tâm", "nguyên Vụ trưởng Vụ Thuế (Bộ Tài chính)")


def test_words_someone_wrote_are_a_quote_but_an_articles_title_is_not() -> None:
    got = speakers(
        "Trong thư gửi người lao động, Tổng giám đốc Lê Minh Hòa có viết “Dù khó khăn đến đâu, "
        "chúng ta vẫn giữ vững kỷ cương và tinh thần đoàn kết”. Tờ báo đã đăng bài viết “Những "
        "con tàu vượt sóng giữa mùa bão lớn” vào tuần trước."
    )
    assert got["Dù khó khăn"] == ("Lê Minh Hòa", "Tổng giám đốc")
    assert "Những con tàu" not in got


def test_a_friend_named_after_the_word_friend_is_the_speaker() -> None:
    got = speakers(
        "Hai tuần sau, ông nhận được một cuộc gọi bất ngờ. Người bạn Peter Whitcombe của ông "
        "gọi đến và nói: “Con trai ông vẫn còn sống ở thành phố bên cạnh”."
    )
    assert got["Con trai ông"] == ("Peter Whitcombe", "Người bạn")
