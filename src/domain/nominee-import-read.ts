import { CsvError, type CsvRecord, parseCsvRecords } from "./csv";
import type { NomineeDraft } from "./nominee-import";

/**
 * Reading a nominee upload (CSV or JSON) into raw rows: which column or key is which field, and
 * the problems of the file and its header. No value is checked here (nominee-import-check.ts).
 */

export type Field = keyof NomineeDraft;

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
export interface RawRow {
  row: number;
  values: Partial<Record<Field, unknown>>;
  /** Problems found while reading (unknown keys, stray cells), as bare messages. */
  errors: string[];
  /** Nothing to check field by field (a JSON entry that is not an object). */
  unreadable?: boolean;
}

export interface Parsed {
  fileErrors: string[];
  rows: RawRow[];
}

// ---------------------------------------------------------------------------------------------
// Reading CSV

/** How many leading non-blank rows may sit above the header (a title row like "2026年榜样推荐名单"). */
const HEADER_SEARCH_ROWS = 5;

export function fromCsv(text: string): Parsed {
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

export function fromJson(text: string): Parsed {
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

export function detectFormat(
  text: string,
  contentType?: string,
  filename?: string,
): "csv" | "json" {
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
export function refuseBinary(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return "文件：这是 Excel/WPS 工作簿（.xlsx/.xls），请先“另存为”CSV 再导入 (this is a workbook, not CSV: save it as CSV first)";
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return "文件：这是 UTF-16 编码的“Unicode 文本”，请另存为“CSV UTF-8” (UTF-16 text: save it as CSV UTF-8)";
  }
  return undefined;
}
