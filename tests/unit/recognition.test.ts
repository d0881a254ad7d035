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
