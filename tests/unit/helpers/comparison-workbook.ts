/**
 * The comparison workbook (`comparisonToXlsx`, the compare tab's Excel download) as its readers
 * first see it: read by the unit tests from the blob and by the end-to-end tests from the download.
 */
import assert from "node:assert/strict";
import type ExcelJS from "exceljs";

/**
 * The Vietnamese workbook's comparison sheet and its frozen view, after checking that the sheets
 * are the comparison and its sources and that the comparison's header row is frozen.
 */
export function comparisonSheet(workbook: ExcelJS.Workbook): {
  sheet: ExcelJS.Worksheet;
  frozen: Partial<ExcelJS.WorksheetViewFrozen>;
} {
  assert.deepEqual(
    workbook.worksheets.map((s) => s.name),
    ["So sánh", "Nguồn"],
  );
  const sheet = workbook.getWorksheet("So sánh");
  assert.ok(sheet);
  const view = sheet.views[0];
  assert.equal(view?.state, "frozen");
  return { sheet, frozen: view };
}
