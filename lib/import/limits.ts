/** The limits that keep a hostile import file from exhausting memory. */
export const IMPORT_LIMITS = {
  /** Characters of the whole file (about 100 MB). */
  fileChars: 100 * 1024 * 1024,
  /** Articles, and snippets, in one file. */
  records: 200_000,
  /** Characters of an article's text snapshot. */
  snapshot: 2_000_000,
  /** Characters of a snippet's text, sentence, quote or note (a manual selection may be long). */
  longText: 200_000,
  /** Characters of any other string (ids, URLs, titles, indicator, context…). */
  string: 20_000,
  /** Tags of one snippet, and characters of one tag. */
  tags: 100,
  tag: 200,
  /** Levels of nesting (the file is level 1; an export has 4). */
  depth: 10,
  /** Error messages listed before "… và N lỗi khác". */
  messages: 20,
} as const;
