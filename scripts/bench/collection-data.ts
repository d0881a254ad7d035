/**
 * The collection the bench measures (`syntheticCollection`, deterministic): articles from 40
 * localities (province, district and commune level), each with a ~5 KB Vietnamese text snapshot
 * holding its 20 snippets (targets 55 %, results 20 %, deadlines 15 %, excerpts 10 %) on
 * indicators of every category of lib/taxonomy/indicators.json, with anchors that index the
 * snapshot, ids from `snippetId`, tags on about one snippet in eight and notes on one in twenty.
 * 500 articles make the 10,000 snippets of the default figures (about 13 MB of JSON export).
 */
import type { CollectionData } from "../../lib/export/index.ts";
import { itemFields, NO_FIELDS } from "../../lib/extract/types.ts";
import { articleKey, snippetId } from "../../lib/snippets/keys.ts";
import type { ArticleRecord, SnippetKind, SnippetRecord } from "../../lib/snippets/types.ts";
import { CATEGORIES } from "../../lib/taxonomy/taxonomy.ts";
import { seededRandom } from "./seeded-random.ts";

export const COLLECTION_SIZE = { articles: 500, snippets: 10_000 } as const;

const PLACES: Array<[string, string]> = [
  ["Trà Vinh", "tỉnh"],
  ["Cẩm Giàng", "huyện"],
  ["Tây Ninh", "tỉnh"],
  ["Đakrông", "huyện"],
  ["Trà Cú", "huyện"],
  ["Hải Dương", "tỉnh"],
  ["Quảng Trị", "tỉnh"],
  ["Nghệ An", "tỉnh"],
  ["Thanh Hóa", "tỉnh"],
  ["Bắc Ninh", "tỉnh"],
  ["Đồng Tháp", "tỉnh"],
  ["Sóc Trăng", "tỉnh"],
  ["Lâm Đồng", "tỉnh"],
  ["Đắk Lắk", "tỉnh"],
  ["Hà Giang", "tỉnh"],
  ["Lào Cai", "tỉnh"],
  ["Yên Bái", "tỉnh"],
  ["Phú Thọ", "tỉnh"],
  ["Thái Bình", "tỉnh"],
  ["Nam Định", "tỉnh"],
  ["Ninh Bình", "tỉnh"],
  ["Quảng Ngãi", "tỉnh"],
  ["Bình Định", "tỉnh"],
  ["Khánh Hòa", "tỉnh"],
  ["Cà Mau", "tỉnh"],
  ["Bến Cát", "thị xã"],
  ["Gia Lâm", "huyện"],
  ["Đông Anh", "huyện"],
  ["Thủy Nguyên", "huyện"],
  ["Kinh Môn", "thị xã"],
  ["Long Hồ", "huyện"],
  ["Châu Thành", "huyện"],
  ["Cầu Ngang", "huyện"],
  ["Duyên Hải", "thị xã"],
  ["Vĩnh Bảo", "huyện"],
  ["Tiên Lãng", "huyện"],
  ["Mỹ Hào", "thị xã"],
  ["Tân Hiệp", "xã"],
  ["Phước Hưng", "xã"],
  ["Long Đức", "xã"],
];

const FILLER = (
  "hội nghị học tập quán triệt triển khai thực hiện nghị quyết đại hội đảng bộ nhiệm kỳ " +
  "đồng chí bí thư phát biểu chỉ đạo các cấp ủy tổ chức đảng chính quyền mặt trận tổ quốc " +
  "đoàn thể chính trị xã hội tiếp tục đổi mới nội dung phương thức lãnh đạo nâng cao năng lực " +
  "sức chiến đấu xây dựng hệ thống chính trị trong sạch vững mạnh phát huy sức mạnh đại đoàn " +
  "kết toàn dân tộc đẩy mạnh chuyển đổi số cải cách hành chính thu hút đầu tư phát triển hạ " +
  "tầng giao thông nông nghiệp công nghệ cao du lịch dịch vụ bảo vệ môi trường giữ vững quốc " +
  "phòng an ninh trật tự an toàn xã hội chăm lo đời sống vật chất tinh thần của nhân dân"
).split(" ");

const TAGS = ["ưu tiên", "so sánh", "báo cáo quý", "kinh tế", "xã hội", "cần kiểm tra"];
const NOTES = [
  "Đối chiếu với kết quả năm trước.",
  "Chỉ tiêu cao hơn bình quân của tỉnh; cần theo dõi.",
  "Đưa vào báo cáo sơ kết giữa nhiệm kỳ.",
  "Số liệu khác với báo cáo của UBND, hỏi lại Văn phòng.",
];
const TASKS = [
  "tổng kết việc học tập nghị quyết",
  "xây dựng chương trình hành động",
  "báo cáo kết quả thực hiện",
  "ban hành kế hoạch chuyển đổi số",
  "kiện toàn tổ chức bộ máy",
];

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const pad = (n: number) => String(n).padStart(2, "0");

interface Sentence {
  text: string;
  snippet?: {
    kind: SnippetKind;
    quote: string;
    category: string | null;
    value: SnippetRecord["value"];
    unit: string | null;
    comparator: SnippetRecord["comparator"];
    direction: SnippetRecord["direction"];
    horizon: SnippetRecord["horizon"];
    deadline: SnippetRecord["deadline"];
    indicator: string;
  };
}

/**
 * 500 articles × 20 snippets by default (see the header). The same options always give the same
 * records.
 */
export function syntheticCollection(
  options: { articles?: number; snippetsPerArticle?: number; seed?: number } = {},
): CollectionData {
  const articleCount = options.articles ?? COLLECTION_SIZE.articles;
  const perArticle =
    options.snippetsPerArticle ?? COLLECTION_SIZE.snippets / COLLECTION_SIZE.articles;
  const random = seededRandom(options.seed ?? 20251121);
  const articles: ArticleRecord[] = [];
  const snippets: SnippetRecord[] = [];
  const base = Date.UTC(2025, 0, 6, 8);

  const filler = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(random.pick(FILLER));
    const text = out.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };

  for (let a = 0; a < articleCount; a++) {
    const [locality, level] = PLACES[a % PLACES.length] as [string, string];
    const term = random.next() < 0.7 ? "2020-2025" : "2025-2030";
    const startYear = Number(term.slice(0, 4));
    const congress = 10 + random.int(20);
    const organization = `Đảng bộ ${level} ${locality}`;
    const host = `${slug(locality)}.gov.vn`;
    const url = `https://${host}/tin-tuc/hoc-tap-nghi-quyet-dai-hoi-${a + 1}.html`;
    const id = articleKey(url, url);
    const published = `${startYear}-${pad(1 + random.int(12))}-${pad(1 + random.int(28))}`;
    const createdAt = base + a * 3_600_000;

    const sentences: Sentence[] = [];
    for (let k = 0; k < perArticle; k++) {
      const category = random.pick(CATEGORIES);
      const phrase = random.pick(category.phrases);
      const roll = random.next();
      const percent = random.next() < 0.7;
      const amount = percent ? 50 + random.int(50) : 5 + random.int(500);
      const unit = percent ? "%" : random.pick(["xã", "triệu đồng", "doanh nghiệp", "km"]);
      const written = percent ? `${amount}%` : `${amount} ${unit}`;
      const year = startYear + random.int(6);
      if (roll < 0.55) {
        const quote = `${phrase} đạt ${written}`;
        sentences.push({
          text: `Đến năm ${year}, phấn đấu ${quote} trở lên, góp phần hoàn thành các mục tiêu của nhiệm kỳ.`,
          snippet: {
            kind: "target",
            quote,
            category: category.id,
            value: { min: amount, max: amount },
            unit,
            comparator: ">=",
            direction: null,
            horizon: { type: "year", year },
            deadline: null,
            indicator: phrase,
          },
        });
      } else if (roll < 0.75) {
        const quote = `${phrase} đạt ${written}`;
        sentences.push({
          text: `Kết quả năm ${year - 1}: ${quote}, vượt kế hoạch đề ra.`,
          snippet: {
            kind: "result",
            quote,
            category: category.id,
            value: { min: amount, max: amount },
            unit,
            comparator: "=",
            direction: null,
            horizon: { type: "year", year: year - 1 },
            deadline: null,
            indicator: phrase,
          },
        });
      } else if (roll < 0.9) {
        const day = 1 + random.int(28);
        const month = 1 + random.int(12);
        const quote = `trước ngày ${pad(day)}/${pad(month)}/${year}`;
        sentences.push({
          text: `Các cấp ủy hoàn thành việc ${random.pick(TASKS)} ${quote}.`,
          snippet: {
            kind: "deadline",
            quote,
            ...NO_FIELDS,
            deadline: { date: `${year}-${pad(month)}-${pad(day)}`, precision: "day" },
          },
        });
      } else {
        const quote = `Tập trung lãnh đạo xây dựng ${phrase} gắn với ${random.pick(FILLER)} ${random.pick(FILLER)}.`;
        sentences.push({
          text: quote,
          snippet: {
            kind: "excerpt",
            quote,
            ...NO_FIELDS,
          },
        });
      }
      sentences.push({ text: filler(8 + random.int(16)) });
    }

    // The snapshot: the sentences as paragraphs, then filler up to about 5 KB.
    let snapshot = `${filler(30)}\n\n`;
    const placed: Array<{ sentence: Sentence; start: number }> = [];
    for (const sentence of sentences) {
      placed.push({ sentence, start: snapshot.length });
      snapshot += `${sentence.text}\n\n`;
    }
    while (Buffer.byteLength(snapshot, "utf8") < 5000) snapshot += `${filler(40)}\n\n`;
    snapshot = snapshot.trimEnd();

    articles.push({
      id,
      url,
      canonicalUrl: url,
      title: `${organization} học tập, quán triệt Nghị quyết Đại hội lần thứ ${congress}, nhiệm kỳ ${term}`,
      siteName: `Cổng thông tin điện tử ${level} ${locality}`,
      site: host,
      organization,
      level,
      locality,
      congress,
      term,
      publishedAt: published,
      snapshot,
      createdAt,
      updatedAt: createdAt,
    });

    let k = 0;
    for (const { sentence, start: sentenceStart } of placed) {
      const s = sentence.snippet;
      if (!s) continue;
      const start = sentenceStart + sentence.text.indexOf(s.quote);
      const end = start + s.quote.length;
      const anchor = {
        quote: s.quote,
        prefix: snapshot.slice(Math.max(0, start - 32), start),
        suffix: snapshot.slice(end, end + 32),
        start,
        end,
      };
      const tagged = random.next() < 0.125;
      const noted = random.next() < 0.05;
      const saved = createdAt + k * 1000;
      snippets.push({
        id: snippetId(id, s.kind, anchor),
        articleId: id,
        kind: s.kind,
        manual: s.kind === "excerpt",
        text: s.quote,
        sentence: sentence.text,
        ...itemFields(s),
        anchor,
        note: noted ? random.pick(NOTES) : "",
        tags: tagged ? [...new Set([random.pick(TAGS), random.pick(TAGS)])] : [],
        createdAt: saved,
        updatedAt: noted || tagged ? saved + 60_000 : saved,
      });
      k++;
    }
  }
  return { articles, snippets };
}
