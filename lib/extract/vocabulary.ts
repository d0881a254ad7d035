/**
 * The extractor's dictionaries. Patterns are generated from these lists; rules
 * do not carry their own literals. All entries are canonical text (NFC, tone on
 * the first vowel of `oa`/`oe`/`uy`: `hòa`, `ủy`), matched case-insensitively.
 */

/** Units of physical measure: a figure only when something measured is named with them. */
export const PHYSICAL_UNITS = [
  "ha",
  "héc-ta",
  "hecta",
  "km",
  "m2",
  "m²",
  "m3",
  "tấn",
  "tạ",
  "kg",
  "lít",
  "MW",
  "kWh",
];

/** Measure units that make a number a figure by themselves (after an optional scale word). */
export const MEASURE_UNITS = [
  "%",
  "đồng",
  "USD",
  "đô la Mỹ",
  ...PHYSICAL_UNITS,
  "lần",
  "lượt khách",
  "lượt người",
  "lượt",
];

/** Scale words, kept in the unit (`100 triệu đồng` → value 100, unit `triệu đồng`). */
export const SCALE_WORDS = [
  "nghìn tỷ",
  "ngàn tỷ",
  "nghìn tỉ",
  "ngàn tỉ",
  "nghìn",
  "ngàn",
  "vạn",
  "triệu",
  "tỷ",
  "tỉ",
];

/**
 * Count nouns that make a number a figure when the clause says what the counted
 * things achieved (see `ACHIEVEMENT_WORDS`). Longest forms first is handled by
 * the pattern builder.
 */
export const COUNT_NOUNS_NEEDING_ACHIEVEMENT = [
  "tỉnh",
  "xã",
  "phường",
  "thị trấn",
  "huyện",
  "thị xã",
  "thành phố",
  "thôn",
  "ấp",
  "bản",
  "làng",
  "khu dân cư",
  "khu phố",
  "tổ dân phố",
  "trường",
  "trường học",
  "trạm y tế",
  "cơ quan",
  "đơn vị",
  "chi bộ",
  "tổ chức cơ sở đảng",
  "tổ chức đảng",
  "đảng bộ",
  "công trình",
  "chợ",
  "cơ sở",
  "tổ chức",
];

/**
 * Nouns of bodies and ranks that portals list with commas (`xã, phường, thị trấn`, `cán bộ, công
 * chức`): a comma between two of them does not end a clause.
 */
export const ADMINISTRATIVE_LIST_NOUNS = [
  "doanh nghiệp",
  "cơ quan",
  "đơn vị",
  "Đảng ủy",
  "Chi ủy",
  "MTTQ",
  "Mặt trận Tổ quốc",
  "các đoàn thể",
  "đoàn thể",
  "chính quyền",
  "cán bộ",
  "công chức",
  "viên chức",
];

/** Count nouns that are figures wherever they stand. */
export const COUNT_NOUNS = [
  "hộ",
  "hộ nghèo",
  "hộ cận nghèo",
  "hộ gia đình",
  "lao động",
  "doanh nghiệp",
  "hợp tác xã",
  "tổ hợp tác",
  "trang trại",
  "sản phẩm",
  "sản phẩm OCOP",
  "giường bệnh",
  "giường",
  "bác sĩ",
  "bác sỹ",
  "dược sĩ",
  "học sinh",
  "căn nhà",
  "nhà",
  "việc làm",
  "dự án",
  "cầu",
  "km đường",
  "con",
  "thủ tục",
  "hồ sơ",
  "giấy chứng nhận",
  "giấy phép",
  "vườn",
  "mô hình",
  "khách",
  "cuộc",
  "vụ",
  "tuyến phố",
  "tuyến đường",
  "sản phẩm OCOP",
];

/** Count nouns that are only figures in some shapes (ratios, or after an achievement verb). */
export const RATIO_NOUNS = ["chỉ tiêu", "tiêu chí", "nội dung", "tiêu chuẩn"];

/** `đảng viên`/`người` counts are figures only in recruitment, jobs or training clauses. */
export const PEOPLE_NOUNS = [
  "đảng viên mới",
  "đảng viên",
  "ĐV mới",
  "ĐV",
  "đồng chí",
  "quần chúng",
  "người",
  "hội viên",
  "đoàn viên",
  "thanh niên",
];
export const PEOPLE_CONTEXT = [
  "kết nạp",
  "nâng tổng số",
  "đảng viên mới",
  "việc làm",
  "đào tạo",
  "xuất khẩu lao động",
  "làm việc ở nước ngoài",
  "giao quân",
  "tuyển quân",
  "phát triển",
];

/** Words in a clause that say what counted units achieved. */
export const ACHIEVEMENT_WORDS = [
  "đạt",
  "chuẩn",
  "hoàn thành",
  "công nhận",
  "nông thôn mới",
  "vững mạnh",
  "lên đô thị",
  "văn hóa",
  "an toàn",
  "xếp loại",
  "kiên cố",
  "xây dựng",
  "xây mới",
  "nâng cấp",
  "thành lập",
  "phát triển",
  "còn",
  "thoát nghèo",
  "thêm",
  "về đích",
];

/** Comparator words before a value. */
export const COMPARATOR_BEFORE: ReadonlyArray<[string, ">=" | ">" | "<" | "<="]> = [
  ["đạt và vượt", ">="],
  ["ít nhất", ">="],
  ["tối thiểu", ">="],
  ["không dưới", ">="],
  ["không thấp hơn", ">="],
  ["tối đa", "<="],
  ["không quá", "<="],
  ["không vượt quá", "<="],
  ["dưới mức", "<"],
  ["thấp hơn", "<"],
  ["xuống dưới", "<"],
  ["xuống còn dưới", "<"],
  ["còn dưới", "<"],
  ["dưới", "<"],
  ["trên", ">"],
  ["hơn", ">"],
  ["vượt", ">"],
  ["cao hơn", ">"],
];

/** Comparator words after a value. */
export const COMPARATOR_AFTER: ReadonlyArray<[string, ">=" | "<="]> = [
  ["trở lên", ">="],
  ["trở xuống", "<="],
];

/** Words that mark a figure as reported (already achieved). */
export const RESULT_SIGNALS = [
  "đã",
  "đến nay",
  "hiện nay",
  "hiện có",
  "đạt được",
  "ước đạt",
  "ước thực hiện",
  "ước tính",
  "ước cả năm",
  "thực hiện đạt",
  "kết quả",
  "so với đầu nhiệm kỳ",
  "nửa đầu nhiệm kỳ",
  "nhiệm kỳ qua",
  "nhiệm kỳ vừa qua",
  "vừa qua",
  "năm qua",
  "tháng qua",
  "thời gian qua",
  "từ đầu năm",
  "từ đầu nhiệm kỳ",
  "so với cùng kỳ",
  "so cùng kỳ",
  "cùng kỳ năm trước",
  "cùng kỳ",
  "được công nhận",
  "công nhận mới",
  "kéo giảm",
  "giảm được",
  "tăng được",
  "còn lại",
  "nâng tổng số",
  "xếp thứ",
  "xếp vị thứ",
  "đứng thứ",
  "sớm hơn",
  "giai đoạn trước",
];

/** Words that mark a figure as planned. */
export const TARGET_SIGNALS = [
  "phấn đấu",
  "mục tiêu",
  "chỉ tiêu chủ yếu",
  "chỉ tiêu quan trọng",
  "chỉ tiêu cụ thể",
  "các chỉ tiêu",
  "đề ra",
  "đặt ra",
  "phải",
  "cần",
  "sẽ",
  "nhằm",
  "hướng tới",
  "duy trì",
  "giữ vững",
  "dự kiến",
  "kế hoạch",
  "định hướng",
  "phương hướng",
  "nghị quyết xác định",
  "nhiệm kỳ mới",
  "nhiệm kỳ tới",
  "năm tới",
  "thời gian tới",
  "giai đoạn tới",
  "tháng cuối năm",
  "quyết tâm",
];

/** Phrases containing `đã` that speak of the plan, not of results. */
export const PLAN_PAST_PHRASES = [
  "đã đề ra",
  "đã xác định",
  "đã thông qua",
  "đã ban hành",
  "đã được thông qua",
];

/** Verbs whose passive (`được giữ vững`, `được cải thiện`) reports a state reached. */
export const PASSIVE_REPORT_VERBS = [
  "giữ vững",
  "duy trì",
  "đảm bảo",
  "bảo đảm",
  "củng cố",
  "tăng cường",
  "nâng cao",
  "nâng lên",
  "cải thiện",
  "chú trọng",
  "quan tâm",
  "triển khai",
  "thực hiện",
  "kiện toàn",
];

/** Words in a clause that name what a physical measure measures (`diện tích`, `sản lượng` …). */
export const MEASURED_WORDS = [
  "diện tích",
  "sản lượng",
  "tổng đàn",
  "tổng số",
  "tổng",
  "gieo trồng",
  "trồng mới",
  "trồng rừng",
  "khai thác",
  "xuất khẩu",
  "đạt",
];

/** Phrases whose plan words say nothing of a figure's mode (`kế hoạch hóa gia đình`: family planning). */
export const MODE_NEUTRAL_PHRASES = ["kế hoạch hóa gia đình", "kế hoạch hóa", "kế hoạch số"];

/** Words after a comma that turn a sentence from a report to a plan or back: a new mode clause. */
export const CLAUSE_TURNING_WORDS = ["phấn đấu", "đến nay", "hiện nay", "dự kiến", "hướng tới"];

/** Words in a title or lead that make the whole article a review. */
export const REVIEW_ARTICLE_SIGNALS = [
  "sơ kết",
  "đánh giá",
  "tổng kết",
  "giữa nhiệm kỳ",
  "kết quả thực hiện",
  "kết quả",
  "nhìn lại",
  "đánh giá kết quả",
  "báo cáo kết quả",
  "thành tựu",
  "tháng đầu năm",
  "năm qua",
  "nhiệm kỳ qua",
  "đạt được",
];

/** Words in a title or lead that make the whole article a plan. */
export const PLAN_ARTICLE_SIGNALS = [
  "phấn đấu",
  "mục tiêu",
  "chỉ tiêu chủ yếu",
  "chương trình hành động",
  "phương hướng",
  "tháng cuối năm",
  "nhiệm kỳ mới",
];

/** Nouns that count the resolution's structure: kept as article facts, never items. */
export const TASK_COUNT_NOUNS = [
  "nhiệm vụ trọng tâm",
  "nhiệm vụ đột phá",
  "khâu đột phá",
  "đột phá",
  "nhóm nhiệm vụ",
  "nhóm giải pháp",
  "nhiệm vụ",
  "giải pháp",
  "mục tiêu",
  "chỉ tiêu chủ yếu",
  "chương trình",
  "chương trình mục tiêu quốc gia",
  "quan điểm",
  "nội dung",
];

/** Words right before a number that make it a label, not a figure. */
export const LABEL_WORDS_BEFORE = [
  "lần thứ",
  "thứ",
  "số",
  "khóa",
  "mức độ",
  "giai đoạn",
  "loại",
  "hạng",
  "cấp độ",
  "nhiệm kỳ",
  "ngày",
  "tháng",
  "năm",
  "quý",
  "điện thoại",
  "fax",
  "hotline",
  "tổ",
  "khóm",
  "phường",
  "quận",
  "đường",
  "chương",
  "điều",
  "khoản",
  "mục",
  "lúc",
  "kỳ",
  "phiên",
  "hội nghị",
  "đại hội",
  "top",
];

/** Clause starters that are not part of an indicator phrase. */
export const LEADING_FUNCTION_WORDS = [
  "có",
  "đạt",
  "là",
  "phấn đấu",
  "trong đó",
  "trong đó có",
  "hằng năm",
  "hàng năm",
  "mỗi năm",
  "duy trì",
  "giữ vững",
  "đến nay",
  "hiện nay",
  "đồng thời",
  "ngoài ra",
  "bên cạnh đó",
  "theo đó",
  "và",
  "với",
  "toàn huyện",
  "toàn tỉnh",
  "toàn thành phố",
  "huyện",
  "tỉnh",
  "thành phố",
  "thị xã",
  "xã",
  "địa phương",
  "đã",
  "thì",
  "cơ bản",
  "số lượng",
  "tổng số",
  "riêng",
  "nâng",
  "đưa",
  "tạo",
  "xây dựng",
  "nâng",
];

/** Words that link an indicator to its value; trimmed from the end of a preceding indicator. */
export const LINKING_WORDS = [
  "đạt",
  "là",
  "có",
  "ở mức",
  "bình quân",
  "đạt bình quân",
  "đạt từ",
  "từ",
  "khoảng",
  "gần",
  "xấp xỉ",
  "đạt khoảng",
  "lên mức",
  "kéo giảm",
  "và",
  "hoặc",
  "xuống",
  "xuống còn",
  "còn",
  "bằng",
  "tương đương",
  "chiếm",
  "cho",
  "thêm",
  "duy trì",
  "duy trì ở mức",
  "được",
  "tăng",
  "giảm",
  "tăng bình quân",
  "giảm bình quân",
  "thực hiện",
  "ước",
  "ước đạt",
  "vượt",
  "đạt trên",
  "đạt dưới",
  "trên",
  "dưới",
  "hơn",
  "ít nhất",
  "tối thiểu",
  "tối đa",
  "không dưới",
  "không quá",
  "mỗi năm",
  "hằng năm",
  "hàng năm",
  "năm",
  "không",
  "chưa",
];
