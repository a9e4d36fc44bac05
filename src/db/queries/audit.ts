import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Organizer } from "../../types";
import type { Database } from "../client";
import { auditLog } from "../schema";

export interface AuditInput {
  campaignId: number | null;
  actor: Organizer;
  action: string;
  before?: unknown;
  after?: unknown;
  now: number;
}

/** "王主任 (admin, session)": who did it, in which role, signed in how. */
export function actorLabel(o: Organizer): string {
  return `${o.name} (${o.role}, ${o.via})`;
}

/**
 * The audit entry as a statement, to run in the same batch as the change it records, so a change
 * and its record land together or not at all.
 */
export function auditStatement(db: Database, e: AuditInput) {
  return db.insert(auditLog).values({
    campaignId: e.campaignId,
    actor: actorLabel(e.actor),
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
    createdAt: e.now,
  });
}

/**
 * Runs a change and its audit entry in one batch, so they land together or not at all, and
 * returns what the change returned (its rows, with `.returning()`).
 */
export async function audited<Q extends BatchItem<"sqlite">>(
  db: Database,
  change: Q,
  entry: AuditInput,
): Promise<Awaited<Q>> {
  const [result] = await db.batch([change, auditStatement(db, entry)]);
  return result as Awaited<Q>;
}

/** Newest first, keyset-paginated by id. */
export async function listAudit(
  db: Database,
  filter: { campaignId?: number; beforeId?: number; limit: number },
) {
  const conditions: SQL[] = [];
  if (filter.campaignId !== undefined) conditions.push(eq(auditLog.campaignId, filter.campaignId));
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
