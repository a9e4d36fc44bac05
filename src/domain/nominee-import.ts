import { CsvError, type CsvRecord, decodeSpreadsheet, parseCsvRecords } from "./csv";

/**
 * Bulk import of nominees from a spreadsheet (CSV) or JSON, as a dry run: `parseNomineeImport`
 * reads the upload and reports every row's problems at once, so the organizer fixes the sheet in
 * one pass instead of one error per upload. Nothing here writes; the caller commits the drafts
 * only when the preview has no errors at all (`invalid === 0`).
 */

/** A nominee ready to insert, in the import's own terms (`group` is `group_name` in the table). */
export interface NomineeDraft {
  number: number;
  name: string;
  position: string;
  unit: string;
  group: string;
  headline: string;
  /** Paragraphs, trimmed, none empty. */
  story: string[];
  nominatingUnit: string;
  photoUrl?: string;
  photoCaption?: string;
}

export interface ImportRowResult {
  /**
   * Where the organizer finds the row. CSV: the row number the spreadsheet shows in its margin,
   * so the header is row 1 (usually) and the first nominee row 2; blank lines count, and a cell
   * spanning several lines does not add rows. JSON: the 1-based position in the array. Row 0
   * holds problems with the file as a whole or with the CSV header (表头).
   */
  row: number;
  /** Set exactly when `errors` is empty. */
  nominee?: NomineeDraft;
  /** Human messages, Chinese first with English in brackets, e.g. "第3行：缺少姓名 (name is required)". */
  errors: string[];
}

export interface ImportPreview {
  format: "csv" | "json";
  /** How the bytes were decoded; absent when they were refused before decoding (e.g. an .xlsx). */
  encoding?: "utf-8" | "gbk";
  /** The row-0 entry (if any) first, then data rows in file order. Blank rows are left out. */
  rows: ImportRowResult[];
  /** Data rows without errors. */
  valid: number;
  /** Entries with errors, the row-0 entry included: commit only when this is 0. */
  invalid: number;
}

/** Limits, in characters (code points, so a Chinese character counts as one). */
export const IMPORT_LIMITS = {
  rows: 1000,
  /** Bigger uploads are refused unread, to stay within a Worker's CPU and memory. */
  // Matches the request body limit for imports in src/index.tsx.
  bytes: 2 * 1024 * 1024,
  maxNumber: 999_999_999,
  name: 50,
  position: 100,
  unit: 100,
  group: 100,
  headline: 200,
  story: 20_000,
  nominatingUnit: 100,
  photoUrl: 2048,
  photoCaption: 200,
} as const;

type Field = keyof NomineeDraft;
type TextField = Exclude<Field, "number" | "story">;

/** The Chinese name of each field, for messages and for the header row of a template. */
export const FIELD_LABELS: Record<Field, string> = {
  number: "编号",
  name: "姓名",
  position: "职务",
  unit: "单位",
  group: "分组",
  headline: "事迹标题",
  story: "事迹",
  nominatingUnit: "推荐单位",
  photoUrl: "照片",
  photoCaption: "照片说明",
};

/**
 * Accepted CSV headers (and JSON keys), compared after `normaliseHeader`. Besides the documented
 * Chinese and English names, a few spellings common in 推荐表 templates are accepted.
 */
const HEADER_ALIASES: Record<Field, readonly string[]> = {
  number: ["编号", "number"],
  name: ["姓名", "name"],
  position: ["职务", "position"],
  unit: ["单位", "工作单位", "unit"],
  group: ["分组", "组别", "group"],
  headline: ["标题", "事迹标题", "headline"],
  story: ["事迹", "主要事迹", "story"],
  nominatingUnit: ["推荐单位", "nominatingunit"],
  photoUrl: ["照片", "照片地址", "photourl"],
  photoCaption: ["照片说明", "photocaption"],
};

/**
 * NFKC turns full-width letters and `＊` into ASCII; then case, blanks, `_`, `-` and the `*` some
 * templates put on required columns are ignored, so "Nominating_Unit", "nominating unit" and
 * "姓名*" all match.
 */
function normaliseHeader(h: string): string {
  return h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*]/g, "");
}

// A Map, not an object: a JSON key like "constructor" must not find anything.
const FIELD_BY_HEADER = new Map<string, Field>(
  (Object.entries(HEADER_ALIASES) as [Field, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeader(name), field] as const),
  ),
);

function fieldForHeader(header: string): Field | undefined {
  return FIELD_BY_HEADER.get(normaliseHeader(header));
}

const ACCEPTED_HEADERS = "编号、姓名、职务、单位、分组、事迹标题、事迹、推荐单位、照片、照片说明";

/** Values as read from one CSV row or JSON object, before validation. */
interface RawRow {
  row: number;
  values: Partial<Record<Field, unknown>>;
  /** Problems found while reading (unknown keys, stray cells), as bare messages. */
  errors: string[];
  /** Nothing to check field by field (a JSON entry that is not an object). */
  unreadable?: boolean;
}

interface Parsed {
  fileErrors: string[];
  rows: RawRow[];
}

const chars = (s: string) => [...s].length;

/** Collapses line breaks (Alt+Enter in Excel) in single-line fields into a space. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

const UNDECODABLE = "\uFFFD";

function tooLong(field: Field, length: number, max: number): string {
  return `${FIELD_LABELS[field]}过长：${length} 字，最多 ${max} 字 (${field} is too long: ${length} characters, at most ${max})`;
}

function undecodable(field: Field): string {
  return `${FIELD_LABELS[field]}含无法识别的字符，文件可能既不是 UTF-8 也不是 GBK 编码 (${field} contains characters that could not be decoded; save the file as CSV UTF-8)`;
}

function readText(values: RawRow["values"], field: TextField, errors: string[]): string {
  const v = values[field];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") {
    errors.push(`${FIELD_LABELS[field]}应为文本 (${field} must be a string)`);
    return "";
  }
  const s = oneLine(v);
  const max = IMPORT_LIMITS[field];
  if (chars(s) > max) errors.push(tooLong(field, chars(s), max));
  if (s.includes(UNDECODABLE)) errors.push(undecodable(field));
  return s;
}

/** Paragraphs: every line break (blank line or not) starts one; blank lines vanish. */
function paragraphs(s: string): string[] {
  return s
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function readStory(values: RawRow["values"], errors: string[]): string[] {
  const v = values.story;
  let story: string[];
  if (v === undefined || v === null) return [];
  if (typeof v === "string") story = paragraphs(v);
  else if (Array.isArray(v) && v.every((p) => typeof p === "string")) {
    story = v.flatMap(paragraphs);
  } else {
    errors.push("事迹应为文本或文本数组 (story must be a string or an array of strings)");
    return [];
  }
  const length = story.reduce((sum, p) => sum + chars(p), 0);
  if (length > IMPORT_LIMITS.story) errors.push(tooLong("story", length, IMPORT_LIMITS.story));
  if (story.some((p) => p.includes(UNDECODABLE))) errors.push(undecodable("story"));
  return story;
}

/** A number, undefined when blank (to be assigned), or null after pushing an error. */
function readNumber(values: RawRow["values"], errors: string[]): number | undefined | null {
  const v = values.number;
  if (v === undefined || v === null) return undefined;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    // NFKC turns full-width digits (１２, typed with a Chinese IME) into ASCII.
    const s = v.normalize("NFKC").trim();
    if (s === "") return undefined;
    n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  } else n = Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > IMPORT_LIMITS.maxNumber) {
    const shown = typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v);
    errors.push(
      `编号“${shown}”无效，应为 1 到 ${IMPORT_LIMITS.maxNumber} 的整数 (number must be a whole number from 1 to ${IMPORT_LIMITS.maxNumber})`,
    );
    return null;
  }
  return n;
}

/**
 * Photos are shown with `<img src>`, so only https URLs and paths on this site (e.g. an R2 upload
 * served under /media/) are accepted: no `javascript:`, `data:` or protocol-relative `//host`.
 */
function isPhotoUrl(url: string): boolean {
  if (url.startsWith("/")) return !url.startsWith("//") && !url.startsWith("/\\");
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

function emptyDraft(): Omit<NomineeDraft, "number"> {
  return {
    name: "",
    position: "",
    unit: "",
    group: "",
    headline: "",
    story: [],
    nominatingUnit: "",
  };
}

interface Checked {
  raw: RawRow;
  errors: string[];
  /** undefined: to be assigned; null: invalid (already an error). */
  number: number | undefined | null;
  draft: Omit<NomineeDraft, "number">;
}

function checkRow(raw: RawRow): Checked {
  const errors = [...raw.errors];
  if (raw.unreadable) return { raw, errors, number: null, draft: emptyDraft() };
  const { values } = raw;
  const number = readNumber(values, errors);
  const name = readText(values, "name", errors);
  // A name of the wrong type already has its own error.
  if (name === "" && (values.name == null || typeof values.name === "string")) {
    errors.push("缺少姓名 (name is required)");
  }
  const draft: Omit<NomineeDraft, "number"> = {
    name,
    position: readText(values, "position", errors),
    unit: readText(values, "unit", errors),
    group: readText(values, "group", errors),
    headline: readText(values, "headline", errors),
    story: readStory(values, errors),
    nominatingUnit: readText(values, "nominatingUnit", errors),
  };
  const photoUrl = readText(values, "photoUrl", errors);
  const photoCaption = readText(values, "photoCaption", errors);
  if (photoUrl !== "") {
    if (!isPhotoUrl(photoUrl)) {
      errors.push(
        "照片地址应以 https:// 或 / 开头 (photoUrl must be an https URL or a path on this site)",
      );
    }
    draft.photoUrl = photoUrl;
  }
  if (photoCaption !== "") {
    if (photoUrl === "") {
      errors.push("有照片说明但没有照片 (photoCaption given without photoUrl)");
    }
    draft.photoCaption = photoCaption;
  }
  return { raw, errors, number, draft };
}

// ---------------------------------------------------------------------------------------------
// Reading CSV

/** How many leading non-blank rows may sit above the header (a title row like "2026年榜样推荐名单"). */
const HEADER_SEARCH_ROWS = 5;

function fromCsv(text: string): Parsed {
  const fileErrors: string[] = [];
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(text);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return {
      fileErrors: [
        `文件：第 ${e.line} 行开始的引号没有闭合 (unterminated quote starting on line ${e.line})`,
      ],
      rows: [],
    };
  }
  // Excel leaves rows of empty cells (",,,,") where a row was cleared; they are not nominees.
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (nonBlank.length === 0)
    return { fileErrors: ["文件：没有内容 (the file is empty)"], rows: [] };

  // The header is the first row naming a 姓名/name column; rows above it are titles, ignored.
  const headerIndex = nonBlank
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.some((c) => fieldForHeader(c) === "name"));
  const header = nonBlank[headerIndex];
  if (!header) {
    return {
      fileErrors: [
        `表头：找不到“姓名”列；第一行应是表头，可用的列：${ACCEPTED_HEADERS} (no name column: the first row must be a header)`,
      ],
      rows: [],
    };
  }

  const columns: (Field | undefined)[] = [];
  const seen = new Map<Field, string>();
  header.cells.forEach((cell, index) => {
    const label = cell.trim();
    if (label === "") return;
    const field = fieldForHeader(label);
    if (!field) {
      fileErrors.push(
        `表头：无法识别的列“${label}”（第 ${index + 1} 列）；可用的列：${ACCEPTED_HEADERS} (unknown column "${label}")`,
      );
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      fileErrors.push(
        `表头：“${earlier}”和“${label}”是同一列 (columns "${earlier}" and "${label}" both mean ${field})`,
      );
      return;
    }
    seen.set(field, label);
    columns[index] = field;
  });

  const rows = nonBlank.slice(headerIndex + 1).map((record): RawRow => {
    const values: RawRow["values"] = {};
    const errors: string[] = [];
    let stray = 0;
    record.cells.forEach((cell, index) => {
      const field = columns[index];
      if (field) values[field] = cell;
      // Cells under an unknown column are already reported on the header; these have none.
      else if (cell.trim() !== "" && (header.cells[index] ?? "").trim() === "") stray++;
    });
    if (stray > 0) {
      errors.push(
        `有 ${stray} 个单元格不在任何有表头的列下 (${stray} cells are outside the header's columns)`,
      );
    }
    return { row: record.row, values, errors };
  });
  return { fileErrors, rows };
}

// ---------------------------------------------------------------------------------------------
// Reading JSON

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function fromJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { fileErrors: [`文件：JSON 格式错误 (malformed JSON: ${detail})`], rows: [] };
  }
  const list = Array.isArray(data)
    ? data
    : isPlainObject(data) && Array.isArray(data.nominees)
      ? data.nominees
      : undefined;
  if (!list) {
    return {
      fileErrors: [
        '文件：JSON 应为候选人数组，或 {"nominees": [...]} (expected an array of nominees or {"nominees": [...]})',
      ],
      rows: [],
    };
  }
  const rows = list.map((item: unknown, i): RawRow => {
    const row = i + 1;
    if (!isPlainObject(item)) {
      return {
        row,
        values: {},
        errors: ["应为一个对象 (each nominee must be an object)"],
        unreadable: true,
      };
    }
    const values: RawRow["values"] = {};
    const errors: string[] = [];
    for (const [key, value] of Object.entries(item)) {
      const field = fieldForHeader(key);
      if (!field) errors.push(`未知字段“${key}” (unknown field "${key}")`);
      else if (field in values) errors.push(`字段“${key}”重复 (field ${field} given twice)`);
      else values[field] = value;
    }
    return { row, values, errors };
  });
  return { fileErrors: [], rows };
}

// ---------------------------------------------------------------------------------------------
// Detecting what was uploaded

function detectFormat(text: string, contentType?: string, filename?: string): "csv" | "json" {
  const type = contentType?.toLowerCase() ?? "";
  if (type.includes("json")) return "json";
  if (type.includes("csv")) return "csv";
  // Browsers on Windows send application/vnd.ms-excel for .csv, so the extension decides next.
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? "")?.[1]?.toLowerCase();
  if (ext === "json") return "json";
  if (ext === "csv" || ext === "txt") return "csv";
  const first = text.trimStart()[0];
  return first === "[" || first === "{" ? "json" : "csv";
}

/** Uploads that are not text at all, recognised by their first bytes, with what to do instead. */
function refuseBinary(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return "文件：这是 Excel/WPS 工作簿（.xlsx/.xls），请先“另存为”CSV 再导入 (this is a workbook, not CSV: save it as CSV first)";
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return "文件：这是 UTF-16 编码的“Unicode 文本”，请另存为“CSV UTF-8” (UTF-16 text: save it as CSV UTF-8)";
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads an upload of nominees and previews the import. CSV (UTF-8 with or without BOM, or GBK as
 * Excel saves it on Chinese Windows) maps columns by their header, Chinese or English; JSON is an
 * array of objects with the NomineeDraft keys, or `{ "nominees": [...] }`, where `story` may be a
 * string or an array of paragraphs. The format comes from `contentType`, then the file's
 * extension, then the first non-blank character (`[` or `{` means JSON).
 *
 * `name` is required. A blank `number` gets the next free number after the highest of
 * `existingNumbers` and the file's own numbers, in row order, so a sheet without numbers appends
 * to the campaign. Duplicate numbers in the file, and numbers already used in the campaign, are
 * errors on every row concerned. Never throws on bad input: every problem is an error on its row,
 * or on row 0 for the file and the header.
 */
export function parseNomineeImport(
  input: { bytes: Uint8Array; contentType?: string; filename?: string },
  existingNumbers: ReadonlySet<number> = new Set(),
): ImportPreview {
  const { bytes } = input;
  const refusal =
    bytes.byteLength > IMPORT_LIMITS.bytes
      ? `文件：超过 ${IMPORT_LIMITS.bytes / 1024 / 1024} MB (the file is larger than ${IMPORT_LIMITS.bytes / 1024 / 1024} MB)`
      : refuseBinary(bytes);
  if (refusal) {
    return summarise(detectFormat("", input.contentType, input.filename), undefined, [refusal], []);
  }

  const { text, encoding } = decodeSpreadsheet(bytes);
  const format = detectFormat(text, input.contentType, input.filename);
  const parsed = format === "json" ? fromJson(text) : fromCsv(text);
  const fileErrors = [...parsed.fileErrors];
  let raws = parsed.rows;
  if (raws.length > IMPORT_LIMITS.rows) {
    fileErrors.push(
      `文件：最多 ${IMPORT_LIMITS.rows} 位候选人，本文件有 ${raws.length} 位；只检查了前 ${IMPORT_LIMITS.rows} 位 (at most ${IMPORT_LIMITS.rows} nominees per import; this file has ${raws.length})`,
    );
    raws = raws.slice(0, IMPORT_LIMITS.rows);
  } else if (raws.length === 0 && fileErrors.length === 0) {
    fileErrors.push("文件：只有表头，没有候选人 (no nominees in the file)");
  }

  const checked = raws.map(checkRow);
  // A person counts lines in a sheet (第3行) but entries in a JSON array (第3条).
  const unit = format === "json" ? "条" : "行";
  assignNumbers(checked, existingNumbers, unit);

  const where = (row: number) => `第${row}${unit}`;
  const rows = checked.map(({ raw, errors, number, draft }): ImportRowResult => {
    const messages = errors.map((e) => `${where(raw.row)}：${e}`);
    return messages.length === 0 && typeof number === "number"
      ? { row: raw.row, nominee: { number, ...draft }, errors: [] }
      : { row: raw.row, errors: messages };
  });
  return summarise(format, encoding, fileErrors, rows);
}

/** Flags duplicate and taken numbers, then numbers the rows that left it blank. */
function assignNumbers(checked: Checked[], existing: ReadonlySet<number>, unit: "行" | "条"): void {
  const rowsByNumber = new Map<number, number[]>();
  for (const c of checked) {
    if (typeof c.number === "number") {
      rowsByNumber.set(c.number, [...(rowsByNumber.get(c.number) ?? []), c.raw.row]);
    }
  }
  for (const c of checked) {
    if (typeof c.number !== "number") continue;
    const rows = rowsByNumber.get(c.number) ?? [];
    if (rows.length > 1) {
      c.errors.push(
        `编号 ${c.number} 在文件中重复（第${rows.join("、")}${unit}） (number ${c.number} appears more than once: ${unit === "行" ? "rows" : "entries"} ${rows.join(", ")})`,
      );
    }
    if (existing.has(c.number)) {
      c.errors.push(
        `编号 ${c.number} 已被本活动的现有候选人使用 (number ${c.number} is already used in this campaign)`,
      );
    }
  }
  // Every blank number is assigned, even on a row with other errors, so fixing that row later
  // does not shift the numbers of the rows after it.
  let max = 0;
  for (const n of existing) max = Math.max(max, n);
  for (const n of rowsByNumber.keys()) max = Math.max(max, n);
  let next = max + 1;
  for (const c of checked) {
    if (c.number !== undefined) continue;
    if (next > IMPORT_LIMITS.maxNumber) {
      c.errors.push(
        `无法自动编号：已超过 ${IMPORT_LIMITS.maxNumber} (no free number left to assign)`,
      );
      c.number = null;
    } else c.number = next++;
  }
}

function summarise(
  format: "csv" | "json",
  encoding: "utf-8" | "gbk" | undefined,
  fileErrors: string[],
  rows: ImportRowResult[],
): ImportPreview {
  const all = fileErrors.length > 0 ? [{ row: 0, errors: fileErrors }, ...rows] : rows;
  return {
    format,
    ...(encoding ? { encoding } : {}),
    rows: all,
    valid: rows.filter((r) => r.errors.length === 0).length,
    invalid: all.filter((r) => r.errors.length > 0).length,
  };
}
