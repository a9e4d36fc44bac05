import type { LedgerStatus } from "../../domain/ledger-chain";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { actorLabel } from "./audit";

/**
 * Changing ledger statuses in bulk: void (counted → voided), release and void held likes
 * (held → counted / voided), reinstate voids (voided → counted). Each is one organizer decision
 * (a `ledger_changes` row: who, when, why, how many) and one batch: the UPDATE, the decision and
 * the audit entry land together or not at all. The triggers move the counters and write one
 * `ledger_events` row per changed row in the UPDATE itself (migration 0007), so counters == rows
 * and every change is chained whatever races it: two decisions on the same rows serialise in
 * D1, and the second one's `status IN (…)` no longer matches what the first one moved.
 */

export interface LedgerFilter {
  voterHash?: string;
  ipHash?: string;
  /** ip_prefix_hash: the IPv4 /24 or IPv6 /64 (DESIGN §2 "Network"). */
  network?: string;
  from?: number;
  to?: number;
  nomineeId?: number;
  /** A receipt code: one row. */
  receipt?: string;
  /** Only the rows whose current status this decision (ledger_changes.id) set: undo one decision. */
  change?: string;
}

export type LedgerAction = "void" | "release" | "void_held" | "void_flag" | "reinstate";

const MOVES: Record<LedgerAction, { from: LedgerStatus[]; to: LedgerStatus }> = {
  void: { from: ["counted"], to: "voided" },
  release: { from: ["held"], to: "counted" },
  void_held: { from: ["held"], to: "voided" },
  /** An anomaly flag's void: its likes, counted or held. */
  void_flag: { from: ["counted", "held"], to: "voided" },
  reinstate: { from: ["voided"], to: "counted" },
};

/** The filter as SQL over `likes l`, bound from `?{first}` on. */
export function filterSql(
  filter: LedgerFilter,
  first: number,
): { where: string[]; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, value: string | number) => {
    params.push(value);
    where.push(sql.replace("?", `?${first + params.length - 1}`));
  };
  if (filter.voterHash) add("l.voter_hash = ?", filter.voterHash);
  if (filter.ipHash) add("l.ip_hash = ?", filter.ipHash);
  if (filter.network) add("l.ip_prefix_hash = ?", filter.network);
  if (filter.from !== undefined) add("l.created_at >= ?", filter.from);
  if (filter.to !== undefined) add("l.created_at < ?", filter.to);
  if (filter.nomineeId !== undefined) add("l.nominee_id = ?", filter.nomineeId);
  if (filter.receipt) add("l.receipt = ?", filter.receipt);
  if (filter.change) add("l.status_change = ?", filter.change);
  return { where, params };
}

export interface StatusChange {
  action: LedgerAction;
  filter: LedgerFilter;
  reason: string;
  actor: Organizer;
  now: number;
  /** The audit log's action name (default `votes.<action>`). */
  auditAction?: string;
  /** What the audit entry's `before` records (default: the filter and the reason). */
  auditBefore?: Record<string, unknown>;
  /** Added to the audit entry's `after` (which always says how many rows moved). */
  auditAfter?: Record<string, unknown>;
}

/** Rows changed, and the decision's id (null when nothing matched). */
export interface StatusChangeResult {
  rows: number;
  change: string | null;
}

/** The statements of one decision, for callers that add their own to the same batch. */
export function statusChangeStatements(
  db: Database,
  campaignId: number,
  c: StatusChange,
  guard: {
    /**
     * A condition, literals only (no parameters, no `l.`), that the rows and the audit entry
     * need, e.g. "this request's decision on the flag is the one recorded".
     */
    onlyIf?: string;
    /** More conditions on the rows over `l`: `?1` is the campaign, its own parameters from `?2`. */
    rows?: { where: string; params: (string | number)[] };
  } = {},
) {
  const d1 = db.$client;
  const move = MOVES[c.action];
  const by = actorLabel(c.actor);
  const change = crypto.randomUUID();
  // ?1 campaign, ?2 change, and for a void ?3 reason, ?4 by, ?5 now; the filters after them.
  const head: (string | number)[] =
    move.to === "voided" ? [campaignId, change, c.reason, by, c.now] : [campaignId, change];
  const f = filterSql(c.filter, head.length + 1);
  const from = move.from.map((s) => `'${s}'`).join(", ");
  const set =
    move.to === "voided"
      ? "status = 'voided', status_change = ?2, void_reason = ?3, voided_by = ?4, voided_at = ?5"
      : "status = 'counted', status_change = ?2, void_reason = NULL, voided_by = NULL, voided_at = NULL";
  const where = [`l.campaign_id = ?1`, `l.status IN (${from})`, ...f.where];
  const params: (string | number)[] = [...head, ...f.params];
  if (guard.rows) {
    const shift = params.length - 1;
    where.push(
      guard.rows.where.replaceAll(/\?(\d+)/g, (_, n: string) =>
        n === "1" ? "?1" : `?${Number(n) + shift}`,
      ),
    );
    params.push(...guard.rows.params);
  }
  if (guard.onlyIf) where.push(guard.onlyIf);
  const update = d1
    .prepare(`UPDATE likes AS l SET ${set} WHERE ${where.join(" AND ")}`)
    .bind(...params);
  // changes(): the ledger rows the UPDATE just moved (trigger writes are not counted).
  const decision = d1
    .prepare(
      `INSERT INTO ledger_changes (id, campaign_id, action, reason, actor, rows, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, changes(), ?6 WHERE changes() > 0 RETURNING rows`,
    )
    .bind(change, campaignId, c.action, c.reason, by, c.now);
  const key = {
    void: "voided",
    release: "released",
    void_held: "voided",
    void_flag: "voided",
    reinstate: "reinstated",
  }[c.action];
  const audit = d1
    .prepare(
      `INSERT INTO audit_log (campaign_id, actor, action, before, after, created_at)
       SELECT ?1, ?2, ?3, ?4,
              json_patch(?7, json_object(?5, COALESCE((SELECT rows FROM ledger_changes WHERE id = ?6), 0))),
              ?8
       ${guard.onlyIf ? `WHERE ${guard.onlyIf}` : ""}`,
    )
    .bind(
      campaignId,
      by,
      c.auditAction ?? `votes.${c.action}`,
      JSON.stringify(c.auditBefore ?? { filter: c.filter, reason: c.reason }),
      key,
      change,
      JSON.stringify(c.auditAfter ?? {}),
      c.now,
    );
  return { change, statements: [update, decision, audit] as const };
}

/** Applies one decision; see the module comment. */
export async function changeStatus(
  db: Database,
  campaignId: number,
  c: StatusChange,
): Promise<StatusChangeResult> {
  const { change, statements } = statusChangeStatements(db, campaignId, c);
  const [, decision] = await db.$client.batch(statements as unknown as D1PreparedStatement[]);
  const rows = (decision?.results?.[0] as { rows: number } | undefined)?.rows ?? 0;
  return { rows, change: rows > 0 ? change : null };
}

export interface StatusCounts {
  counted: number;
  held: number;
  voided: number;
}

/** How many ledger rows match a filter, by status: the preview before a bulk decision. */
export async function countMatches(
  db: Database,
  campaignId: number,
  filter: LedgerFilter,
): Promise<StatusCounts> {
  const f = filterSql(filter, 2);
  const row = await db.$client
    .prepare(
      `SELECT COALESCE(SUM(l.status = 'counted'), 0) AS counted,
              COALESCE(SUM(l.status = 'held'), 0) AS held,
              COALESCE(SUM(l.status = 'voided'), 0) AS voided
       FROM likes l WHERE ${["l.campaign_id = ?1", ...f.where].join(" AND ")}`,
    )
    .bind(campaignId, ...f.params)
    .first<StatusCounts>();
  return row ?? { counted: 0, held: 0, voided: 0 };
}

export interface ChangeView {
  id: string;
  action: LedgerAction;
  reason: string;
  actor: string;
  rows: number;
  createdAt: number;
  /** Rows whose current status this decision still sets (a void not yet reinstated, …). */
  standing: number;
}

/** The newest decisions of the given kinds, with how many of their rows still stand. */
export async function listChanges(
  db: Database,
  campaignId: number,
  actions: LedgerAction[],
  limit = 20,
): Promise<ChangeView[]> {
  const kinds = actions.map((a) => `'${a}'`).join(", ");
  const { results } = await db.$client
    .prepare(
      `SELECT c.id, c.action, c.reason, c.actor, c.rows, c.created_at AS createdAt,
              (SELECT COUNT(*) FROM likes l WHERE l.campaign_id = ?1 AND l.status_change = c.id)
                AS standing
       FROM ledger_changes c
       WHERE c.campaign_id = ?1 AND c.action IN (${kinds})
       ORDER BY c.created_at DESC, c.rowid DESC LIMIT ?2`,
    )
    .bind(campaignId, limit)
    .all<ChangeView>();
  return results;
}

export interface HeldNominee {
  number: number;
  name: string;
  held: number;
}

/** Nominees with held likes (from the counters), most held first. */
export async function heldByNominee(db: Database, campaignId: number): Promise<HeldNominee[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT number, name, held_likes AS held FROM nominees
       WHERE campaign_id = ?1 AND held_likes > 0 ORDER BY held_likes DESC, number`,
    )
    .bind(campaignId)
    .all<HeldNominee>();
  return results;
}
