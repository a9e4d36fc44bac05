import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { campaignKey, serialId, timestamps } from "./columns";

/**
 * Patterns worth an organizer's look (bursts, clients that never loaded a page, machine timing).
 * A flag is decided with a reason — its likes voided, or the flag cleared — and never deleted.
 */
export const anomalyFlags = sqliteTable(
  "anomaly_flags",
  {
    id: serialId(),
    campaignId: campaignKey(),
    kind: text("kind", {
      enum: ["nominee_burst", "prefix_burst", "voter_burst", "no_page_load", "machine_timing"],
    }).notNull(),
    /** Nominee number, IP prefix hash or voter hash, by kind. */
    subject: text("subject").notNull(),
    windowStart: integer("window_start").notNull(),
    windowEnd: integer("window_end").notNull(),
    likes: integer("likes").notNull(),
    /** JSON: what was seen (e.g. the usual rate it is compared with). */
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    status: text("status", { enum: ["open", "voided", "cleared"] })
      .notNull()
      .default("open"),
    decisionReason: text("decision_reason"),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("anomaly_flags_window").on(t.campaignId, t.kind, t.subject, t.windowStart),
    index("anomaly_flags_status").on(t.campaignId, t.status, t.id),
  ],
);

/** Every organizer action: who, when, what, before/after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: serialId(),
    campaignId: integer("campaign_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    /** JSON snapshots; null where there is nothing before (create) or after (delete). */
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("audit_log_campaign").on(t.campaignId, t.id)],
);

export type AnomalyFlag = typeof anomalyFlags.$inferSelect;
