import { and, desc, eq, inArray } from "drizzle-orm";
import {
  type AnomalyKind,
  isNomineeBurst,
  judgeTiming,
  THRESHOLDS,
  WINDOW_MS,
  windowStart,
} from "../../domain/anomaly";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { type AnomalyFlag, anomalyFlags, type Campaign, campaigns } from "../schema";
import { actorLabel } from "./audit";
import { findInCampaign } from "./campaign-rows";
import { statusChangeStatements } from "./ledger-status";

/**
 * The anomaly review: a scan that turns ledger patterns into flags (run by the Cron Trigger and on
 * demand), and the organizer's decision on each — void its likes or clear it, with a reason, in
 * one batch with the audit entry. Flags and ledger rows are never deleted.
 */

interface FoundFlag {
  kind: AnomalyKind;
  subject: string;
  windowStart: number;
  windowEnd: number;
  likes: number;
  detail: Record<string, unknown>;
}

/** Rescans this far behind the last scan, so a window still filling up is counted again. */
const RESCAN_MS = 2 * WINDOW_MS;

export async function scanAnomalies(db: Database, campaign: Campaign, now: number) {
  const since = windowStart(
    Math.max(campaign.opensAt, (campaign.anomalyScannedAt ?? 0) - RESCAN_MS),
  );
  const d1 = db.$client;
  const id = campaign.id;
  // Inlined, not bound: a bound JS number may arrive as REAL and make the division fractional.
  const W = WINDOW_MS;
  const [nomineeWindows, usual, prefixWindows, voterWindows, noPageWindows, fastVoters] =
    await d1.batch([
      d1
        .prepare(
          `SELECT n.number AS subject, (l.created_at / ${W}) * ${W} AS windowStart, COUNT(*) AS likes
           FROM likes l JOIN nominees n ON n.id = l.nominee_id
           WHERE l.campaign_id = ?1 AND l.created_at >= ?2
           GROUP BY l.nominee_id, windowStart HAVING COUNT(*) >= ?3`,
        )
        .bind(id, since, THRESHOLDS.nomineeBurstMin),
      // Each nominee's usual likes per window since opening (all likes, voided included).
      d1
        .prepare(
          `SELECT number AS subject, likes + voided_likes AS total FROM nominees WHERE campaign_id = ?1`,
        )
        .bind(id),
      d1
        .prepare(
          `SELECT ip_prefix_hash AS subject, (created_at / ${W}) * ${W} AS windowStart, COUNT(*) AS likes
           FROM likes WHERE campaign_id = ?1 AND created_at >= ?2
           GROUP BY ip_prefix_hash, windowStart HAVING COUNT(*) >= ?3`,
        )
        .bind(id, since, THRESHOLDS.prefixBurstMin),
      d1
        .prepare(
          `SELECT voter_hash AS subject, (created_at / ${W}) * ${W} AS windowStart, COUNT(*) AS likes
           FROM likes WHERE campaign_id = ?1 AND created_at >= ?2
           GROUP BY voter_hash, windowStart HAVING COUNT(*) >= ?3`,
        )
        .bind(id, since, THRESHOLDS.voterBurstMin),
      d1
        .prepare(
          `SELECT ip_prefix_hash AS subject, (created_at / ${W}) * ${W} AS windowStart, COUNT(*) AS likes
           FROM likes WHERE campaign_id = ?1 AND created_at >= ?2 AND (signals & 1) = 1
           GROUP BY ip_prefix_hash, windowStart HAVING COUNT(*) >= ?3`,
        )
        .bind(id, since, THRESHOLDS.noPageLoadMin),
      // Voters active since the last scan with enough likes that day to judge their timing: all
      // their like times that day.
      d1
        .prepare(
          `SELECT l.voter_hash AS voter, l.day, l.created_at AS at
           FROM likes l
           JOIN (SELECT voter_hash, day FROM likes
                 WHERE campaign_id = ?1 AND created_at >= ?2
                 GROUP BY voter_hash, day) a ON a.voter_hash = l.voter_hash AND a.day = l.day
           WHERE l.campaign_id = ?1
             AND (SELECT COUNT(*) FROM likes x WHERE x.campaign_id = ?1 AND x.voter_hash = l.voter_hash
                  AND x.day = l.day) >= ?3
           ORDER BY l.voter_hash, l.day, l.created_at`,
        )
        .bind(id, since, THRESHOLDS.timingMinLikes),
    ]);

  const found: FoundFlag[] = [];
  const windows = Math.max(1, Math.ceil((Math.min(now, campaign.closesAt) - campaign.opensAt) / W));
  const usualBy = new Map(
    ((usual?.results ?? []) as { subject: number; total: number }[]).map((r) => [
      String(r.subject),
      r.total / windows,
    ]),
  );
  type Row = { subject: string | number; windowStart: number; likes: number };
  const rows = (r: D1Result | undefined) => (r?.results ?? []) as Row[];
  for (const r of rows(nomineeWindows)) {
    const usualRate = usualBy.get(String(r.subject)) ?? 0;
    if (isNomineeBurst(r.likes, usualRate)) {
      found.push(flag("nominee_burst", r, { usualPerWindow: Math.round(usualRate * 10) / 10 }));
    }
  }
  for (const r of rows(prefixWindows)) found.push(flag("prefix_burst", r, {}));
  for (const r of rows(voterWindows)) found.push(flag("voter_burst", r, {}));
  for (const r of rows(noPageWindows)) found.push(flag("no_page_load", r, {}));

  const byVoterDay = new Map<string, number[]>();
  for (const r of (fastVoters?.results ?? []) as { voter: string; day: string; at: number }[]) {
    const key = `${r.voter}\n${r.day}`;
    byVoterDay.set(key, [...(byVoterDay.get(key) ?? []), r.at]);
  }
  for (const [key, times] of byVoterDay) {
    const verdict = judgeTiming(times);
    if (!verdict.machine) continue;
    const [voter = "", day = ""] = key.split("\n");
    found.push({
      kind: "machine_timing",
      subject: voter,
      windowStart: times[0] ?? 0,
      windowEnd: (times[times.length - 1] ?? 0) + 1,
      likes: times.length,
      detail: { day, ...verdict, machine: undefined },
    });
  }

  const statements = found.map((f) =>
    db
      .insert(anomalyFlags)
      .values({ campaignId: id, ...f, status: "open", createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [
          anomalyFlags.campaignId,
          anomalyFlags.kind,
          anomalyFlags.subject,
          anomalyFlags.windowStart,
        ],
        set: {
          likes: f.likes,
          windowEnd: f.windowEnd,
          detail: f.detail,
          updatedAt: now,
        },
        // A decided flag stays as decided.
        setWhere: eq(anomalyFlags.status, "open"),
      }),
  );
  await db.batch([
    db.update(campaigns).set({ anomalyScannedAt: now }).where(eq(campaigns.id, id)),
    ...statements,
  ]);
  return found.length;
}

function flag(
  kind: AnomalyKind,
  r: { subject: string | number; windowStart: number; likes: number },
  detail: Record<string, unknown>,
): FoundFlag {
  return {
    kind,
    subject: String(r.subject),
    windowStart: r.windowStart,
    windowEnd: r.windowStart + WINDOW_MS,
    likes: r.likes,
    detail,
  };
}

/** The ledger rows a flag is about, as SQL over `likes l` (bound from ?2 on; ?1 = campaign). */
function flagSelector(f: AnomalyFlag): { where: string; params: (string | number)[] } {
  const window = "l.created_at >= ?2 AND l.created_at < ?3";
  const base = [f.windowStart, f.windowEnd];
  switch (f.kind) {
    case "nominee_burst":
      return {
        where: `${window} AND l.nominee_id = (SELECT id FROM nominees WHERE campaign_id = ?1 AND number = ?4)`,
        params: [...base, Number(f.subject)],
      };
    case "prefix_burst":
      return { where: `${window} AND l.ip_prefix_hash = ?4`, params: [...base, f.subject] };
    case "no_page_load":
      return {
        where: `${window} AND l.ip_prefix_hash = ?4 AND (l.signals & 1) = 1`,
        params: [...base, f.subject],
      };
    case "voter_burst":
    case "machine_timing":
      return { where: `${window} AND l.voter_hash = ?4`, params: [...base, f.subject] };
  }
}

export interface FlagView extends AnomalyFlag {
  /** Of the flag's likes, how many still count. */
  countedNow: number;
  /** Of the flag's likes, how many are held (待核验). */
  heldNow: number;
}

export async function listFlags(
  db: Database,
  campaignId: number,
  status: "open" | "voided" | "cleared" | "all",
): Promise<FlagView[]> {
  const flags = await db
    .select()
    .from(anomalyFlags)
    .where(
      status === "all"
        ? eq(anomalyFlags.campaignId, campaignId)
        : and(eq(anomalyFlags.campaignId, campaignId), eq(anomalyFlags.status, status)),
    )
    .orderBy(desc(anomalyFlags.id))
    .limit(500);
  if (flags.length === 0) return [];
  const d1 = db.$client;
  const counts = await d1.batch(
    flags.map((f) => {
      const s = flagSelector(f);
      return d1
        .prepare(
          `SELECT COALESCE(SUM(l.status = 'counted'), 0) AS n, COALESCE(SUM(l.status = 'held'), 0) AS held
           FROM likes l WHERE l.campaign_id = ?1 AND l.status IN ('counted', 'held') AND ${s.where}`,
        )
        .bind(campaignId, ...s.params);
    }),
  );
  return flags.map((f, i) => ({
    ...f,
    countedNow: (counts[i]?.results?.[0] as { n: number } | undefined)?.n ?? 0,
    heldNow: (counts[i]?.results?.[0] as { held: number } | undefined)?.held ?? 0,
  }));
}

export const findFlag = (db: Database, campaignId: number, id: number) =>
  findInCampaign(db, anomalyFlags, campaignId, id);

/**
 * Decides an open flag: `void` voids its likes that still count or are held (reason and who on
 * every row, counts drop at once); `clear` keeps its counted likes and releases its held ones (the
 * flag was an honest surge: they count now). The decision on the flag, the status change (one
 * ledger decision, chained events) and the audit entry land in one batch; the status change and
 * the audit entry take effect only if this request's decision was the one recorded.
 * Returns the likes voided or released, or null when the flag had already been decided.
 */
export async function decideFlag(
  db: Database,
  flag: AnomalyFlag,
  decision: "void" | "clear",
  reason: string,
  actor: Organizer,
  now: number,
): Promise<{ voided: number; released: number } | null> {
  const by = actorLabel(actor);
  const d1 = db.$client;
  const s = flagSelector(flag);
  const status = decision === "void" ? "voided" : "cleared";
  // A nonce in the decision makes "this request decided it" exact, whatever else runs at once.
  // Hex only: it is inlined in the guard below.
  const stamp = `#${crypto.randomUUID()}`;
  const guard = `EXISTS (SELECT 1 FROM anomaly_flags WHERE id = ${Number(flag.id)} AND decided_by = '${stamp}')`;
  const rowReason = `异常标记 #${flag.id}：${reason}`;
  const change = statusChangeStatements(
    db,
    flag.campaignId,
    {
      action: decision === "void" ? "void_flag" : "release",
      filter: {},
      reason: rowReason,
      actor,
      now,
      auditAction: `flags.${decision}`,
      auditBefore: { flag: flag.id, kind: flag.kind, subject: flag.subject, status: "open" },
      auditAfter: { status, reason, voided: 0 },
    },
    { onlyIf: guard, rows: s },
  );
  const [decided, , recorded] = await d1.batch([
    d1
      .prepare(
        `UPDATE anomaly_flags SET status = ?2, decision_reason = ?3, decided_by = ?4,
                decided_at = ?5, updated_at = ?5
         WHERE id = ?1 AND status = 'open' RETURNING id`,
      )
      .bind(flag.id, status, reason, stamp, now),
    ...change.statements,
    d1
      .prepare("UPDATE anomaly_flags SET decided_by = ?2 WHERE id = ?1 AND decided_by = ?3")
      .bind(flag.id, by, stamp),
  ]);
  if ((decided?.results ?? []).length === 0) return null;
  const rows = (recorded?.results?.[0] as { rows: number } | undefined)?.rows ?? 0;
  return decision === "void" ? { voided: rows, released: 0 } : { voided: 0, released: rows };
}

/** Campaigns with likes written since their last scan. */
export async function campaignsToScan(db: Database): Promise<Campaign[]> {
  const { results } = await db.$client
    .prepare(
      `SELECT c.id FROM campaigns c
       WHERE EXISTS (SELECT 1 FROM likes l WHERE l.campaign_id = c.id
                     AND l.created_at >= COALESCE(c.anomaly_scanned_at, 0))`,
    )
    .all<{ id: number }>();
  if (results.length === 0) return [];
  const ids = results.map((r) => r.id).slice(0, 90); // D1 binds at most 100 values
  return db.select().from(campaigns).where(inArray(campaigns.id, ids));
}
