/**
 * fast-check generators for the engine's property tests (tests/unit/properties.test.ts,
 * scripts/fuzz.ts). Random Unicode alone almost never reaches a rule: the text
 * arbitraries here splice resolution vocabulary (`đạt`, `trên`, `đến năm 2025`,
 * `triệu đồng/người/năm`, `trước ngày 15/01/2021`, `nhiệm kỳ 2020-2025`, …),
 * numbers with `.`/`,` separators, ranges, ratios, dates, Roman numerals and
 * the text layer's troublemakers (NBSP, zero-width and soft-hyphen characters,
 * CRLF, dash variants, stray combining marks, emoji, lone surrogates) with
 * short fc.string fragments, in NFC, NFD, upper case and old tone placement.
 */
import fc from "fast-check";

/** The vocabulary of resolutions: signals, comparators, units, horizons, indicators. */
export const VOCABULARY: readonly string[] = [
  "đạt",
  "đạt và vượt",
  "đạt được",
  "ước đạt",
  "trên",
  "dưới",
  "ít nhất",
  "tối thiểu",
  "không quá",
  "trở lên",
  "trở xuống",
  "phấn đấu",
  "mục tiêu",
  "chỉ tiêu",
  "các chỉ tiêu",
  "đã",
  "đến nay",
  "kết quả",
  "sơ kết",
  "tổng kết",
  "đến năm 2025",
  "đến năm",
  "đến cuối năm",
  "trong năm",
  "tầm nhìn đến năm 2045",
  "giai đoạn 2021 - 2025",
  "nhiệm kỳ 2020-2025",
  "từ nay đến hết nhiệm kỳ 2020 - 2025",
  "hằng năm",
  "bình quân",
  "tăng bình quân",
  "trong nhiệm kỳ",
  "tỷ lệ",
  "tỷ lệ hộ nghèo",
  "hộ nghèo",
  "giảm",
  "tăng",
  "tăng trưởng kinh tế (GRDP)",
  "thu nhập bình quân đầu người",
  "GRDP bình quân đầu người",
  "bảo hiểm y tế",
  "nông thôn mới",
  "đạt chuẩn nông thôn mới",
  "xã",
  "xã, phường, thị trấn",
  "huyện",
  "thôn",
  "trường học",
  "đảng viên",
  "kết nạp",
  "đảng viên mới",
  "lao động",
  "việc làm",
  "doanh nghiệp",
  "sản phẩm OCOP",
  "bác sĩ/1 vạn dân",
  "giường bệnh",
  "tiêu chí",
  "%",
  "%/năm",
  "triệu đồng/người/năm",
  "triệu đồng",
  "tỷ đồng",
  "nghìn tỷ đồng",
  "ha",
  "km",
  "m²",
  "tấn",
  "lần",
  "gấp",
  "lượt khách",
  "Nghị quyết",
  "Nghị quyết số",
  "Quyết định số",
  "Kế hoạch số",
  "Đại hội",
  "Đảng bộ tỉnh",
  "lần thứ",
  "khóa",
  "trước ngày",
  "chậm nhất ngày",
  "từ nay đến ngày",
  "đến hết ngày",
  "trước tháng",
  "trong tháng",
  "quý",
  "6 tháng đầu năm",
  "năm",
  "ngày",
  "tháng",
  "từ",
  "đến",
  "và",
  "hoặc",
  "trong đó",
  "so với",
  "so với Nghị quyết",
  "kế hoạch",
  "hoàn thành",
  "Tỉnh uỷ",
  "Tỉnh ủy",
  "hoà bình",
  "khoẻ",
  "quý",
  "Điện thoại:",
  "Hôm nay:",
  "Trang chủ | Thời sự",
  "“Nghị quyết”",
  "NGHỊ QUYẾT ĐẠI HỘI",
];

const ROMANS: readonly string[] = [
  "I",
  "IV",
  "V",
  "IX",
  "XI",
  "XIV",
  "XVII",
  "XXVI",
  "MMXXV",
  "IIII",
];

const SPACES: readonly string[] = [
  " ",
  " ",
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "\u00A0",
  "\u2009",
  "\u202F",
  "\u3000",
  " \n",
  "\n ",
];

const INVISIBLES: readonly string[] = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"];

const PUNCTUATION: readonly string[] = [
  ";",
  ":",
  ".",
  ",",
  "(",
  ")",
  "…",
  "...",
  "–",
  "—",
  "-",
  "\u2212",
  "\u2010",
  "/",
  "%",
  "“",
  "”",
  '"',
  "«",
  "»",
  "!",
  "?",
  "|",
];

const EMOJI: readonly string[] = ["😀", "👍🏽", "🇻🇳", "𝐀", "𝟐", "👨‍👩‍👧", "🙂\uFE0F"];

/** Clusters whose NFC is longer than they are (composition exclusions), and NFC ≠ NFD scripts. */
const OTHER_SCRIPTS: readonly string[] = [
  "\u{1D1BB}",
  "\u{1D15E}",
  "\u0958\u0300",
  "\uFB1D\u05B4",
  "が",
  "한",
  "Å",
  "Ω",
  "\u0344",
];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A digit run, short or (rarely) hundreds of digits long. */
const digits: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => pad(n, 2)) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 24 }),
  },
  // Past 308 digits a number overflows to Infinity; `d000…` shrinks by its length alone.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 400 }))
      .map(([d, zeros]) => `${d}${"0".repeat(zeros)}`),
  },
);

/** Numbers as portals write them: `28.864`, `58,5`, `1.234,5`, `5,782,157`, `05`. */
export const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  digits,
  fc
    .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }))
    .map(([a, b]) => `${a}.${pad(b, 3)}`),
  fc
    .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }))
    .map(([a, b]) => `${a},${b}`),
  fc
    .tuple(
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 0, max: 999 }),
      fc.integer({ min: 0, max: 9 }),
    )
    .map(([a, b, c]) => `${a}.${pad(b, 3)},${c}`),
  fc
    .array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 4 })
    .map((g) => g.map((x, i) => (i ? pad(x, 3) : x)).join(",")),
  fc
    .array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 4 })
    .map((g) => g.map((x, i) => (i ? pad(x, 3) : x)).join(".")),
  fc
    .array(digits, { minLength: 2, maxLength: 4 })
    .chain((g) =>
      fc
        .array(fc.constantFrom(".", ","), { minLength: g.length - 1, maxLength: g.length - 1 })
        .map((seps) => g.reduce((acc, x, i) => `${acc}${i ? seps[i - 1] : ""}${x}`, "")),
    ),
);

const dash = fc.constantFrom("-", " - ", " – ", "–", "—", " đến ");

/** Quantities: values, ranges (`7-7,5%`), ratios (`07/21`), with a unit and a scale. */
export const quantity: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      numberLiteral,
      fc.constantFrom(
        "",
        " ",
        "%",
        " %",
        "%/năm",
        " triệu đồng/người/năm",
        " tỷ đồng",
        " ha",
        " xã",
        " hộ",
        " chỉ tiêu",
        " đảng viên",
        " lần",
      ),
    )
    .map(([n, u]) => n + u),
  fc
    .tuple(numberLiteral, dash, numberLiteral, fc.constantFrom("%", "", " triệu đồng", "%/năm"))
    .map(([a, d, b, u]) => `${a}${d}${b}${u}`),
  fc
    .tuple(numberLiteral, fc.constantFrom("%", ""), dash, numberLiteral, fc.constantFrom("%", ""))
    .map(([a, p, d, b, q]) => `${a}${p}${d}${b}${q}`),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom(" chỉ tiêu", " xã", " huyện", ""),
    )
    .map(([a, b, u]) => `${pad(a, 2)}/${pad(b, 2)}${u}`),
);

/** A 4-digit year, usually a planning year, sometimes anything (`0005`, `0999`, `9999`). */
const year: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1985, max: 2105 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 4)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => pad(n, 4)) },
);

/** Dates and periods as written: `15/01/2021`, `31.12.2023`, `30 tháng 6 năm 2021`, `07/21`, `2020-2025`. */
export const dateLike: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 35 }),
      fc.integer({ min: 0, max: 14 }),
      fc.constantFrom("/", ".", "-", " / "),
      year,
    )
    .map(([d, m, s, y]) => `${pad(d, 2)}${s}${pad(m, 2)}${s}${y}`),
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }))
    .map(([d, m]) => `${d}/${m}`),
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), year)
    .map(([d, m, y]) => `${d} tháng ${m} năm ${y}`),
  fc.tuple(fc.integer({ min: 1, max: 13 }), year).map(([m, y]) => `tháng ${m}/${y}`),
  fc
    .tuple(fc.constantFrom("I", "II", "III", "IV", "1", "4"), year)
    .map(([q, y]) => `quý ${q}/${y}`),
  fc.tuple(year, fc.constantFrom("-", " - ", " – "), year).map(([a, s, b]) => `${a}${s}${b}`),
  fc
    .tuple(fc.constantFrom("6 tháng đầu năm", "6 tháng cuối năm", "cuối năm", "năm"), year)
    .map(([w, y]) => `${w} ${y}`),
  year,
);

/** A deadline trigger before a date (`trước ngày 15/01/2021`, `trong tháng 11/2020`, `đến năm 2025`). */
export const deadline: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      "trước",
      "trước ngày",
      "trong",
      "đến",
      "đến hết",
      "đến hết ngày",
      "đến cuối",
      "chậm nhất",
      "chậm nhất là",
      "từ nay đến",
      "vào",
      "tới",
    ),
    dateLike,
  )
  .map(([trigger, date]) => `${trigger} ${date}`);

const combiningMark = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0x300, max: 0x323 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(0x1ab0, 0x1dc0, 0x20d0, 0x20e3, 0xfe20, 0x3099, 0x093c),
    },
  )
  .map((c) => String.fromCharCode(c));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Any single code unit string: lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Variants the text layer must see through: NFD, upper case, first letter upper case. */
const variant = (word: fc.Arbitrary<string>) =>
  fc
    .tuple(word, fc.constantFrom("as-is", "as-is", "as-is", "nfd", "upper", "capital"))
    .map(([w, how]) => {
      if (how === "nfd") return w.normalize("NFD");
      if (how === "upper") return w.toUpperCase();
      if (how === "capital") return w.charAt(0).toUpperCase() + w.slice(1);
      return w;
    });

/** One token of engine-flavoured text. */
export const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: variant(fc.constantFrom(...VOCABULARY)) },
  { weight: 6, arbitrary: quantity },
  { weight: 3, arbitrary: numberLiteral },
  { weight: 2, arbitrary: dateLike },
  { weight: 2, arbitrary: deadline },
  { weight: 1, arbitrary: fc.constantFrom(...ROMANS) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 1, arbitrary: combiningMark },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_SCRIPTS) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: codeUnit },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
);

/** What goes between tokens: mostly one space, sometimes nothing or a troublemaker. */
const separator: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(" ") },
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom(", ", "; ", ": ", ". ", "\n", " - ") },
  { weight: 1, arbitrary: fc.constantFrom(...SPACES, ...INVISIBLES) },
);

/** Engine-flavoured text: up to `maxTokens` tokens with separators. */
export function engineText(maxTokens = 40): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(token, separator), { maxLength: maxTokens })
    .map((parts) => parts.map(([t, s], i) => (i ? s : "") + t).join(""));
}

/** A clause shaped like a resolution's: indicator, horizon, comparator, quantity. */
export const clause: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      "",
      "Phấn đấu ",
      "Đến năm 2025, ",
      "Năm 2022, ",
      "Kết quả, ",
      "Trong nhiệm kỳ, ",
      "đã ",
    ),
    fc.constantFrom(
      "tỷ lệ hộ nghèo",
      "GRDP bình quân đầu người",
      "tốc độ tăng trưởng kinh tế",
      "số xã",
      "kết nạp",
      "thu nhập bình quân",
      "tỷ lệ dân số tham gia bảo hiểm y tế",
      "",
    ),
    fc.constantFrom(
      " giảm",
      " tăng bình quân",
      " đạt",
      " đạt và vượt",
      " có",
      "",
      " đạt trên",
      " ít nhất",
    ),
    fc.constantFrom(" ", " trên ", " dưới ", " từ "),
    quantity,
    fc.constantFrom(
      "",
      " trở lên",
      " so với Nghị quyết",
      " vào năm 2030",
      " trước ngày 31/12/2023",
      " đạt chuẩn nông thôn mới",
    ),
    fc.constantFrom(".", ";", ",", "\n", ". ", ""),
  )
  .map((parts) => parts.join(""));

/** The text arbitrary of the engine properties: clauses, token soup and plain strings mixed. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: engineText(40) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(clause, engineText(6)), { maxLength: 8 })
      .map((xs) => xs.join(" ")),
  },
  // A longer document: title-and-lead (400), chrome-line (160) and indicator (90) windows.
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(clause, engineText(12)), { maxLength: 30, size: "large" })
      .map((xs) => xs.join(" ")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 60 }) },
);

/** Strings for the number parsers: literals, quantity phrases, near-misses and noise. */
export const numberish: fc.Arbitrary<string> = fc.oneof(
  numberLiteral,
  quantity,
  fc.constantFrom(...ROMANS),
  variant(fc.constantFrom("xxvi", "mmmcmxcix", "MMMM", "ıv", "ⅻ", "XIV ", " 14 ")),
  fc
    .tuple(
      fc.constantFrom("", " ", "\u00A0", "-", "+"),
      numberLiteral,
      fc.constantFrom("", " ", ".", ",", "%", "e5"),
    )
    .map((p) => p.join("")),
  engineText(4),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: codeUnit, maxLength: 12 }),
);

/** An article date for `referenceDate`: a valid ISO date (mostly 1990–2100), or null / absent. */
export const referenceDate: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  {
    weight: 4,
    arbitrary: fc
      .date({
        min: new Date("1990-01-01T00:00:00Z"),
        max: new Date("2100-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc
      .date({
        min: new Date("0001-01-01T00:00:00Z"),
        max: new Date("9999-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  },
);

/** A title and lead for `titleAndLead`: absent, a review or plan heading, or any text. */
export const titleAndLead: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    "Sơ kết giữa nhiệm kỳ",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII",
    "Tổng kết 5 năm",
  ),
  engineText(8),
);
