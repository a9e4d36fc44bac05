import { csvLine, UTF8_BOM } from "./csv";

/**
 * The committee's final counts (DESIGN.md §4): `export.csv` and the digest in `export.json`.
 * The column order is contract — rank, number, name, position, unit, group, likes — because
 * committees paste these sheets into their own templates by position.
 */

export interface ExportRow {
  rank: number;
  number: number;
  name: string;
  position: string;
  unit: string;
  group: string;
  likes: number;
  /**
   * The combined result (issue 7), once the committee's scoring is closed. Its columns follow the
   * contract's seven, so sheets pasted by position keep working.
   */
  combined?: {
    publicScore: number;
    committeeScore: number | null;
    combinedScore: number;
    combinedRank: number;
    honoree: boolean;
  };
}

/** Header labels, in the contract's column order. Chinese is the default. */
export const EXPORT_HEADERS = {
  zh: ["名次", "编号", "姓名", "职务", "单位", "分组", "票数"],
  en: ["rank", "number", "name", "position", "unit", "group", "likes"],
} as const satisfies Record<"zh" | "en", readonly string[]>;

/** Headers of the combined columns, appended after the contract's seven when present. */
export const COMBINED_HEADERS = {
  zh: ["大众得分", "评委得分", "综合得分", "综合名次", "当选"],
  en: ["public_score", "committee_score", "combined_score", "combined_rank", "honoree"],
} as const satisfies Record<"zh" | "en", readonly string[]>;

const two = (x: number | null) => (x === null ? "" : x.toFixed(2));

/**
 * The results sheet: a UTF-8 BOM, the header line, then one line per row in the order given (rank
 * them first, e.g. with `rankByLikes`), CRLF line ends. Text cells starting like a formula are
 * neutralised by `csvCell`; rank, number and likes are numbers and written as such.
 */
export function resultsCsv(rows: readonly ExportRow[], lang: "zh" | "en" = "zh"): string {
  const combined = rows.some((r) => r.combined);
  const headers = combined
    ? [...EXPORT_HEADERS[lang], ...COMBINED_HEADERS[lang]]
    : EXPORT_HEADERS[lang];
  const lines = [UTF8_BOM, csvLine(headers)];
  for (const r of rows) {
    const base = [r.rank, r.number, r.name, r.position, r.unit, r.group, r.likes];
    const c = r.combined;
    const extra = c
      ? [
          two(c.publicScore),
          two(c.committeeScore),
          two(c.combinedScore),
          c.combinedRank,
          c.honoree ? (lang === "zh" ? "当选" : "yes") : "",
        ]
      : [];
    lines.push(csvLine(combined ? [...base, ...extra] : base));
  }
  return lines.join("");
}

/**
 * The text whose SHA-256 `export.json` carries: exactly `resultsCsv(rows, "zh")`, BOM included,
 * i.e. the default `export.csv` as served. So anyone can check a downloaded file with
 * `sha256sum export.csv` (or `certutil -hashfile export.csv SHA256` on Windows) and compare it with
 * the published digest, with no rules to re-implement. Hash it as UTF-8 (`sha256Hex` does).
 */
export function canonicalResultsCsv(rows: readonly ExportRow[]): string {
  return resultsCsv(rows, "zh");
}

/** Lower-case hex SHA-256 of `text` encoded as UTF-8 (WebCrypto; the BOM becomes EF BB BF). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
