/**
 * Re-importing the same file (even after publication) used to preview "6 行全部可导入": rows with a
 * blank 编号 get fresh numbers, so nothing clashed. A row naming someone the campaign already has
 * (same name and unit) is flagged as a likely duplicate. A warning, not an error: two people may
 * share a name in one unit, and the organizer decides.
 */
import type { ImportPreview, ImportRowResult } from "./nominee-import";

export interface ExistingNominee {
  number: number;
  name: string;
  unit: string;
}

export type PreviewRow = ImportRowResult & { warnings?: string[] };
export type CheckedPreview = Omit<ImportPreview, "rows"> & {
  rows: PreviewRow[];
  /** Rows that look like nominees the campaign already has. */
  duplicates: number;
};

const key = (name: string, unit: string) =>
  `${name.replace(/\s+/g, "")}\u0000${unit.replace(/\s+/g, "")}`;

/** The preview with a warning on each row that names an existing nominee (name + unit). */
export function markDuplicates(
  preview: ImportPreview,
  existing: readonly ExistingNominee[],
): CheckedPreview {
  const byKey = new Map(existing.map((n) => [key(n.name, n.unit), n]));
  let duplicates = 0;
  const rows = preview.rows.map((r): PreviewRow => {
    const n = r.nominee;
    const same = n ? byKey.get(key(n.name, n.unit)) : undefined;
    if (!same) return r;
    duplicates++;
    return {
      ...r,
      warnings: [
        `第${r.row}行：与现有 ${same.number}号 ${same.name}（${same.unit || "未填单位"}）同名同单位，可能是重复导入`,
      ],
    };
  });
  return { ...preview, rows, duplicates };
}
