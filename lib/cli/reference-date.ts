/**
 * A reference date as a reader may know it: a day `YYYY-MM-DD` that exists (not `2020-02-30`),
 * a month `YYYY-MM` (01–12) or a year `YYYY`, in the years 1900–2100. The engine reads a month
 * or a year as its first day (`parseReference` in lib/extract/index.ts).
 */
export function isReferenceDate(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = new Date(Date.UTC(year, month - 1, Number(m[3])));
  return day.toISOString().slice(0, 10) === text;
}

export const REFERENCE_DATE_FORMS = "a day YYYY-MM-DD, a month YYYY-MM or a year YYYY (1900–2100)";
