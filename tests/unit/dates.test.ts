import assert from "node:assert/strict";
import { test } from "node:test";
import { displayDate } from "../../lib/text/dates.ts";

test("displayDate writes a day, a month or a year as a Vietnamese reader does", () => {
  assert.equal(displayDate("2025-07-08"), "08/07/2025");
  assert.equal(displayDate("2023-06"), "06/2023");
  assert.equal(displayDate("2030"), "2030");
  assert.equal(displayDate("không rõ"), "không rõ", "anything else stays as it is");
});
