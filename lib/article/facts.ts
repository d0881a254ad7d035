/**
 * Article facts: whose resolution the article is about (organisation, level,
 * locality), the congress ordinal and term, the meeting date, and the task
 * counts that describe the resolution's structure (`06 nhiệm vụ trọng tâm`).
 */

import { TASK_COUNT_NOUNS } from "../extract/vocabulary.ts";
import { mostFrequent } from "../most-frequent.ts";
import { runSteps, type Steps } from "../steps.ts";
import { phraseAlternation, WORD_END, WORD_START } from "../text/boundaries.ts";
import { normalizeText, normalizeTextSteps } from "../text/normalize.ts";
import { parseOrdinal } from "../text/numbers.ts";

export type Level =
  | "tỉnh"
  | "thành phố"
  | "huyện"
  | "thị xã"
  | "quận"
  | "xã"
  | "phường"
  | "thị trấn";

export interface TaskCount {
  count: number;
  label: string;
  text: string;
}

export interface ArticleFacts {
  /** `Đảng bộ tỉnh Trà Vinh`. */
  organization: string | null;
  level: Level | null;
  locality: string | null;
  /** Congress ordinal: 11 for `lần thứ XI`. */
  congress: number | null;
  /** `2020-2025`. */
  term: string | null;
  /** ISO date of the meeting the article reports, when it says (`Ngày 21/12`). */
  meetingDate: string | null;
  taskCounts: TaskCount[];
}

/** Whose resolution an article is about: the facts the collection and the command line keep. */
export type ResolutionOwner = Pick<
  ArticleFacts,
  "organization" | "level" | "locality" | "congress" | "term"
>;

/** The `ResolutionOwner` facts of an article's facts (null where it does not say). */
export function resolutionOwner(facts: Partial<ResolutionOwner>): ResolutionOwner {
  return {
    organization: facts.organization ?? null,
    level: facts.level ?? null,
    locality: facts.locality ?? null,
    congress: facts.congress ?? null,
    term: facts.term ?? null,
  };
}

/**
 * What the collection and the command line keep of every article besides its address and text:
 * its title, its date and whose resolution it is about, in this order.
 */
export function articleHeading(
  article: { title: string; publishedAt: string | null } & Partial<ResolutionOwner>,
): { title: string; publishedAt: string | null } & ResolutionOwner {
  return { title: article.title, publishedAt: article.publishedAt, ...resolutionOwner(article) };
}

const LEVELS = ["thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường"];
const LEVEL = `(${LEVELS.join("|")})`;
// A place name: capitalised words (`Trà Vinh`, `Đakrông`, `Cẩm Giàng`), at most three.
const NAME = "(\\p{Lu}[\\p{L}\\p{M}]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}]*){0,2})";
const CONGRESS = new RegExp(
  `Đại\\s+hội\\s+(?:đại\\s+biểu\\s+)?Đảng\\s+bộ(?:\\s+${LEVEL}(?:\\s+${NAME})?)?(?:\\s+lần\\s+thứ\\s+([IVXLC]+|\\d+))?`,
  "gu",
);
const COMMITTEE = new RegExp(
  `(Tỉnh|Huyện|Thành|Thị|Quận|Đảng)\\s*ủy\\s+(?:${LEVEL}\\s+)?${NAME}`,
  "gu",
);
const ORDINAL_NEAR = /^[^.;]{0,80}?lần\s+thứ\s+([IVXLC]+|\d+)/u;
const TERM = /nhiệm\s+kỳ\s+(\d{4})\s*-\s*(\d{4})/gu;
const MEETING =
  /(?:^|\n|\.\s)(?:(?:Sáng|Chiều|Tối|Trưa)\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s*,/iu;
const TASK_COUNT = new RegExp(
  `(?<![/\\d])${WORD_START}(\\d{1,3})\\s+(${phraseAlternation(TASK_COUNT_NOUNS)})(?:\\s+(?:trọng tâm|chủ yếu|đột phá))?${WORD_END}`,
  "giu",
);
const COMMITTEE_LEVEL: Readonly<Record<string, Level>> = {
  tỉnh: "tỉnh",
  huyện: "huyện",
  thành: "thành phố",
  thị: "thị xã",
  quận: "quận",
};

/** Names end before a capitalised word that starts a person's name or a title. */
function trimName(name: string): string {
  return name.replace(
    /\s+(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Bí|Chủ|Phó)(?:\s.*)?$/u,
    "",
  );
}

export function extractArticleFacts(
  input: string,
  title = "",
  referenceDate: string | null = null,
): ArticleFacts {
  return runSteps(extractArticleFactsSteps(input, title, referenceDate));
}

/** `extractArticleFacts` in steps (see lib/steps.ts). */
export function* extractArticleFactsSteps(
  input: string,
  title = "",
  referenceDate: string | null = null,
): Steps<ArticleFacts> {
  const text = (yield* normalizeTextSteps(input)).text;
  const heading = normalizeText(title).text;
  yield;

  const mentions: Array<{
    level: Level | null;
    name: string | null;
    ordinal: number | null;
    inTitle: boolean;
    index: number;
  }> = [];
  for (const [source, inTitle] of [
    [heading, true],
    [text, false],
  ] as const) {
    for (const m of source.matchAll(CONGRESS)) {
      const level = (m[1]?.toLowerCase() as Level | undefined) ?? null;
      const name = m[2] ? trimName(m[2]) : null;
      let ordinal = m[3] ? parseOrdinal(m[3]) : null;
      if (ordinal === null) {
        const near = ORDINAL_NEAR.exec(source.slice((m.index as number) + m[0].length));
        if (near) ordinal = parseOrdinal(near[1] as string);
      }
      mentions.push({ level, name, ordinal, inTitle, index: m.index as number });
    }
  }

  const level =
    mentions.find((m) => m.inTitle && m.level)?.level ??
    mostFrequent(mentions.map((m) => m.level).filter((l) => l !== null));

  let locality: string | null = null;
  const named = mentions.filter((m) => m.name && (!level || m.level === level));
  locality = named.find((m) => m.inTitle)?.name ?? mostFrequent(named.map((m) => m.name as string));
  if (!locality && level) {
    const candidates: string[] = [];
    for (const source of [heading, text]) {
      for (const m of source.matchAll(COMMITTEE)) {
        const committeeLevel = COMMITTEE_LEVEL[(m[1] as string).toLowerCase()];
        if ((m[2]?.toLowerCase() ?? committeeLevel) === level)
          candidates.push(trimName(m[3] as string));
      }
      const plain = new RegExp(`${WORD_START}${level}\\s+${NAME}`, "gu");
      for (const m of source.matchAll(plain)) candidates.push(trimName(m[1] as string));
    }
    locality = mostFrequent(candidates.filter((c) => c.length > 1));
  }

  yield;
  const terms = [...text.matchAll(TERM), ...heading.matchAll(TERM)]
    .filter((m) => Number(m[2]) - Number(m[1]) === 5)
    .map((m) => `${m[1]}-${m[2]}`);
  const headingTerm = [...heading.matchAll(TERM)].map((m) => `${m[1]}-${m[2]}`)[0];
  const term = headingTerm ?? mostFrequent(terms);

  const ordinals = mentions
    .filter((m) => m.ordinal !== null && (!level || m.level === level || m.level === null))
    .filter(
      (m) => !term || text.slice(m.index, m.index + 160).includes(term.slice(0, 4)) || m.inTitle,
    )
    .map((m) => m.ordinal as number);
  const congress = mostFrequent(ordinals);

  let meetingDate: string | null = null;
  const meeting = MEETING.exec(text.slice(0, 1500));
  if (meeting) {
    const year = meeting[3]
      ? Number(meeting[3])
      : referenceDate
        ? Number(referenceDate.slice(0, 4))
        : null;
    const month = Number(meeting[2]);
    const day = Number(meeting[1]);
    if (year && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      meetingDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    }
  }

  yield;
  const taskCounts: TaskCount[] = [];
  for (const m of text.matchAll(TASK_COUNT)) {
    const label = m[0].slice((m[1] as string).length).trim();
    if (!taskCounts.some((t) => t.label === label && t.count === Number(m[1]))) {
      taskCounts.push({ count: Number(m[1]), label, text: m[0] });
    }
  }

  return {
    organization: level && locality ? `Đảng bộ ${level} ${locality}` : null,
    level,
    locality,
    congress,
    term,
    meetingDate,
    taskCounts,
  };
}
