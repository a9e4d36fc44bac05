import { NOMINEE_LIMITS, type NomineeRecord } from "../validators/nominee";
import { BODY_BYTES } from "./body-limits";
import { decodeSpreadsheet } from "./csv";
import { type CheckedRow, checkRow } from "./nominee-import-check";
import { detectFormat, fromCsv, fromJson, refuseBinary } from "./nominee-import-read";

export { FIELD_LABELS } from "./nominee-import-read";

/**
 * Bulk import of nominees from a spreadsheet (CSV) or JSON, as a dry run: `parseNomineeImport`
 * reads the upload (nominee-import-read.ts), checks every row against the nominee schema
 * (nominee-import-check.ts) and reports every row's problems at once, so the organizer fixes the
 * sheet in one pass instead of one error per upload. Nothing here writes; the caller commits the
 * drafts only when the preview has no errors at all (`invalid === 0`).
 */

/**
 * A nominee ready to insert, in the import's own terms: the nominee's fields (validators/nominee.ts)
 * with one photo as two columns; `group` is `group_name` in the table.
 */
export type NomineeDraft = Omit<NomineeRecord, "photos" | "honoree"> & {
  photoUrl?: string;
  photoCaption?: string;
};

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

/** The upload's own limits; each field's are the nominee's (NOMINEE_LIMITS). */
export const IMPORT_LIMITS = {
  rows: 1000,
  /** Bigger uploads are refused unread, to stay within a Worker's CPU and memory. */
  bytes: BODY_BYTES.import,
} as const;

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
    return messages.length === 0 && typeof number === "number" && draft
      ? { row: raw.row, nominee: { number, ...draft }, errors: [] }
      : { row: raw.row, errors: messages };
  });
  return summarise(format, encoding, fileErrors, rows);
}

/** Flags duplicate and taken numbers, then numbers the rows that left it blank. */
function assignNumbers(
  checked: CheckedRow[],
  existing: ReadonlySet<number>,
  unit: "行" | "条",
): void {
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
    if (next > NOMINEE_LIMITS.number) {
      c.errors.push(
        `无法自动编号：已超过 ${NOMINEE_LIMITS.number} (no free number left to assign)`,
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
