/**
 * A generated archive of portal pages for `npm run bench` (cli.articles_per_s): HTML pages in the
 * six portal layouts of tests/fixtures/layouts (header, menus, breadcrumb, related and other news,
 * sidebars, footer), with a block of site links and latest news added before `</body>` as many
 * portals have. Five pages in six are party-resolution articles whose bodies are put together from
 * templates of resolution language and the sentences of tests/fixtures/phrases.json; the rest are
 * other portal news (weather, notices, schedules). Deterministic for a seed.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  LATE_BODY_FAMILY,
  LAYOUT_FAMILIES,
  type LayoutArticle,
  type LayoutFamily,
  renderInLayout,
} from "../eval/layouts.ts";
import { seededRandom } from "./seeded-random.ts";

const PHRASES_FILE = path.resolve(import.meta.dirname, "../../tests/fixtures/phrases.json");
/** Layouts whose article is in the HTML (the late layout inserts its body by script). */
const FAMILIES = LAYOUT_FAMILIES.filter((family) => family !== LATE_BODY_FAMILY);
const FILES_PER_FOLDER = 500;

type Random = () => number;
const pick = <T>(rand: Random, items: readonly T[]): T =>
  items[Math.floor(rand() * items.length)] as T;
const between = (rand: Random, low: number, high: number) =>
  low + Math.floor(rand() * (high - low + 1));
const decimal = (value: number) => value.toFixed(1).replace(".", ",");

const SYLLABLES = [
  "An",
  "Bình",
  "Phú",
  "Tân",
  "Long",
  "Hòa",
  "Thạnh",
  "Mỹ",
  "Vĩnh",
  "Phước",
  "Hưng",
  "Xuân",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Thuận",
  "Lộc",
  "Châu",
  "Sơn",
  "Giang",
  "Hải",
  "Quang",
  "Trung",
];
const LEVELS = ["tỉnh", "huyện", "thị xã", "thành phố", "xã", "phường"] as const;
const ROMAN = ["IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];
const INDICATORS: ReadonlyArray<(rand: Random) => string> = [
  (r) => `Tốc độ tăng trưởng kinh tế bình quân đạt ${decimal(6 + r() * 4)}%/năm`,
  (r) => `GRDP bình quân đầu người đạt ${between(r, 60, 160)} triệu đồng`,
  (r) => `Tỷ lệ hộ nghèo giảm bình quân ${decimal(0.5 + r() * 2)}%/năm`,
  (r) => `Tỷ lệ lao động qua đào tạo đạt ${between(r, 60, 85)}%`,
  (r) => `Tỷ lệ dân số tham gia bảo hiểm y tế đạt ${between(r, 92, 99)}%`,
  (r) => `Có ${between(r, 5, 40)} xã đạt chuẩn nông thôn mới nâng cao`,
  (r) => `Tỷ lệ trường học đạt chuẩn quốc gia đạt ${between(r, 70, 95)}%`,
  (r) => `Tổng vốn đầu tư toàn xã hội đạt ${between(r, 20, 200)} nghìn tỷ đồng`,
  (r) => `Tỷ lệ che phủ rừng duy trì ở mức ${between(r, 30, 60)}%`,
  (r) => `Tỷ lệ hộ dân sử dụng nước sạch đạt ${between(r, 90, 100)}%`,
  (r) => `Kết nạp mới ${between(r, 150, 900)} đảng viên trở lên`,
  (r) => `Thu ngân sách nhà nước trên địa bàn tăng bình quân ${between(r, 8, 15)}%/năm`,
];
const CONNECTORS = ["Phấn đấu đến năm 2025,", "Đến năm 2030,", "Trong nhiệm kỳ,", "Hằng năm,"];
const TASK_LINES = [
  "Đại hội xác định các nhiệm vụ trọng tâm và các khâu đột phá trong nhiệm kỳ.",
  "Nghị quyết nhấn mạnh việc nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức đảng.",
  "Các cấp ủy, chính quyền tập trung lãnh đạo, chỉ đạo tổ chức thực hiện thắng lợi Nghị quyết.",
  "Tiếp tục đẩy mạnh cải cách hành chính, cải thiện môi trường đầu tư kinh doanh.",
  "Chú trọng phát triển nguồn nhân lực, ứng dụng khoa học và công nghệ vào sản xuất.",
];
const OTHER_NEWS = [
  (r: Random) =>
    `Dự báo thời tiết ngày ${between(r, 1, 28)}/${between(r, 1, 12)}: nhiệt độ từ ${between(r, 18, 24)} đến ${between(r, 28, 36)} độ C, có mưa rào rải rác.`,
  (r: Random) =>
    `Thông báo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân tháng ${between(r, 1, 12)} năm 2024 tại trụ sở tiếp công dân.`,
  (r: Random) =>
    `Giá lúa thường tại ruộng dao động từ ${between(r, 6, 8)}.${between(r, 100, 900)} đồng/kg, giá heo hơi ổn định so với tuần trước.`,
  (r: Random) =>
    `Ủy ban nhân dân thông báo tuyển dụng ${between(r, 3, 40)} viên chức sự nghiệp giáo dục, hồ sơ nộp tại bộ phận một cửa.`,
  (r: Random) =>
    `Giải bóng đá thanh niên khai mạc với ${between(r, 8, 24)} đội tham gia, thi đấu tại sân vận động trung tâm.`,
];

export interface PortalArchive {
  dir: string;
  files: string[];
  bytes: number;
  /** How many pages are party-resolution articles (the rest are other news). */
  resolutionPages: number;
}

function placeName(rand: Random): string {
  return `${pick(rand, SYLLABLES)} ${pick(rand, SYLLABLES)}`;
}

function resolutionArticle(rand: Random, phrases: readonly string[], k: number): LayoutArticle {
  const level = pick(rand, LEVELS);
  const place = placeName(rand);
  const congress = pick(rand, ROMAN);
  const kind = pick(rand, [
    "Nghị quyết Đại hội",
    "Học tập, quán triệt Nghị quyết Đại hội",
    "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội",
  ]);
  const headline = `${kind} đại biểu Đảng bộ ${level} ${place} lần thứ ${congress}, nhiệm kỳ 2020 - 2025`;
  const day = between(rand, 1, 28);
  const month = between(rand, 6, 12);
  const paragraphs = [
    `Ngày ${day}/${month}/2020, Đảng bộ ${level} ${place} tổ chức Đại hội đại biểu lần thứ ${congress}, nhiệm kỳ 2020 - 2025 với sự tham dự của ${between(rand, 150, 350)} đại biểu đại diện cho ${between(rand, 3000, 90000)} đảng viên trong toàn Đảng bộ.`,
    pick(rand, TASK_LINES),
  ];
  const sections = between(rand, 6, 12);
  for (let s = 0; s < sections; s++) {
    const sentences: string[] = [];
    const count = between(rand, 2, 4);
    for (let c = 0; c < count; c++) {
      sentences.push(
        rand() < 0.5
          ? pick(rand, phrases)
          : `${pick(rand, CONNECTORS)} ${pick(rand, INDICATORS)(rand).replace(/^./, (ch) => ch.toLowerCase())}.`,
      );
    }
    paragraphs.push(sentences.join(" "));
    if (rand() < 0.4) paragraphs.push(pick(rand, TASK_LINES));
  }
  paragraphs.push(
    `Các chi bộ, đảng bộ trực thuộc hoàn thành việc xây dựng chương trình hành động thực hiện Nghị quyết trước ngày ${between(rand, 1, 28)}/${between(rand, 1, 3)}/2021.`,
  );
  const date = `2020-${String(month).padStart(2, "0")}-${String(Math.min(28, day + 2)).padStart(2, "0")}`;
  return {
    headline,
    paragraphs,
    date,
    url: `https://${slug(place)}.gov.vn/tin-tuc/nghi-quyet-${k}.html`,
  };
}

function otherArticle(rand: Random, k: number): LayoutArticle {
  const place = placeName(rand);
  const first = pick(rand, OTHER_NEWS)(rand);
  const paragraphs = [first];
  const count = between(rand, 3, 8);
  for (let c = 0; c < count; c++) paragraphs.push(pick(rand, OTHER_NEWS)(rand));
  return {
    headline: first.split(":")[0]?.split(",")[0] ?? first,
    paragraphs,
    date: `2024-${String(between(rand, 1, 12)).padStart(2, "0")}-${String(between(rand, 1, 28)).padStart(2, "0")}`,
    url: `https://${slug(place)}.gov.vn/tin-tuc/thong-bao-${k}.html`,
  };
}

function slug(place: string): string {
  return place
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** The site links and latest news many portals put above their footer. */
function extraChrome(rand: Random): string {
  const links = Array.from(
    { length: 30 },
    () =>
      `<li><a href="https://${slug(placeName(rand))}.gov.vn">Cổng thông tin điện tử ${placeName(rand)}</a></li>`,
  );
  const latest = Array.from(
    { length: 12 },
    () =>
      `<li><a href="/tin-tuc/${between(rand, 1000, 9999)}.html">${pick(rand, OTHER_NEWS)(rand).split(",")[0]}</a></li>`,
  );
  return `<div class="latest-news"><h3>Tin mới nhất</h3><ul>${latest.join("")}</ul></div>
<div class="web-links"><h3>Liên kết website</h3><ul>${links.join("")}</ul></div>
<div class="visit-counter">Lượt truy cập: ${between(rand, 100000, 9999999).toLocaleString("vi-VN")} | Đang trực tuyến: ${between(rand, 10, 900)}</div>`;
}

/** Writes `count` pages under `dir` (500 a folder) and returns their paths in path order. */
export async function writePortalArchive(
  dir: string,
  count: number,
  seed = 15,
): Promise<PortalArchive> {
  const rand = seededRandom(seed).next;
  const phrases = (JSON.parse(readFileSync(PHRASES_FILE, "utf8")) as Array<{ text: string }>).map(
    (p) => p.text,
  );
  const files: string[] = [];
  let bytes = 0;
  let resolutionPages = 0;
  for (let k = 0; k < count; k++) {
    const resolution = k % 6 !== 5;
    if (resolution) resolutionPages++;
    const article = resolution ? resolutionArticle(rand, phrases, k) : otherArticle(rand, k);
    const family: LayoutFamily = FAMILIES[k % FAMILIES.length] as LayoutFamily;
    const html = renderInLayout(family, article).replace(
      "</body>",
      `${extraChrome(rand)}\n</body>`,
    );
    const folder = path.join(
      dir,
      `part-${String(Math.floor(k / FILES_PER_FOLDER)).padStart(3, "0")}`,
    );
    if (k % FILES_PER_FOLDER === 0) await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${String(k).padStart(6, "0")}.html`);
    await writeFile(file, html);
    files.push(file);
    bytes += Buffer.byteLength(html);
  }
  return { dir, files, bytes, resolutionPages };
}
