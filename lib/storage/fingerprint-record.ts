/** An article's stored fingerprint, made from its text. */
import { signatureBands, textSignature } from "../article/fingerprint.ts";
import type { FingerprintRecord } from "./republished-records.ts";

/**
 * The fingerprint record of an article's text. A text too short to tell articles apart gets an
 * empty signature (and no band keys): it is never merged, and it is not fingerprinted again.
 */
export function fingerprintRecord(articleId: string, text: string): FingerprintRecord {
  const signature = textSignature(text) ?? [];
  return { articleId, signature, bands: signature.length > 0 ? signatureBands(signature) : [] };
}
