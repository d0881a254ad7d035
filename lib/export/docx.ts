/**
 * The Word export (.docx) of the comparison, what a cadre pastes into a
 * report: a title, the localities compared, the date of the export, a table
 * (the header row repeated on each page; a heading row per group, a row per
 * indicator category, a column per locality; each cell's target, latest
 * result, % thực hiện and status as lines), a legend, and the sources as a
 * numbered list (article title,
 * publication date, address). Landscape A4. Written by the `docx` package,
 * loaded on demand (only the collection page pays for it, when asked).
 *
 * Page text goes in as text runs (the library escapes it for XML); characters
 * XML cannot hold are removed first. Only http(s) addresses become links.
 */

import type { ComparisonTable } from "../collection/index.ts";
import { getLanguage, type Language } from "../i18n/index.ts";
import { displayDate } from "../text/dates.ts";
import { COMPARISON_WORDS, comparisonArticles, comparisonCellLines } from "./comparison.ts";
import { xmlText } from "./xml-text.ts";

export const DOCX_MIME_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const WORDS: Record<
  Language,
  {
    title: string;
    localities: string;
    exported: string;
    category: string;
    differs: string;
    sources: string;
    published: string;
    legend: string;
  }
> = {
  vi: {
    title: "So sánh chỉ tiêu giữa các địa phương",
    localities: "Địa phương",
    exported: "Ngày xuất",
    category: "Nhóm chỉ số",
    differs: "khác nhau",
    sources: "Nguồn",
    published: "đăng ngày",
    legend:
      "Thực hiện = kết quả ÷ chỉ tiêu (chỉ tiêu giảm: chỉ tiêu ÷ kết quả). Vượt: hơn mức đề ra; Chưa có số liệu: chưa có kết quả cùng đơn vị, cùng kỳ.",
  },
  en: {
    title: "Targets compared across localities",
    localities: "Localities",
    exported: "Exported on",
    category: "Category",
    differs: "differs",
    sources: "Sources",
    published: "published",
    legend:
      "Done = result ÷ target (for a target to go down: target ÷ result). Exceeded: beyond the target; No data: no result in the same unit and period.",
  },
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `04/12/2026` (Vietnamese order, also in English: the document is about Vietnam). */
function dayMonthYear(date: Date): string {
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

function httpUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface DocxOptions {
  language?: Language;
  /** The export time written under the title. */
  now?: Date;
  /** The document's title; the language's default title otherwise. */
  title?: string;
}

/** The comparison as a Word document (the library is loaded on the first call). */
export async function comparisonToDocx(
  table: ComparisonTable,
  options: DocxOptions = {},
): Promise<Blob> {
  const language = options.language ?? getLanguage();
  const words = WORDS[language];
  const now = options.now ?? new Date();
  const {
    AlignmentType,
    Document,
    ExternalHyperlink,
    HeadingLevel,
    LevelFormat,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = await import("docx");

  const cell = (lines: readonly string[], bold = false) =>
    new TableCell({
      children: (lines.length > 0 ? lines : [""]).map(
        (line) => new Paragraph({ children: [new TextRun({ text: xmlText(line), bold })] }),
      ),
    });

  const head = new TableRow({
    tableHeader: true,
    children: [
      cell([words.category], true),
      ...table.columns.map((column) => cell([column.label], true)),
    ],
  });
  const body: InstanceType<typeof TableRow>[] = [];
  let group: string | null = null;
  for (const row of table.rows) {
    if (row.group !== group) {
      group = row.group;
      // The group's heading: one cell across the table.
      body.push(
        new TableRow({
          children: [
            new TableCell({
              columnSpan: table.columns.length + 1,
              children: [
                new Paragraph({
                  children: [
                    new TextRun({ text: COMPARISON_WORDS[language].group[row.group], bold: true }),
                  ],
                }),
              ],
            }),
          ],
        }),
      );
    }
    body.push(
      new TableRow({
        children: [
          cell(row.differs ? [row.label, `(${words.differs})`] : [row.label], true),
          ...row.cells.map((comparisonCell) => cell(comparisonCellLines(comparisonCell, language))),
        ],
      }),
    );
  }

  const sources = comparisonArticles(table).map((article) => {
    const href = httpUrl(article.url);
    const published = article.publishedAt
      ? ` (${words.published} ${displayDate(article.publishedAt)})`
      : "";
    return new Paragraph({
      numbering: { reference: "sources", level: 0 },
      children: [
        new TextRun({ text: xmlText(`${article.title || article.url}${published} — `) }),
        href
          ? new ExternalHyperlink({
              link: href,
              children: [new TextRun({ text: xmlText(href), style: "Hyperlink" })],
            })
          : new TextRun({ text: xmlText(article.url) }),
      ],
    });
  });

  const document = new Document({
    creator: "gvn-chi-tieu",
    title: xmlText(options.title ?? words.title),
    numbering: {
      config: [
        {
          reference: "sources",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            text: xmlText(options.title ?? words.title),
            heading: HeadingLevel.TITLE,
          }),
          new Paragraph({
            children: [
              new TextRun({ text: `${words.localities}: `, bold: true }),
              new TextRun({
                text: xmlText(table.columns.map((column) => column.label).join("; ")),
              }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun({ text: `${words.exported}: `, bold: true }),
              new TextRun({ text: dayMonthYear(now) }),
            ],
          }),
          new Table({ rows: [head, ...body], width: { size: 100, type: WidthType.PERCENTAGE } }),
          new Paragraph({ children: [new TextRun({ text: words.legend, italics: true })] }),
          new Paragraph({ text: words.sources, heading: HeadingLevel.HEADING_2 }),
          ...sources,
        ],
      },
    ],
  });
  return Packer.toBlob(document);
}
