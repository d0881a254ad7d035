/**
 * Recognition: a party-news article needs resolution or congress content in its
 * own text; a portal of a party committee (its name in every title, committee
 * names in its footer) is not an article by itself.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { recognize } from "../../lib/recognition/recognize.ts";

const FOOTER =
  "Cơ quan chủ quản: Ban Tuyên giáo Tỉnh ủy Trà Vinh. Chịu trách nhiệm chính: Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy. ";

describe("recognize", () => {
  test("a resolution article on a party portal is recognised", () => {
    const text =
      "Sáng ngày 14/10/2020, Huyện ủy tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội Đảng bộ huyện lần thứ XXVI, nhiệm kỳ 2020-2025. Nghị quyết đề ra 16 chỉ tiêu chủ yếu; phấn đấu đến năm 2025 thu nhập bình quân đầu người đạt trên 90 triệu đồng. ".repeat(
        3,
      );
    const result = recognize({
      url: "https://tuyengiao.travinh.gov.vn/tin-tuc/hoc-tap-nghi-quyet.html",
      title: "Học tập Nghị quyết Đại hội Đảng bộ huyện - Ban Tuyên giáo Tỉnh ủy Trà Vinh",
      text,
      readable: true,
    });
    assert.equal(result.recognised, true, result.reasons.join("\n"));
  });

  test("the contact page of a party committee's portal is not", () => {
    const text = `Liên hệ. Mọi ý kiến đóng góp xin gửi về Ban Biên tập, số 1 đường Lê Lợi, phường 1, thành phố Trà Vinh. Điện thoại: 0294 3862 123. ${FOOTER.repeat(3)}`;
    const result = recognize({
      url: "https://tuyengiao.travinh.gov.vn/lien-he.html",
      title: "Liên hệ - Ban Tuyên giáo Tỉnh ủy Trà Vinh",
      text,
      readable: true,
    });
    assert.ok(result.score >= 4, `score ${result.score}: the case is close`);
    assert.equal(result.recognised, false, result.reasons.join("\n"));
    assert.ok(result.reasons.some((r) => /no resolution or congress content/.test(r)));
  });
});

/** Recognition of a page from its address, title and text (a readable article). */
const rec = (url: string, title: string, text: string) =>
  recognize({ url, title, text, readable: text.trim().length > 0 });
const has = (result: { reasons: string[] }, pattern: RegExp) =>
  result.reasons.some((r) => pattern.test(r));
const why = (result: { reasons: string[]; score: number }) =>
  `score ${result.score}\n${result.reasons.join("\n")}`;

const CLOSING =
  "Phát biểu kết luận, đồng chí Bí thư đề nghị các địa phương tập trung khắc phục hạn chế, đẩy nhanh tiến độ các công trình trọng điểm và chăm lo đời sống người dân trong những tháng cuối năm. ";

describe("recognize: a party body's report of targets and results", () => {
  test("a district committee's review with figures, on a newspaper's host, is recognised", () => {
    const result = rec(
      "https://baotinhmoi.vn/chinh-tri/202410/ket-qua-noi-bat-9-thang-1234.html",
      "Nhiều chỉ tiêu kinh tế đạt khá trong 9 tháng",
      `Chiều 12/10, Huyện ủy Tân Lập họp đánh giá kết quả 9 tháng đầu năm. Theo báo cáo, tổng thu ngân sách trên địa bàn đạt 312 tỷ đồng, bằng 84,5% dự toán; giá trị sản xuất nông nghiệp tăng 4,2% so với cùng kỳ; toàn huyện có 14/21 chỉ tiêu đạt và vượt tiến độ. Công tác xây dựng Đảng được chú trọng, kết nạp 63 đảng viên mới. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /party body reports targets or results/), why(result));
  });

  test("a party committee's weekly briefing without a figure is not", () => {
    const result = rec(
      "https://baotinhmoi.vn/chinh-tri/202403/giao-ban-tuan-5678.html",
      "Thường trực Huyện ủy giao ban tuần",
      `Sáng 5/3, Thường trực Huyện ủy Tân Lập họp giao ban, nghe các ban xây dựng Đảng báo cáo công việc trong tuần và cho ý kiến về kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập Đảng bộ huyện. Đồng chí Bí thư Huyện ủy yêu cầu các cơ quan chuẩn bị chu đáo, tiết kiệm, đúng quy định. ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });

  test("a statistics office's release with many figures but no party body is not", () => {
    const result = rec(
      "https://baotinhmoi.vn/kinh-te/202407/grdp-quy-ii-9012.html",
      "Cục Thống kê công bố số liệu quý II",
      `Chiều 29/6, Cục Thống kê tỉnh họp báo công bố số liệu kinh tế quý II. Tổng sản phẩm trên địa bàn tăng 5,8% so với cùng kỳ; khu vực công nghiệp tăng 7,1%; dịch vụ tăng 6,3%; kim ngạch xuất khẩu đạt 1.250 triệu USD; chỉ số giá tiêu dùng bình quân tăng 3,2%. Lượng khách du lịch tăng 12% nhờ nhiều sự kiện lớn được tổ chức trong dịp hè. ${"Số liệu được tổng hợp từ báo cáo của các sở, ngành và các huyện, thị xã, thành phố. ".repeat(2)}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });

  test("a statistics release on a party portal (its name in the title) is not", () => {
    const result = rec(
      "https://tuyengiao.example.gov.vn/tin-tuc/so-lieu-quy-3.html",
      "Số liệu kinh tế quý III - Ban Tuyên giáo Tỉnh ủy",
      `Theo Cục Thống kê tỉnh, tổng sản phẩm trên địa bàn quý III tăng 6,2% so với cùng kỳ; sản xuất công nghiệp tăng 8,4%; tổng mức bán lẻ hàng hóa đạt 21.300 tỷ đồng, tăng 10,1%. Giá tiêu dùng bình quân tăng 3,5%. ${"Số liệu được tổng hợp từ báo cáo của các sở, ngành và các huyện, thị xã, thành phố. ".repeat(3)}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });

  test("a statistics release whose page ends with the party portal's footer is not", () => {
    const result = rec(
      "https://tuyengiao.example.gov.vn/tin-tuc/so-lieu-quy-3.html",
      "Số liệu kinh tế quý III",
      `Theo Cục Thống kê tỉnh, tổng sản phẩm trên địa bàn quý III tăng 6,2% so với cùng kỳ; sản xuất công nghiệp tăng 8,4%; tổng mức bán lẻ hàng hóa đạt 21.300 tỷ đồng, tăng 10,1%. Giá tiêu dùng bình quân tăng 3,5%. ${"Số liệu được tổng hợp từ báo cáo của các sở, ngành và các huyện, thị xã, thành phố. ".repeat(9)}${FOOTER}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });

  test("a secretary's gift visit with its values (amounts, no measure) is not", () => {
    const result = rec(
      "https://baotinhmoi.vn/xa-hoi/202401/tham-tang-qua-tet-3456.html",
      "Thăm, tặng quà Tết gia đình chính sách",
      `Chiều 2/2, đồng chí Phó Bí thư Tỉnh ủy cùng đoàn công tác đã đến thăm, tặng quà các gia đình chính sách, hộ nghèo tại huyện Tân Lập. Dịp này, đoàn trao 300 suất quà, mỗi suất trị giá 1,5 triệu đồng; tổng trị giá 450 triệu đồng từ nguồn vận động xã hội hóa. Đồng chí ân cần thăm hỏi sức khỏe, chúc các gia đình đón Tết vui tươi, đầm ấm. ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });

  test("members admitted against the year's target are a report", () => {
    const result = rec(
      "https://baotinhmoi.vn/xay-dung-dang/202307/ket-nap-dang-vien-7788.html",
      "Kết nạp 146 đảng viên trong 6 tháng",
      `Theo Ban Tổ chức Tỉnh ủy, 6 tháng đầu năm các đảng bộ trực thuộc đã kết nạp 146 đảng viên mới, đạt 41,7% chỉ tiêu năm. Một số đảng bộ làm tốt công tác tạo nguồn, có tỷ lệ kết nạp cao; một số nơi còn khó khăn do thanh niên đi làm ăn xa. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
  });
});

describe("recognize: party bodies are read with their marks", () => {
  test("land taken back, a province delegating and farmers leaving fields name no party body", () => {
    const result = rec(
      "https://baotinhmoi.vn/kinh-te/giai-phong-mat-bang-cao-toc.html",
      "Giải phóng mặt bằng dự án cao tốc",
      `Tỉnh ủy quyền cho huyện phê duyệt phương án bồi thường. Đến nay, 95% hộ có đất bị thu hồi đã nhận tiền, tổng số tiền chi trả đạt 120 tỷ đồng; nhiều hộ đang bỏ ruộng để chuyển sang buôn bán. Các đơn vị thi công đẩy nhanh tiến độ, bảo đảm an toàn giao thông trên các tuyến đường công vụ. ${"Người dân đồng tình, ủng hộ chủ trương của tỉnh. ".repeat(2)}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports|names party committees/), why(result));
  });

  test("spending (chi tiêu) is no target (chỉ tiêu)", () => {
    const text = `Chi tiêu của người dân cho du lịch và mua sắm tăng mạnh dịp cuối năm; các siêu thị kéo dài giờ mở cửa. ${CLOSING}`;
    assert.ok(!has(rec("https://a.vn/b.html", "Sức mua tăng", text), /speaks of targets/));
    assert.ok(
      has(rec("https://a.vn/b.html", "Sức mua tăng", `Chỉ tiêu ${text}`), /speaks of targets/),
    );
  });

  test("both spellings of ủy (Tỉnh ủy, Tỉnh uỷ) name the committee", () => {
    for (const committee of ["Tỉnh ủy", "Tỉnh uỷ"]) {
      const result = rec(
        "https://baotinhmoi.vn/chinh-tri/a.html",
        "Tin",
        `${committee} họp đánh giá 9 tháng: thu ngân sách đạt 70% dự toán, tăng 8% so với cùng kỳ; các ngành bàn giải pháp cho quý cuối năm.`,
      );
      assert.ok(has(result, /names party committees/), `${committee}\n${why(result)}`);
    }
  });
});

describe("recognize: a committee's conference, a resolution's number, a programme, a horizon", () => {
  test("a committee's plenary conference reviewing the quarter, without figures, is recognised", () => {
    const result = rec(
      "https://hoabinh.example.gov.vn/tin-tuc/hoi-nghi-lan-thu-18.html",
      "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18",
      `Ngày 8/10, Huyện ủy Hòa Bình tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18, khóa XXI, đánh giá tình hình thực hiện nhiệm vụ 9 tháng và bàn nhiệm vụ trọng tâm 3 tháng cuối năm. Hội nghị nhận định kinh tế của huyện tiếp tục phát triển, nhiều chỉ tiêu đạt khá so với kế hoạch; an ninh chính trị được giữ vững. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /party committee's conference/), why(result));
  });

  test("a committee's conference on personnel alone, with no review or figure, is not", () => {
    const result = rec(
      "https://hoabinh.example.gov.vn/tin-tuc/hoi-nghi-lan-thu-19.html",
      "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 19",
      `Ngày 2/12, Huyện ủy Hòa Bình tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 19, khóa XXI, để giới thiệu nhân sự và bầu bổ sung Ủy viên Ban Thường vụ Huyện ủy. Hội nghị đã tiến hành bỏ phiếu kín theo đúng quy định của Điều lệ Đảng; đồng chí được bầu phát biểu nhận nhiệm vụ, hứa đoàn kết, gương mẫu. ${"Thay mặt Ban Thường vụ, đồng chí Bí thư chúc mừng và giao nhiệm vụ cho đồng chí được bầu. ".repeat(2)}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party committee's conference/), why(result));
  });

  test("a resolution's number marks a party resolution (NQ/TU), not a government one (NQ-CP)", () => {
    const party = rec(
      "https://tinh.example.gov.vn/tin-tuc/ban-hanh-nghi-quyet-ve-kinh-te-bien.html",
      "Tỉnh ủy ban hành Nghị quyết về kinh tế biển",
      `Ban Thường vụ Tỉnh ủy vừa ban hành văn bản số 09-NQ/TU về phát triển bền vững kinh tế biển. Văn bản xác định kinh tế biển là động lực tăng trưởng, yêu cầu các cấp ủy, chính quyền nâng cao nhận thức, huy động nguồn lực đầu tư hạ tầng cảng, du lịch và nuôi trồng thủy sản công nghệ cao. ${CLOSING}`,
    );
    assert.equal(party.recognised, true, why(party));
    assert.ok(has(party, /party resolution by its number/), why(party));
    const government = rec(
      "https://luatvanban.example.vn/van-ban/quyet-dinh-ke-hoach-chinh-phu-so.html",
      "Quyết định ban hành Kế hoạch chính phủ số",
      `Căn cứ văn bản số 17/NQ-CP của Chính phủ về nhiệm vụ phát triển Chính phủ điện tử; theo đề nghị của Sở Thông tin và Truyền thông, ban hành kèm theo Quyết định này Kế hoạch chính phủ số của tỉnh. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng, Giám đốc các sở, ngành chịu trách nhiệm thi hành. ${"Nơi nhận: như Điều 3; lưu văn thư. ".repeat(4)}`,
    );
    assert.equal(government.recognised, false, why(government));
    assert.ok(!has(government, /party resolution by its number/), why(government));
  });

  test("a programme carrying out a resolution is recognised", () => {
    const result = rec(
      "https://huyen.example.gov.vn/tin-tuc/chuong-trinh-nong-nghiep-huu-co.html",
      "Ban hành chương trình phát triển nông nghiệp hữu cơ",
      `Huyện ủy vừa ban hành Chương trình hành động thực hiện Nghị quyết của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp hữu cơ. Chương trình giao nhiệm vụ cụ thể cho từng cơ quan, địa phương, gắn trách nhiệm người đứng đầu với kết quả thực hiện; khuyến khích hợp tác xã liên kết với doanh nghiệp tiêu thụ sản phẩm. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /programme carrying out a resolution/), why(result));
  });

  test("a party body's guide setting targets for 2030 is recognised", () => {
    const result = rec(
      "https://tuyengiao.example.dcs.vn/huong-dan/tuyen-truyen-quy-hoach.html",
      "Hướng dẫn tuyên truyền quy hoạch tỉnh",
      `Nâng cao nhận thức của cấp ủy đảng, chính quyền và Nhân dân về quy hoạch tỉnh; tạo đồng thuận để thực hiện mục tiêu đưa tỉnh trở thành trung tâm chế biến nông sản của vùng vào năm 2030, tầm nhìn đến năm 2050. Tuyên truyền thường xuyên, đa dạng hình thức, phù hợp với từng đối tượng, kết hợp báo chí với hệ thống truyền thanh cơ sở và mạng xã hội. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /sets targets for a horizon/), why(result));
  });
});

describe("recognize: the resolution carried out, a total raised", () => {
  test("a year's review measured against the resolution, named once, is recognised", () => {
    const result = rec(
      "https://baotinhmoi.vn/chinh-tri/danh-gia-cong-tac-nam.html",
      "Huyện ủy Tân Lập đánh giá công tác năm",
      `Năm nay, dưới sự lãnh đạo của Huyện ủy, kinh tế huyện phát triển khá: thu ngân sách vượt so với Nghị quyết, sản xuất nông nghiệp được mùa, nhiều công trình giao thông hoàn thành đưa vào sử dụng. Công tác xây dựng Đảng và hệ thống chính trị có chuyển biến rõ nét; an ninh, trật tự được giữ vững. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /carries out or measures against the resolution/), why(result));
  });

  test("a council's resolution carried out is not the party's", () => {
    const result = rec(
      "https://tinh.example.gov.vn/tin/giao-von-dau-tu.html",
      "Giao kế hoạch vốn đầu tư công",
      `Thực hiện Nghị quyết của HĐND tỉnh về kế hoạch đầu tư công, Sở Kế hoạch và Đầu tư đã tham mưu giao vốn cho các chủ đầu tư, yêu cầu khẩn trương hoàn thiện thủ tục, đẩy nhanh tiến độ giải ngân. ${CLOSING}`,
    );
    assert.ok(!has(result, /carries out or measures against/), why(result));
  });

  test("the state's resolutions (NQ-CP, NQ-UBTVQH) are neither cited nor carried out as the party's", () => {
    const result = rec(
      "https://xa.example.gov.vn/tin/sap-xep-don-vi-hanh-chinh.html",
      "Hoàn thành sắp xếp đơn vị hành chính cấp xã",
      `Thực hiện Nghị quyết số 1234/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã và Nghị quyết số 76/NQ-CP của Chính phủ, từ ngày 1/7 tỉnh giảm từ 120 xuống còn 64 xã, phường, giảm 46,7%. Theo Nghị quyết số 1234/NQ-UBTVQH15, trụ sở xã mới đặt tại trung tâm xã cũ. Các xã mới đã đi vào hoạt động ổn định. ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(
      !has(result, /resolution \(Nghị quyết\) repeatedly|carries out or measures/),
      why(result),
    );
  });

  test("the Party named once in a government text's boilerplate makes no party body", () => {
    const result = rec(
      "https://tinh.example.gov.vn/tin/kinh-te-xa-hoi-9-thang.html",
      "Kinh tế - xã hội 9 tháng tiếp tục tăng trưởng",
      `Quán triệt chủ trương của Đảng, chính sách, pháp luật của Nhà nước, các sở, ngành và địa phương đã triển khai đồng bộ các giải pháp. Tổng sản phẩm trên địa bàn tăng 6,8%; thu ngân sách đạt 81% dự toán; kim ngạch xuất khẩu tăng 12,4% so với cùng kỳ. Sở Kế hoạch và Đầu tư đề nghị các chủ đầu tư đẩy nhanh giải ngân. ${"Các cơ quan tiếp tục cải cách hành chính, cải thiện môi trường đầu tư. ".repeat(2)}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });

  test("members admitted and the total raised are two measures of a report", () => {
    const result = rec(
      "https://baotinhmoi.vn/xay-dung-dang/ket-nap-dang-vien-moi.html",
      "Chú trọng công tác phát triển đảng viên",
      `Từ đầu năm, các chi bộ trong Đảng bộ huyện Tân Lập đã kết nạp 38 quần chúng ưu tú vào Đảng, nâng tổng số đảng viên toàn Đảng bộ lên 2.140 đồng chí. Nhiều chi bộ thôn, bản đã xóa được tình trạng không có đảng viên là người trẻ. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /party body reports targets or results/), why(result));
  });
});

describe("recognize: a yearly rate and a look back over the years", () => {
  const BRIEF =
    "Những năm qua, cấp ủy, chính quyền huyện Tân Lập tập trung chỉ đạo chuyển đổi cây trồng trên đất đồi. Mỗi năm tăng thêm hàng trăm héc-ta cây ăn quả; giá trị thu hoạch trên một héc-ta tăng 15% so với trước, đời sống người dân được nâng lên rõ rệt.";

  test("a brief with one figure and its yearly rate, looking back over the years, is recognised", () => {
    const result = rec(
      "https://baoquangtri.vn/kinh-te/cay-an-qua.html",
      "Tân Lập phát triển cây ăn quả",
      BRIEF,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /party body reports targets or results/), why(result));
    assert.ok(has(result, /review or plan/), why(result));
  });

  test("a festival held every year, with one share, is no report", () => {
    const result = rec(
      "https://baoquangtri.vn/van-hoa/le-hoi-dua-ghe.html",
      "Lễ hội đua ghe truyền thống",
      `Lễ hội đua ghe được tổ chức hàng năm, thu hút hơn 90% người dân trong xã tham gia cổ vũ. Đồng chí Bí thư Huyện ủy dự và đánh trống khai hội. Những năm qua, lễ hội góp phần gìn giữ nét đẹp văn hóa của vùng sông nước. ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party body reports/), why(result));
  });
});

describe("recognize: a congress without figures is an event", () => {
  const PROCEEDINGS =
    "Trong hai ngày 14 và 15/6, Đảng bộ xã Hòa Lạc tiến hành Đại hội đại biểu Đảng bộ xã lần thứ XV, nhiệm kỳ 2025-2030. Tại phiên trù bị, đại biểu thông qua quy chế làm việc và chương trình Đại hội. Phiên chính thức nghe báo cáo chính trị, báo cáo kiểm điểm của Ban Chấp hành khóa trước, thảo luận dự thảo văn kiện và bầu Ban Chấp hành khóa mới. ";

  test("a commune congress's proceedings are not recognised", () => {
    const result = rec(
      "https://baotinhmoi.vn/chinh-tri/dai-hoi-dang-bo-xa-hoa-lac.html",
      "Đại hội đại biểu Đảng bộ xã Hòa Lạc lần thứ XV",
      `${PROCEEDINGS}${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(has(result, /without figures, deadlines or the resolution: an event/), why(result));
  });

  test("the same congress with its targets is recognised", () => {
    const result = rec(
      "https://baotinhmoi.vn/chinh-tri/dai-hoi-dang-bo-xa-hoa-lac.html",
      "Đại hội đại biểu Đảng bộ xã Hòa Lạc lần thứ XV",
      `${PROCEEDINGS}Đại hội đề ra 15 chỉ tiêu chủ yếu, phấn đấu thu nhập bình quân đầu người đạt 85 triệu đồng. ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
  });

  test("a council's term (HĐND, nhiệm kỳ 2021-2026) is no party term", () => {
    const result = rec(
      "https://baotinhmoi.vn/thoi-su/ket-qua-bau-cu.html",
      "Công bố kết quả bầu cử",
      `Ủy ban bầu cử tỉnh công bố kết quả bầu cử đại biểu HĐND tỉnh nhiệm kỳ 2021-2026: tỷ lệ cử tri đi bầu đạt 99,8%; bầu đủ 52 đại biểu trong số 86 người ứng cử. ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /party term/), why(result));
  });

  test("the Party's national congress with a figure counts as a congress", () => {
    const result = rec(
      "https://baotinhmoi.vn/chinh-tri/huong-toi-dai-hoi.html",
      "Hướng tới Đại hội",
      `Đến nay, 100% tổ chức cơ sở đảng của tỉnh đã hoàn thành đại hội đúng tiến độ, tạo khí thế mới hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng. ${CLOSING}`,
    );
    assert.ok(has(result, /party congress/), why(result));
  });
});

describe("recognize: briefs, hosts, addresses and titles", () => {
  const BRIEF =
    "Sáng 20/7, Huyện ủy Tân Lập sơ kết 6 tháng: thu ngân sách đạt 58% dự toán, tăng 9% so với cùng kỳ; kết nạp 41 đảng viên. Hội nghị bàn giải pháp cho 6 tháng cuối năm.";

  test("a brief (under 400 characters) is judged on its content", () => {
    assert.ok(BRIEF.length >= 150 && BRIEF.length < 400);
    const result = rec(
      "https://baotinhmoi.vn/video/so-ket-6-thang.html",
      "Huyện ủy sơ kết 6 tháng",
      BRIEF,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /a brief of/), why(result));
  });

  test("a stub (under 150 characters) is no article", () => {
    const result = rec(
      "https://baotinhmoi.vn/video/so-ket-6-thang.html",
      "Huyện ủy sơ kết 6 tháng",
      BRIEF.slice(0, 120),
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(has(result, /no readable article/), why(result));
  });

  test("a party organ's host (dcs.vn, a committee's, a provincial paper) counts like a government portal's", () => {
    for (const url of [
      "https://sotay.example.dcs.vn/tin/a.html",
      "https://huyen.tinhuyexample.vn/tin/a.html",
      "https://baoquangtri.vn/chinh-tri/a.html",
      "https://www.baocaobang.com.vn/a.html",
    ]) {
      assert.ok(has(rec(url, "Tin", BRIEF), /party organ's portal host/), url);
    }
    for (const url of ["https://baotinhmoi.vn/tin/a.html", "https://baochinhphu.vn/a.html"])
      assert.ok(!has(rec(url, "Tin", BRIEF), /party organ's/), url);
  });

  test("a headline slug in the address stands in for a missing title", () => {
    const text = `Ngày 3/4, tại hội trường huyện, các đại biểu đã nghe báo cáo tình hình quý I: giá trị sản xuất tăng 6,1%, thu ngân sách đạt 27% dự toán; 96% hộ dân tham gia bảo hiểm y tế. ${CLOSING}`;
    const result = rec(
      "https://huyen.example.vn/tin-tuc/hoi-nghi-ban-chap-hanh-dang-bo-huyen-lan-thu-12.html",
      "Tin hoạt động",
      text,
    );
    assert.ok(has(result, /title or address names/), why(result));
    assert.equal(result.recognised, true, why(result));
    assert.ok(
      !has(
        rec("https://huyen.example.vn/tin-tuc/12345.html", "Tin hoạt động", text),
        /title or address/,
      ),
    );
  });

  test("the Party named in a title is the capitalised Đảng, not the verb đang", () => {
    const text = `Tỉnh đã xóa 1.200 căn nhà tạm, nhà dột nát cho hộ nghèo trong 5 tháng, sớm hơn kế hoạch. ${CLOSING}`;
    assert.ok(
      has(rec("https://a.vn/b.html", "Ý Đảng hợp lòng dân", text), /title or address names/),
    );
    assert.ok(
      !has(rec("https://a.vn/b.html", "Người dân đang chờ nhà mới", text), /title or address/),
    );
  });
});

describe("recognize: the negative genres' own signals stay narrow", () => {
  const REPORT = `Sáng 9/10, Huyện ủy Tân Lập tổ chức hội nghị đánh giá 9 tháng đầu năm: thu ngân sách đạt 76% dự toán, tăng 11% so với cùng kỳ; giải quyết 1.450 hồ sơ thủ tục hành chính, tỷ lệ đúng hạn đạt 98,6%; các hoạt động văn hóa, thể thao, nổi bật là giải bóng đá thanh niên, diễn ra sôi nổi. ${CLOSING}`;

  test("a report naming administrative procedures, culture and sports once is recognised", () => {
    const result = rec(
      "https://tanlap.example.gov.vn/tin/hoi-nghi-9-thang.html",
      "Hội nghị Huyện ủy đánh giá 9 tháng",
      `${REPORT}Thời tiết\nTỷ giá ngoại tệ\nThống kê truy cập`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(!has(result, /procedure|weather|sports/), why(result));
  });

  test("a growth forecast in a title is no weather bulletin", () => {
    const result = rec(
      "https://a.vn/b.html",
      "Công bố số liệu 6 tháng và dự báo tăng trưởng cả năm",
      REPORT,
    );
    assert.ok(!has(result, /weather/), why(result));
  });

  test("a people's committee's meeting is a government report, even chaired by a secretary", () => {
    const result = rec(
      "https://tanlap.example.gov.vn/tin/ubnd-hop-9-thang.html",
      "UBND huyện họp đánh giá kinh tế - xã hội 9 tháng",
      `Chiều 6/10, đồng chí Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì phiên họp thường kỳ. Theo báo cáo, thu ngân sách đạt 76% dự toán, tăng 11% so với cùng kỳ; giải ngân vốn đầu tư công đạt 61%. Các phòng, ban đề xuất giải pháp hoàn thành kế hoạch năm. ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(has(result, /people's committee or council/), why(result));
  });
});

describe("recognize: the party's own membership figures", () => {
  const text = `Sáng 3/9, Đảng ủy xã Tân Lập tổ chức lễ kết nạp đảng viên. Từ đầu năm đến nay, Đảng bộ xã đã kết nạp được 23 đảng viên mới, là những quần chúng ưu tú tiêu biểu trong lao động sản xuất và học tập. ${CLOSING}`;

  test("admitting members with a count is a party-building result", () => {
    const result = rec(
      "https://tanlap.example.gov.vn/tin/ket-nap.html",
      "Xã Tân Lập kết nạp đảng viên",
      text,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /membership figures/), why(result));
  });

  test("a ceremony admitting members without a count is not", () => {
    const result = rec(
      "https://tanlap.example.gov.vn/tin/ket-nap.html",
      "Xã Tân Lập kết nạp đảng viên",
      text.replace("kết nạp được 23 đảng viên mới", "tổ chức lễ kết nạp cho các quần chúng"),
    );
    assert.ok(!has(result, /membership figures/), why(result));
  });
});

describe("recognize: words of the party's plans", () => {
  test("an admission target exceeded by a share counts as membership figures", () => {
    const text = `Năm 2024, Đảng bộ thị xã Tân Lập đã vượt 15% chỉ tiêu kết nạp đảng viên được giao, đạt 115%. ${CLOSING}`;
    const result = rec(
      "https://tanlap.example.gov.vn/tin/ket-nap.html",
      "Tân Lập vượt chỉ tiêu kết nạp",
      text,
    );
    assert.ok(has(result, /membership figures/), why(result));
  });
});

describe("recognize: a locality's plan announced as a set of targets", () => {
  const plan =
    "Năm 2025, thị xã Tân Lập phấn đấu thực hiện đạt 15 chỉ tiêu chủ yếu: tốc độ tăng trưởng giá trị sản xuất 9,5%; thu ngân sách trên địa bàn 210 tỷ đồng; tỷ lệ hộ nghèo giảm còn dưới 2%; thêm 2 xã đạt chuẩn nông thôn mới nâng cao. Các phòng, ban được giao cụ thể từng phần việc để triển khai ngay từ tháng đầu năm.";

  test("a town's year of targets, no party body named, is recognised", () => {
    const result = rec(
      "https://tanlap.example.vn/tin/tan-lap-phan-dau-hoan-thanh-cac-chi-tieu-nam-2025.html",
      "Tân Lập phấn đấu hoàn thành các chỉ tiêu năm 2025",
      `${plan} ${CLOSING}`,
    );
    assert.equal(result.recognised, true, why(result));
    assert.ok(has(result, /set of targets/), why(result));
    assert.ok(has(result, /targets \(chỉ tiêu\)/), why(result));
  });

  test("the same figures as a council session's review, without the commitment, are not", () => {
    const result = rec(
      "https://tanlap.example.vn/tin/ky-hop-thu-9.html",
      "Kỳ họp thứ 9 HĐND thị xã Tân Lập",
      `${plan.replace("phấn đấu thực hiện đạt 15 chỉ tiêu chủ yếu", "đã đạt các kết quả")} ${CLOSING}`,
    );
    assert.equal(result.recognised, false, why(result));
    assert.ok(!has(result, /set of targets/), why(result));
  });

  test("a commitment without figures is an exhortation, not a plan", () => {
    const result = rec(
      "https://tanlap.example.vn/tin/thi-dua.html",
      "Tân Lập phát động thi đua",
      "Thị xã Tân Lập phát động phong trào thi đua, kêu gọi cán bộ, nhân dân phấn đấu hoàn thành các mục tiêu đã đề ra, chung sức xây dựng quê hương ngày càng giàu đẹp, văn minh. Các phòng, ban, đoàn thể đăng ký giao ước thi đua ngay trong tháng.",
    );
    assert.ok(!has(result, /set of targets/), why(result));
  });

  test("spending (chi tiêu) in a headline names no targets", () => {
    const result = rec(
      "https://tanlap.example.vn/tin/bai-viet.html",
      "Người dân thắt chặt chi tiêu dịp cuối năm",
      `Nhiều gia đình ở thị xã Tân Lập cho biết đã giảm 20% chi tiêu cho mua sắm so với năm trước. ${CLOSING}`,
    );
    assert.ok(!has(result, /targets \(chỉ tiêu\)/), why(result));
  });
});
