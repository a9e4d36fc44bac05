/**
 * The columns of votes.csv in both languages. The file has Chinese headers and statuses by default
 * (as export.csv has) and English ones with `?lang=en`; `npm run verify` reads either.
 * The network hash and the signals are an admin's only (docs/privacy.md): observers' files end
 * after `as_of_event`, so an observer's file is an admin's without its last two columns and
 * `npm run verify` finds every column it needs in both.
 *
 * The `#event` lines after the rows carry statuses too: their from/to use the same words
 * (`ledgerStatus`), their marker and the trailer lines stay as they are (machine-read).
 */

export type LedgerLang = "zh" | "en";

/** In file order; `adminOnly` columns come last so the others keep their positions. */
export const LEDGER_COLUMNS = [
  { key: "id", zh: "记录号" },
  { key: "time", zh: "时间" },
  { key: "number", zh: "候选人编号" },
  { key: "voter_hash", zh: "投票人哈希" },
  { key: "ip_hash", zh: "IP哈希" },
  { key: "status", zh: "状态" },
  { key: "void_reason", zh: "核减原因" },
  { key: "voided_by", zh: "核减人" },
  { key: "receipt", zh: "回执码" },
  { key: "day", zh: "投票日" },
  { key: "as_of_event", zh: "状态截至事件" },
  { key: "ip_prefix_hash", zh: "网段哈希", adminOnly: true },
  { key: "signals", zh: "请求特征", adminOnly: true },
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]["key"];

/**
 * A like's status in the Chinese file (held: 待核验, as the console and the public pages say);
 * unknown statuses are written as they are.
 */
export const LEDGER_STATUS_ZH: Record<string, string> = {
  counted: "有效",
  voided: "已核减",
  held: "待核验",
};

/** The header row for a reader: every column for an admin, without the admin-only ones otherwise. */
export function ledgerHeader(lang: LedgerLang, admin: boolean): string[] {
  return LEDGER_COLUMNS.filter((c) => admin || !("adminOnly" in c)).map((c) =>
    lang === "zh" ? c.zh : c.key,
  );
}

/** How many columns a reader gets (a row is cut to the header's length). */
export function ledgerWidth(admin: boolean): number {
  return LEDGER_COLUMNS.filter((c) => admin || !("adminOnly" in c)).length;
}

export function ledgerStatus(status: string, lang: LedgerLang): string {
  return lang === "zh" ? (LEDGER_STATUS_ZH[status] ?? status) : status;
}

/** A header cell in either language → its English key (unknown cells stay as they are). */
export function ledgerColumnKey(cell: string): string {
  const name = cell.trim();
  return LEDGER_COLUMNS.find((c) => c.zh === name)?.key ?? name;
}

/** A status cell in either language → the English status. */
export function ledgerStatusKey(cell: string): string {
  const value = cell.trim();
  return Object.entries(LEDGER_STATUS_ZH).find(([, zh]) => zh === value)?.[0] ?? value;
}
