/**
 * An import file's `format` and `version`: the checks that it is one of ours at a version this
 * build reads, and the hook that upgrades files written by older versions (`migrateImport`).
 */
import { EXPORT_FORMAT, EXPORT_VERSION } from "../export/format.ts";
import { preview } from "./describe.ts";

/**
 * Messages about the file's `format` and `version` (empty when it is one of
 * ours at a version this build reads). `doc` is a plain object.
 */
export function checkHeader(doc: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (!("format" in doc)) {
    errors.push(
      `format: thiếu — đây không phải tệp xuất của tiện ích (cần "format": "${EXPORT_FORMAT}")`,
    );
  } else if (doc.format !== EXPORT_FORMAT) {
    errors.push(
      `format: ${preview(doc.format)} không phải định dạng tệp xuất của tiện ích (cần "${EXPORT_FORMAT}")`,
    );
  }
  const version = doc.version;
  if (!("version" in doc)) {
    errors.push("version: thiếu số phiên bản của tệp");
  } else if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    errors.push(`version: cần số nguyên từ 1 trở lên, nhận ${preview(version)}`);
  } else if (version > EXPORT_VERSION) {
    errors.push(
      `version: tệp được tạo bởi phiên bản mới hơn của tiện ích (định dạng phiên bản ${version}; ` +
        `phiên bản tiện ích này chỉ đọc được đến phiên bản ${EXPORT_VERSION}). ` +
        "Hãy cập nhật tiện ích rồi nhập lại.",
    );
  }
  return errors;
}

/** Upgrades a document of version `n` to version `n + 1` (still unvalidated). */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * `MIGRATIONS[n]` upgrades a version-`n` file to version `n + 1`. Version 1 is
 * the first and current version: there is nothing to upgrade yet. When
 * `EXPORT_VERSION` becomes 2, add `1: (doc) => ({ ...doc, ...changed fields })`.
 */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * A document of any version this build reads (`1 ≤ version ≤ EXPORT_VERSION`,
 * checked by `checkHeader`) upgraded to `EXPORT_VERSION`, for validation
 * against the current schemas.
 */
export function migrateImport(
  doc: Record<string, unknown> & { version: number },
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = EXPORT_VERSION,
): Record<string, unknown> {
  let current: Record<string, unknown> = doc;
  for (let version = doc.version; version < target; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`no migration from export version ${version}`);
    current = { ...step(current), version: version + 1 };
  }
  return current;
}
