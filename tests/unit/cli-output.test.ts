/**
 * The pieces of `npm run extract`'s streaming output (lib/cli/output-format.ts), its stdin record
 * parser (lib/cli/jsonl-records.ts), its ordered runner (lib/cli/ordered-run.ts) and its progress
 * line (lib/cli/progress.ts), on real extraction results.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extractRecord } from "../../lib/cli/extract-files.ts";
import { type FileResult, toCsv, toMarkdown } from "../../lib/cli/formats.ts";
import { parseRecord } from "../../lib/cli/jsonl-records.ts";
import { runInOrder } from "../../lib/cli/ordered-run.ts";
import { formatResult, type OutputFormat, OutputJoiner } from "../../lib/cli/output-format.ts";
import { clock, TerminalProgress } from "../../lib/cli/progress.ts";

function result(url: string, text: string): FileResult {
  const outcome = extractRecord({ url, text }, {});
  assert.ok(outcome.ok);
  return outcome.result;
}

const RESULTS = [
  result("https://a.gov.vn/1", "Đến năm 2025, GRDP bình quân đầu người đạt 100 triệu đồng."),
  result("https://a.gov.vn/2", "Thời tiết hôm nay nắng nhẹ."),
  result("https://a.gov.vn/3", "Tỷ lệ hộ nghèo giảm còn dưới 1% trước năm 2030."),
];

function joined(format: OutputFormat, results: readonly FileResult[]): string {
  const joiner = new OutputJoiner(format);
  let text = joiner.head(false);
  for (const r of results) text += joiner.join(formatResult(r, format));
  return text + joiner.tail();
}

describe("streaming output", () => {
  test("json: the pieces joined are the pretty-printed array, also when empty", () => {
    assert.equal(joined("json", RESULTS), `${JSON.stringify(RESULTS, null, 2)}\n`);
    assert.equal(joined("json", []), "[]\n");
  });

  test("md: the pieces joined are the whole Markdown", () => {
    assert.equal(joined("md", RESULTS), `${toMarkdown(RESULTS)}\n`);
    assert.equal(joined("md", []), `${toMarkdown([])}\n`);
  });

  test("csv: the BOM and header once, then every row the whole CSV has, each ending in CRLF", () => {
    const text = joined("csv", RESULTS);
    assert.equal(text, `\uFEFF${toCsv(RESULTS)}\r\n`);
    assert.equal(joined("csv", [RESULTS[1] as FileResult]).split("\r\n").length, 2, "header only");
    const joiner = new OutputJoiner("csv");
    assert.equal(joiner.head(true), "", "no header when appending");
  });

  test("jsonl: one result a line", () => {
    const lines = joined("jsonl", RESULTS).split("\n");
    assert.equal(lines.pop(), "");
    assert.deepEqual(
      lines.map((line) => JSON.parse(line)),
      RESULTS,
    );
  });
});

describe("stdin records", () => {
  test("a page with html or text, and an optional date", () => {
    assert.deepEqual(parseRecord('{"url":"https://a.gov.vn/1","html":"<p>x</p>"}'), {
      url: "https://a.gov.vn/1",
      html: "<p>x</p>",
    });
    assert.deepEqual(parseRecord('{"url":"u","text":"t","date":"2021-05"}'), {
      url: "u",
      text: "t",
      date: "2021-05",
    });
  });

  test("not a page: why, in words", () => {
    assert.match(parseRecord("[1]") as string, /not a JSON object/);
    assert.match(parseRecord('{"text":"t"}') as string, /no "url" string/);
    assert.match(parseRecord('{"url":"u","html":"a","text":"b"}') as string, /either/);
    assert.match(parseRecord('{"url":"u","html":1}') as string, /"html" is not a string/);
    assert.match(parseRecord('{"url":"u","text":"t","date":"2020-02-30"}') as string, /"date"/);
  });
});

describe("runInOrder", () => {
  test("outcomes come back in input order, never more than maxInFlight unwritten", async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [40, 5, 30, 1, 20, 2, 10, 0];
    async function* jobs() {
      for (const [k, delay] of delays.entries()) yield { k, delay };
    }
    const order: number[] = [];
    await runInOrder(
      jobs(),
      async (job) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, job.delay));
        return job.k * 10;
      },
      3,
      (job, outcome) => {
        inFlight--;
        assert.equal(outcome, job.k * 10);
        order.push(job.k);
      },
    );
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(most, 3);
  });

  test("an error while listing jobs comes out after the outcomes before it", async () => {
    const seen: number[] = [];
    async function* jobs() {
      yield 1;
      yield 2;
      throw new Error("stdin closed badly");
    }
    await assert.rejects(
      runInOrder(
        jobs(),
        async (n) => n,
        4,
        (n) => {
          seen.push(n);
        },
      ),
      /stdin closed badly/,
    );
    assert.deepEqual(seen, [1, 2]);
  });
});

describe("progress line", () => {
  test("files done of the total, files/s and the time left", () => {
    let now = 0;
    const writes: string[] = [];
    const bar = new TerminalProgress({ write: (text) => writes.push(text) > 0 }, 1000, () => now);
    for (let k = 0; k < 250; k++) {
      now += 20;
      bar.tick();
    }
    assert.equal(
      bar.line(now),
      "▕██████░░░░░░░░░░░░░░░░░░▏ 250/1,000 files · 50 files/s · ETA 0:15",
    );
    assert.ok(writes.length < 250, "redrawn at most every 100 ms");
    bar.note("error: x.html is empty");
    assert.ok(writes.includes("error: x.html is empty\n"));
    bar.finish();
    assert.equal(writes.at(-1), "\r\u001b[K", "the bar is wiped at the end");
  });

  test("stdin: no total, no ETA", () => {
    const bar = new TerminalProgress({ write: () => true }, null, () => 2000);
    assert.equal(bar.line(2000), "0 files · 0.0 files/s");
    assert.equal(clock(3725), "1:02:05");
    assert.equal(clock(59.6), "1:00");
  });
});
