/** Dates as the reader writes them. */

/** `2023-07-14` → `14/07/2023`, `2023-07` → `07/2023` (a month alone), `2023` as it is. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  return [m[3], m[2], m[1]].filter((part) => part !== undefined).join("/");
}
