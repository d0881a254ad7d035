/**
 * `metaContents` (lib/reading/page-meta.ts) gives what a selector per key gives: the first
 * matching `<meta>` in document order and its `content`, values matched with their case.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseHTML } from "linkedom";
import { type MetaKey, metaContents } from "../../lib/reading/page-meta.ts";

const HTML = `<html><head>
  <meta name="date">
  <meta name="date" content="2020-01-02">
  <meta property="og:title" content=" Tiêu đề ">
  <meta name="DC.date.issued" content="2021-03-04">
  <meta itemprop="datePublished" content="2019-05-06">
</head><body><template><meta property="og:url" content="https://a.gov.vn/t"></template>
  <p>Bài viết</p><meta property="og:title" content="later"></body></html>`;

const KEYS: MetaKey[] = [
  { attribute: "name", value: "date" },
  { attribute: "property", value: "og:title" },
  { attribute: "name", value: "dc.date.issued" },
  { attribute: "name", value: "DC.date.issued" },
  { attribute: "itemprop", value: "datePublished" },
  { attribute: "property", value: "og:url" },
];

test("each key's first meta in document order, as a selector finds it", () => {
  const { document } = parseHTML(HTML);
  const bySelector = KEYS.map(
    (key) =>
      document.querySelector(`meta[${key.attribute}="${key.value}"]`)?.getAttribute("content") ??
      null,
  );
  assert.deepEqual(metaContents(document as unknown as Document, KEYS), bySelector);
  assert.deepEqual(bySelector, [null, " Tiêu đề ", null, "2021-03-04", "2019-05-06", null]);
});
