/**
 * How values and dates read in a chart and its table, in the UI's language (Vietnamese number
 * typography: `95%`, `28.864`, `2,35`; see components/item-format.ts); dates `dd/mm/yyyy`.
 */
import { formatNumber, withUnit } from "../../../lib/i18n/item-format.ts";

export { formatNumber } from "../../../lib/i18n/item-format.ts";

/** A number with its unit: `%` sticks to the number (`95%`), words are spaced (`82 triệu đồng`). */
export function chartValue(value: number, unit: string): string {
  return withUnit(formatNumber(value), unit);
}

/** ISO `YYYY-MM-DD` as `dd/mm/yyyy`. */
export function chartDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return day && month && year ? `${day}/${month}/${year}` : iso;
}

/** ISO `YYYY-MM-DD` as a Date at UTC midnight. */
export function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
