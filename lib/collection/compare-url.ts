/**
 * The comparison's sources in a page address (`collection.html?tab=compare&sources=…`), so the
 * popup's compact comparison opens on the full page with the same columns in the same order.
 */
import type { CompareSource } from "./compare.ts";

/** The sources as one query value (JSON; `URLSearchParams` escapes it). */
export function sourcesParam(sources: readonly CompareSource[]): string {
  return JSON.stringify(
    sources.map((s) =>
      s.type === "article"
        ? { type: "article", id: s.id }
        : { type: "locality", name: s.name, level: s.level ?? null },
    ),
  );
}

function isSource(value: unknown): value is CompareSource {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.type === "article") return typeof v.id === "string" && v.id.length > 0;
  return (
    v.type === "locality" &&
    typeof v.name === "string" &&
    v.name.trim().length > 0 &&
    (v.level === undefined || v.level === null || typeof v.level === "string")
  );
}

/** The sources a query value names (at most `max`; anything malformed is left out). */
export function parseSourcesParam(param: string | null, max = 4): CompareSource[] {
  if (!param) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(param);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(isSource)
    .slice(0, max)
    .map((s) =>
      s.type === "article"
        ? { type: "article", id: s.id }
        : { type: "locality", name: s.name, level: s.level ?? null },
    );
}
