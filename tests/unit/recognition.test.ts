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

/** A page, and what recognition must say of it: recognised or not, these reasons given or not. */
interface RecognitionCase {
  name: string;
  url: string;
  title: string;
  text: string;
  recognised?: boolean;
  has?: RegExp[];
  lacks?: RegExp[];
}

/** One case's test: each expectation it gives is asserted, with the score and reasons on failure. */
function testRecognition(c: RecognitionCase): void {
  assert.ok(c.recognised !== undefined || c.has || c.lacks, `${c.name}: expects something`);
  test(c.name, () => {
    const result = rec(c.url, c.title, c.text);
    if (c.recognised !== undefined) assert.equal(result.recognised, c.recognised, why(result));
    for (const pattern of c.has ?? []) assert.ok(has(result, pattern), why(result));
    for (const pattern of c.lacks ?? []) assert.ok(!has(result, pattern), why(result));
  });
}

const CLOSING =
  "Phát biểu kết luận, đồng chí Bí thư đề nghị các địa phương tập trung khắc phục hạn chế, đẩy nhanh tiến độ các công trình trọng điểm và chăm lo đời sống người dân trong những tháng cuối năm. ";

describe("recognize: a party body's report of targets and results", () => {
  testRecognition({
    name: "a district committee's review with figures, on a newspaper's host, is recognised",
    url: "https://baotinhmoi.vn/chinh-tri/202410/ket-qua-noi-bat-9-thang-1234.html",
    title: "Nhiều chỉ tiêu kinh tế đạt khá trong 9 tháng",
    text: `Chiều 12/10, Huyện ủy Tân Lập họp đánh giá kết quả 9 tháng đầu năm. Theo báo cáo, tổng thu ngân sách trên địa bàn đạt 312 tỷ đồng, bằng 84,5% dự toán; giá trị sản xuất nông nghiệp tăng 4,2% so với cùng kỳ; toàn huyện có 14/21 chỉ tiêu đạt và vượt tiến độ. Công tác xây dựng Đảng được chú trọng, kết nạp 63 đảng viên mới. ${CLOSING}`,
    recognised: true,
    has: [/party body reports targets or results/],
  });

  testRecognition({
    name: "a party committee's weekly briefing without a figure is not",
    url: "https://baotinhmoi.vn/chinh-tri/202403/giao-ban-tuan-5678.html",
    title: "Thường trực Huyện ủy giao ban tuần",
    text: `Sáng 5/3, Thường trực Huyện ủy Tân Lập họp giao ban, nghe các ban xây dựng Đảng báo cáo công việc trong tuần và cho ý kiến về kế hoạch tổ chức các hoạt động kỷ niệm ngày thành lập Đảng bộ huyện. Đồng chí Bí thư Huyện ủy yêu cầu các cơ quan chuẩn bị chu đáo, tiết kiệm, đúng quy định. ${CLOSING}`,
    recognised: false,
    lacks: [/party body reports/],
  });

  testRecognition({
    name: "a statistics office's release with many figures but no party body is not",
    url: "https://baotinhmoi.vn/kinh-te/202407/grdp-quy-ii-9012.html",
    title: "Cục Thống kê công bố số liệu quý II",
    text: `Chiều 29/6, Cục Thống kê tỉnh họp báo công bố số liệu kinh tế quý II. Tổng sản phẩm trên địa bàn tăng 5,8% so với cùng kỳ; khu vực công nghiệp tăng 7,1%; dịch vụ tăng 6,3%; kim ngạch xuất khẩu đạt 1.250 triệu USD; chỉ số giá tiêu dùng bình quân tăng 3,2%. Lượng khách du lịch tăng 12% nhờ nhiều sự kiện lớn được tổ chức trong dịp hè. ${"Số liệu được tổng hợp từ báo cáo của các sở, ngành và các huyện, thị xã, thành phố. ".repeat(2)}`,
    recognised: false,
    lacks: [/party body reports/],
  });

  testRecognition({
    name: "a statistics release on a party portal (its name in the title) is not",
    url: "https://tuyengiao.example.gov.vn/tin-tuc/so-lieu-quy-3.html",
    title: "Số liệu kinh tế quý III - Ban Tuyên giáo Tỉnh ủy",
    text: `Theo Cục Thống kê tỉnh, tổng sản phẩm trên địa bàn quý III tăng 6,2% so với cùng kỳ; sản xuất công nghiệp tăng 8,4%; tổng mức bán lẻ hàng hóa đạt 21.300 tỷ đồng, tăng 10,1%. Giá tiêu dùng bình quân tăng 3,5%. ${"Số liệu được tổng hợp từ báo cáo của các sở, ngành và các huyện, thị xã, thành phố. ".repeat(3)}`,
    recognised: false,
    lacks: [/party body reports/],
  });

  testRecognition({
    name: "a statistics release whose page ends with the party portal's footer is not",
    url: "https://tuyengiao.example.gov.vn/tin-tuc/so-lieu-quy-3.html",
    title: "Số liệu kinh tế quý III",
    text: `Theo Cục Thống kê tỉnh, tổng sản phẩm trên địa bàn quý III tăng 6,2% so với cùng kỳ; sản xuất công nghiệp tăng 8,4%; tổng mức bán lẻ hàng hóa đạt 21.300 tỷ đồng, tăng 10,1%. Giá tiêu dùng bình quân tăng 3,5%. ${"Số liệu được tổng hợp từ báo cáo của các sở, ngành và các huyện, thị xã, thành phố. ".repeat(9)}${FOOTER}`,
    recognised: false,
    lacks: [/party body reports/],
  });

  testRecognition({
    name: "a secretary's gift visit with its values (amounts, no measure) is not",
    url: "https://baotinhmoi.vn/xa-hoi/202401/tham-tang-qua-tet-3456.html",
    title: "Thăm, tặng quà Tết gia đình chính sách",
    text: `Chiều 2/2, đồng chí Phó Bí thư Tỉnh ủy cùng đoàn công tác đã đến thăm, tặng quà các gia đình chính sách, hộ nghèo tại huyện Tân Lập. Dịp này, đoàn trao 300 suất quà, mỗi suất trị giá 1,5 triệu đồng; tổng trị giá 450 triệu đồng từ nguồn vận động xã hội hóa. Đồng chí ân cần thăm hỏi sức khỏe, chúc các gia đình đón Tết vui tươi, đầm ấm. ${CLOSING}`,
    recognised: false,
    lacks: [/party body reports/],
  });

  testRecognition({
    name: "members admitted against the year's target are a report",
    url: "https://baotinhmoi.vn/xay-dung-dang/202307/ket-nap-dang-vien-7788.html",
    title: "Kết nạp 146 đảng viên trong 6 tháng",
    text: `Theo Ban Tổ chức Tỉnh ủy, 6 tháng đầu năm các đảng bộ trực thuộc đã kết nạp 146 đảng viên mới, đạt 41,7% chỉ tiêu năm. Một số đảng bộ làm tốt công tác tạo nguồn, có tỷ lệ kết nạp cao; một số nơi còn khó khăn do thanh niên đi làm ăn xa. ${CLOSING}`,
    recognised: true,
  });
});

describe("recognize: party bodies are read with their marks", () => {
  testRecognition({
    name: "land taken back, a province delegating and farmers leaving fields name no party body",
    url: "https://baotinhmoi.vn/kinh-te/giai-phong-mat-bang-cao-toc.html",
    title: "Giải phóng mặt bằng dự án cao tốc",
    text: `Tỉnh ủy quyền cho huyện phê duyệt phương án bồi thường. Đến nay, 95% hộ có đất bị thu hồi đã nhận tiền, tổng số tiền chi trả đạt 120 tỷ đồng; nhiều hộ đang bỏ ruộng để chuyển sang buôn bán. Các đơn vị thi công đẩy nhanh tiến độ, bảo đảm an toàn giao thông trên các tuyến đường công vụ. ${"Người dân đồng tình, ủng hộ chủ trương của tỉnh. ".repeat(2)}`,
    recognised: false,
    lacks: [/party body reports|names party committees/],
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
  testRecognition({
    name: "a committee's plenary conference reviewing the quarter, without figures, is recognised",
    url: "https://hoabinh.example.gov.vn/tin-tuc/hoi-nghi-lan-thu-18.html",
    title: "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18",
    text: `Ngày 8/10, Huyện ủy Hòa Bình tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18, khóa XXI, đánh giá tình hình thực hiện nhiệm vụ 9 tháng và bàn nhiệm vụ trọng tâm 3 tháng cuối năm. Hội nghị nhận định kinh tế của huyện tiếp tục phát triển, nhiều chỉ tiêu đạt khá so với kế hoạch; an ninh chính trị được giữ vững. ${CLOSING}`,
    recognised: true,
    has: [/party committee's conference/],
  });

  testRecognition({
    name: "a committee's conference on personnel alone, with no review or figure, is not",
    url: "https://hoabinh.example.gov.vn/tin-tuc/hoi-nghi-lan-thu-19.html",
    title: "Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 19",
    text: `Ngày 2/12, Huyện ủy Hòa Bình tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 19, khóa XXI, để giới thiệu nhân sự và bầu bổ sung Ủy viên Ban Thường vụ Huyện ủy. Hội nghị đã tiến hành bỏ phiếu kín theo đúng quy định của Điều lệ Đảng; đồng chí được bầu phát biểu nhận nhiệm vụ, hứa đoàn kết, gương mẫu. ${"Thay mặt Ban Thường vụ, đồng chí Bí thư chúc mừng và giao nhiệm vụ cho đồng chí được bầu. ".repeat(2)}`,
    recognised: false,
    lacks: [/party committee's conference/],
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

  testRecognition({
    name: "a programme carrying out a resolution is recognised",
    url: "https://huyen.example.gov.vn/tin-tuc/chuong-trinh-nong-nghiep-huu-co.html",
    title: "Ban hành chương trình phát triển nông nghiệp hữu cơ",
    text: `Huyện ủy vừa ban hành Chương trình hành động thực hiện Nghị quyết của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp hữu cơ. Chương trình giao nhiệm vụ cụ thể cho từng cơ quan, địa phương, gắn trách nhiệm người đứng đầu với kết quả thực hiện; khuyến khích hợp tác xã liên kết với doanh nghiệp tiêu thụ sản phẩm. ${CLOSING}`,
    recognised: true,
    has: [/programme carrying out a resolution/],
  });

  testRecognition({
    name: "a party body's guide setting targets for 2030 is recognised",
    url: "https://tuyengiao.example.dcs.vn/huong-dan/tuyen-truyen-quy-hoach.html",
    title: "Hướng dẫn tuyên truyền quy hoạch tỉnh",
    text: `Nâng cao nhận thức của cấp ủy đảng, chính quyền và Nhân dân về quy hoạch tỉnh; tạo đồng thuận để thực hiện mục tiêu đưa tỉnh trở thành trung tâm chế biến nông sản của vùng vào năm 2030, tầm nhìn đến năm 2050. Tuyên truyền thường xuyên, đa dạng hình thức, phù hợp với từng đối tượng, kết hợp báo chí với hệ thống truyền thanh cơ sở và mạng xã hội. ${CLOSING}`,
    recognised: true,
    has: [/sets targets for a horizon/],
  });
});

describe("recognize: the resolution carried out, a total raised", () => {
  testRecognition({
    name: "a year's review measured against the resolution, named once, is recognised",
    url: "https://baotinhmoi.vn/chinh-tri/danh-gia-cong-tac-nam.html",
    title: "Huyện ủy Tân Lập đánh giá công tác năm",
    text: `Năm nay, dưới sự lãnh đạo của Huyện ủy, kinh tế huyện phát triển khá: thu ngân sách vượt so với Nghị quyết, sản xuất nông nghiệp được mùa, nhiều công trình giao thông hoàn thành đưa vào sử dụng. Công tác xây dựng Đảng và hệ thống chính trị có chuyển biến rõ nét; an ninh, trật tự được giữ vững. ${CLOSING}`,
    recognised: true,
    has: [/carries out or measures against the resolution/],
  });

  testRecognition({
    name: "a council's resolution carried out is not the party's",
    url: "https://tinh.example.gov.vn/tin/giao-von-dau-tu.html",
    title: "Giao kế hoạch vốn đầu tư công",
    text: `Thực hiện Nghị quyết của HĐND tỉnh về kế hoạch đầu tư công, Sở Kế hoạch và Đầu tư đã tham mưu giao vốn cho các chủ đầu tư, yêu cầu khẩn trương hoàn thiện thủ tục, đẩy nhanh tiến độ giải ngân. ${CLOSING}`,
    lacks: [/carries out or measures against/],
  });

  testRecognition({
    name: "the state's resolutions (NQ-CP, NQ-UBTVQH) are neither cited nor carried out as the party's",
    url: "https://xa.example.gov.vn/tin/sap-xep-don-vi-hanh-chinh.html",
    title: "Hoàn thành sắp xếp đơn vị hành chính cấp xã",
    text: `Thực hiện Nghị quyết số 1234/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã và Nghị quyết số 76/NQ-CP của Chính phủ, từ ngày 1/7 tỉnh giảm từ 120 xuống còn 64 xã, phường, giảm 46,7%. Theo Nghị quyết số 1234/NQ-UBTVQH15, trụ sở xã mới đặt tại trung tâm xã cũ. Các xã mới đã đi vào hoạt động ổn định. ${CLOSING}`,
    recognised: false,
    lacks: [/resolution \(Nghị quyết\) repeatedly|carries out or measures/],
  });

  testRecognition({
    name: "the Party named once in a government text's boilerplate makes no party body",
    url: "https://tinh.example.gov.vn/tin/kinh-te-xa-hoi-9-thang.html",
    title: "Kinh tế - xã hội 9 tháng tiếp tục tăng trưởng",
    text: `Quán triệt chủ trương của Đảng, chính sách, pháp luật của Nhà nước, các sở, ngành và địa phương đã triển khai đồng bộ các giải pháp. Tổng sản phẩm trên địa bàn tăng 6,8%; thu ngân sách đạt 81% dự toán; kim ngạch xuất khẩu tăng 12,4% so với cùng kỳ. Sở Kế hoạch và Đầu tư đề nghị các chủ đầu tư đẩy nhanh giải ngân. ${"Các cơ quan tiếp tục cải cách hành chính, cải thiện môi trường đầu tư. ".repeat(2)}`,
    recognised: false,
    lacks: [/party body reports/],
  });

  testRecognition({
    name: "members admitted and the total raised are two measures of a report",
    url: "https://baotinhmoi.vn/xay-dung-dang/ket-nap-dang-vien-moi.html",
    title: "Chú trọng công tác phát triển đảng viên",
    text: `Từ đầu năm, các chi bộ trong Đảng bộ huyện Tân Lập đã kết nạp 38 quần chúng ưu tú vào Đảng, nâng tổng số đảng viên toàn Đảng bộ lên 2.140 đồng chí. Nhiều chi bộ thôn, bản đã xóa được tình trạng không có đảng viên là người trẻ. ${CLOSING}`,
    recognised: true,
    has: [/party body reports targets or results/],
  });
});

describe("recognize: a yearly rate and a look back over the years", () => {
  const BRIEF =
    "Những năm qua, cấp ủy, chính quyền huyện Tân Lập tập trung chỉ đạo chuyển đổi cây trồng trên đất đồi. Mỗi năm tăng thêm hàng trăm héc-ta cây ăn quả; giá trị thu hoạch trên một héc-ta tăng 15% so với trước, đời sống người dân được nâng lên rõ rệt.";

  testRecognition({
    name: "a brief with one figure and its yearly rate, looking back over the years, is recognised",
    url: "https://baoquangtri.vn/kinh-te/cay-an-qua.html",
    title: "Tân Lập phát triển cây ăn quả",
    text: BRIEF,
    recognised: true,
    has: [/party body reports targets or results/, /review or plan/],
  });

  testRecognition({
    name: "a festival held every year, with one share, is no report",
    url: "https://baoquangtri.vn/van-hoa/le-hoi-dua-ghe.html",
    title: "Lễ hội đua ghe truyền thống",
    text: `Lễ hội đua ghe được tổ chức hàng năm, thu hút hơn 90% người dân trong xã tham gia cổ vũ. Đồng chí Bí thư Huyện ủy dự và đánh trống khai hội. Những năm qua, lễ hội góp phần gìn giữ nét đẹp văn hóa của vùng sông nước. ${CLOSING}`,
    recognised: false,
    lacks: [/party body reports/],
  });
});

describe("recognize: a congress without figures is an event", () => {
  const PROCEEDINGS =
    "Trong hai ngày 14 và 15/6, Đảng bộ xã Hòa Lạc tiến hành Đại hội đại biểu Đảng bộ xã lần thứ XV, nhiệm kỳ 2025-2030. Tại phiên trù bị, đại biểu thông qua quy chế làm việc và chương trình Đại hội. Phiên chính thức nghe báo cáo chính trị, báo cáo kiểm điểm của Ban Chấp hành khóa trước, thảo luận dự thảo văn kiện và bầu Ban Chấp hành khóa mới. ";

  testRecognition({
    name: "a commune congress's proceedings are not recognised",
    url: "https://baotinhmoi.vn/chinh-tri/dai-hoi-dang-bo-xa-hoa-lac.html",
    title: "Đại hội đại biểu Đảng bộ xã Hòa Lạc lần thứ XV",
    text: `${PROCEEDINGS}${CLOSING}`,
    recognised: false,
    has: [/without figures, deadlines or the resolution: an event/],
  });

  testRecognition({
    name: "the same congress with its targets is recognised",
    url: "https://baotinhmoi.vn/chinh-tri/dai-hoi-dang-bo-xa-hoa-lac.html",
    title: "Đại hội đại biểu Đảng bộ xã Hòa Lạc lần thứ XV",
    text: `${PROCEEDINGS}Đại hội đề ra 15 chỉ tiêu chủ yếu, phấn đấu thu nhập bình quân đầu người đạt 85 triệu đồng. ${CLOSING}`,
    recognised: true,
  });

  testRecognition({
    name: "a council's term (HĐND, nhiệm kỳ 2021-2026) is no party term",
    url: "https://baotinhmoi.vn/thoi-su/ket-qua-bau-cu.html",
    title: "Công bố kết quả bầu cử",
    text: `Ủy ban bầu cử tỉnh công bố kết quả bầu cử đại biểu HĐND tỉnh nhiệm kỳ 2021-2026: tỷ lệ cử tri đi bầu đạt 99,8%; bầu đủ 52 đại biểu trong số 86 người ứng cử. ${CLOSING}`,
    recognised: false,
    lacks: [/party term/],
  });

  testRecognition({
    name: "the Party's national congress with a figure counts as a congress",
    url: "https://baotinhmoi.vn/chinh-tri/huong-toi-dai-hoi.html",
    title: "Hướng tới Đại hội",
    text: `Đến nay, 100% tổ chức cơ sở đảng của tỉnh đã hoàn thành đại hội đúng tiến độ, tạo khí thế mới hướng tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng. ${CLOSING}`,
    has: [/party congress/],
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

  testRecognition({
    name: "a stub (under 150 characters) is no article",
    url: "https://baotinhmoi.vn/video/so-ket-6-thang.html",
    title: "Huyện ủy sơ kết 6 tháng",
    text: BRIEF.slice(0, 120),
    recognised: false,
    has: [/no readable article/],
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

  testRecognition({
    name: "a report naming administrative procedures, culture and sports once is recognised",
    url: "https://tanlap.example.gov.vn/tin/hoi-nghi-9-thang.html",
    title: "Hội nghị Huyện ủy đánh giá 9 tháng",
    text: `${REPORT}Thời tiết\nTỷ giá ngoại tệ\nThống kê truy cập`,
    recognised: true,
    lacks: [/procedure|weather|sports/],
  });

  testRecognition({
    name: "a growth forecast in a title is no weather bulletin",
    url: "https://a.vn/b.html",
    title: "Công bố số liệu 6 tháng và dự báo tăng trưởng cả năm",
    text: REPORT,
    lacks: [/weather/],
  });

  testRecognition({
    name: "a people's committee's meeting is a government report, even chaired by a secretary",
    url: "https://tanlap.example.gov.vn/tin/ubnd-hop-9-thang.html",
    title: "UBND huyện họp đánh giá kinh tế - xã hội 9 tháng",
    text: `Chiều 6/10, đồng chí Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì phiên họp thường kỳ. Theo báo cáo, thu ngân sách đạt 76% dự toán, tăng 11% so với cùng kỳ; giải ngân vốn đầu tư công đạt 61%. Các phòng, ban đề xuất giải pháp hoàn thành kế hoạch năm. ${CLOSING}`,
    recognised: false,
    has: [/people's committee or council/],
  });
});

describe("recognize: the party's own membership figures", () => {
  const text = `Sáng 3/9, Đảng ủy xã Tân Lập tổ chức lễ kết nạp đảng viên. Từ đầu năm đến nay, Đảng bộ xã đã kết nạp được 23 đảng viên mới, là những quần chúng ưu tú tiêu biểu trong lao động sản xuất và học tập. ${CLOSING}`;

  testRecognition({
    name: "admitting members with a count is a party-building result",
    url: "https://tanlap.example.gov.vn/tin/ket-nap.html",
    title: "Xã Tân Lập kết nạp đảng viên",
    text: text,
    recognised: true,
    has: [/membership figures/],
  });

  testRecognition({
    name: "a ceremony admitting members without a count is not",
    url: "https://tanlap.example.gov.vn/tin/ket-nap.html",
    title: "Xã Tân Lập kết nạp đảng viên",
    text: text.replace("kết nạp được 23 đảng viên mới", "tổ chức lễ kết nạp cho các quần chúng"),
    lacks: [/membership figures/],
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

  testRecognition({
    name: "a town's year of targets, no party body named, is recognised",
    url: "https://tanlap.example.vn/tin/tan-lap-phan-dau-hoan-thanh-cac-chi-tieu-nam-2025.html",
    title: "Tân Lập phấn đấu hoàn thành các chỉ tiêu năm 2025",
    text: `${plan} ${CLOSING}`,
    recognised: true,
    has: [/set of targets/, /targets \(chỉ tiêu\)/],
  });

  testRecognition({
    name: "the same figures as a council session's review, without the commitment, are not",
    url: "https://tanlap.example.vn/tin/ky-hop-thu-9.html",
    title: "Kỳ họp thứ 9 HĐND thị xã Tân Lập",
    text: `${plan.replace("phấn đấu thực hiện đạt 15 chỉ tiêu chủ yếu", "đã đạt các kết quả")} ${CLOSING}`,
    recognised: false,
    lacks: [/set of targets/],
  });

  testRecognition({
    name: "a commitment without figures is an exhortation, not a plan",
    url: "https://tanlap.example.vn/tin/thi-dua.html",
    title: "Tân Lập phát động thi đua",
    text: "Thị xã Tân Lập phát động phong trào thi đua, kêu gọi cán bộ, nhân dân phấn đấu hoàn thành các mục tiêu đã đề ra, chung sức xây dựng quê hương ngày càng giàu đẹp, văn minh. Các phòng, ban, đoàn thể đăng ký giao ước thi đua ngay trong tháng.",
    lacks: [/set of targets/],
  });

  testRecognition({
    name: "spending (chi tiêu) in a headline names no targets",
    url: "https://tanlap.example.vn/tin/bai-viet.html",
    title: "Người dân thắt chặt chi tiêu dịp cuối năm",
    text: `Nhiều gia đình ở thị xã Tân Lập cho biết đã giảm 20% chi tiêu cho mua sắm so với năm trước. ${CLOSING}`,
    lacks: [/targets \(chỉ tiêu\)/],
  });
});
