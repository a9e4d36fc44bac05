/**
 * CSV as the spreadsheets used in China read and write it (Excel, WPS, LibreOffice): RFC 4180
 * quoting, CRLF line ends, a UTF-8 BOM on what we write (without it Excel on Chinese Windows
 * reads UTF-8 as GBK and shows mojibake), and GBK accepted on what we read (Excel's plain "CSV"
 * save on Chinese Windows writes GBK/GB18030, not UTF-8).
 */

/** Written first so Excel and WPS detect UTF-8; LibreOffice ignores it. */
export const UTF8_BOM = "\uFEFF";

/**
 * Text that a spreadsheet would run as a formula, or that could become one once leading blanks
 * are trimmed on import (LibreOffice's "trim spaces" option, Excel's TRIM in a later step): the
 * OWASP list `= + - @ TAB CR`, also after leading whitespace.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** RFC 4180 needs quotes for separators and quotes; edge blanks are quoted so no reader trims them. */
const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/**
 * One CSV field. Text that starts like a formula gets a leading `'` (OWASP's advice against CSV
 * injection: Excel and LibreOffice then show it as text, the quote visible). Numbers are written as
 * plain numbers and never prefixed, so `-5` stays a number; null, undefined and non-finite numbers
 * become an empty field.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record: fields joined by commas and terminated by CRLF, as RFC 4180 and Excel expect. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A malformed CSV: `line` is the 1-based physical line where the problem starts. */
export class CsvError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

/** One parsed record and where a person would find it. */
export interface CsvRecord {
  cells: string[];
  /**
   * 1-based row number as a spreadsheet shows it: blank lines count as rows (Excel and WPS keep
   * them), and a quoted cell spanning several lines is still one row.
   */
  row: number;
  /** 1-based physical line of the text where the record starts. */
  line: number;
}

const DELIMITER = /[,\r\n]/g;

/** Index of the next `,`, CR or LF at or after `from`, or the end of the text. */
function nextDelimiter(text: string, from: number): number {
  DELIMITER.lastIndex = from;
  return DELIMITER.exec(text)?.index ?? text.length;
}

/** Line breaks in `s`, counting CRLF once. */
function countLineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * RFC 4180 parser keeping row numbers, for messages like "第3行" that match what the organizer
 * sees in the sheet. Accepts CRLF, LF or CR line ends; strips a leading BOM; a trailing line end
 * does not make an empty record and fully empty lines are skipped (but still counted in `row`).
 * Lenient where spreadsheets are: a quote inside an unquoted field is literal, and characters after
 * a closing quote are kept (`"a"b` → `ab`). Throws `CsvError` on an unterminated quote, since
 * everything after it would silently become one cell.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let row = 0;

  // Consumes the line end at i (CRLF, CR or LF).
  const skipLineEnd = () => {
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
  };

  while (i < n) {
    row++;
    if (text[i] === "\r" || text[i] === "\n") {
      skipLineEnd();
      continue;
    }
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) {
            throw new CsvError(
              `unterminated quoted field starting on line ${quoteLine}`,
              quoteLine,
            );
          }
          const chunk = text.slice(i, close);
          line += countLineBreaks(chunk);
          field += chunk;
          if (text[close + 1] === '"') {
            field += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
      }
      const end = nextDelimiter(text, i);
      field += text.slice(i, end);
      i = end;
      cells.push(field);
      if (i >= n) break;
      if (text[i] === ",") {
        i++;
        continue;
      }
      skipLineEnd();
      break;
    }
    records.push({ cells, row, line: startLine });
  }
  return records;
}

/** The records of `text` as arrays of fields; see `parseCsvRecords` for the rules. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}

/**
 * Decodes an uploaded spreadsheet export: UTF-8 (with or without BOM) when the bytes are valid
 * UTF-8, otherwise GBK. The GBK decoder is the Encoding Standard's gb18030 decoder, so GB18030's
 * four-byte sequences (rare characters in names) decode too. Bytes that are neither decode with
 * U+FFFD in place of what could not be read; callers should treat U+FFFD as an error.
 * Realistic Chinese text in GBK is practically never valid UTF-8, so trying UTF-8 first is safe.
 */
export function decodeSpreadsheet(bytes: ArrayBuffer | Uint8Array): {
  text: string;
  encoding: "utf-8" | "gbk";
} {
  try {
    // ignoreBOM: false means the decoder drops a leading UTF-8 BOM rather than keep it as text.
    const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gbk" };
  }
}
