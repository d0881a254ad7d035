/**
 * The sites a reader adds beyond *.gov.vn: a typed domain becomes the match
 * patterns to ask permission for. Pure: the options page does the asking.
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** `https://www.baocantho.com.vn/x` or `baocantho.com.vn` → `baocantho.com.vn`; null if not a domain. */
export function parseDomain(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (!host) return null;
  try {
    host = new URL(host.includes("://") ? host : `https://${host}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, "").replace(/\.$/, "");
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (/^\d+$/.test(labels[labels.length - 1] as string)) return null;
  return host;
}

/** The match patterns for a domain and its sub-domains, over http and https. */
export function originPatterns(domain: string): string[] {
  return [`http://*.${domain}/*`, `https://*.${domain}/*`];
}

/** The domains behind granted origin patterns (`https://*.example.vn/*` → `example.vn`). */
export function domainsOf(origins: readonly string[]): string[] {
  const domains = new Set<string>();
  for (const origin of origins) {
    const m = /^(?:\*|https?):\/\/(?:\*\.)?([^/:]+)\//.exec(origin);
    if (m && !/(^|\.)gov\.vn$/.test(m[1] as string) && m[1] !== "*") domains.add(m[1] as string);
  }
  return [...domains].sort();
}
