import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { campaignRef, nominees } from "./campaigns";
import {
  campaignKey,
  emptyText,
  linkIndexes,
  linkLifeColumns,
  profileColumns,
  serialId,
  timestamps,
} from "./columns";

/*
 * The selection around the vote (issue 7): units nominate through invitation links, organizers
 * review (初选), jurors score (审定), and a weighted combination of likes and scores informs the
 * honorees. Links are bearer secrets: only their SHA-256 is stored.
 */

/** How a campaign turns likes and committee scores into one combined score (domain/combined-score). */
export const selectionSettings = sqliteTable("selection_settings", {
  campaignId: campaignRef("cascade").primaryKey(),
  /** Units may submit until this time (ms); null = nominations are not open. */
  nominationsCloseAt: integer("nominations_close_at"),
  /** Default quota of a new invitation. */
  defaultQuota: integer("default_quota").notNull().default(3),
  /** Weight of the public's likes in percent; the committee has the rest. */
  weightPublic: integer("weight_public").notNull().default(30),
  publicMethod: text("public_method", { enum: ["share_of_max", "rank"] })
    .notNull()
    .default("share_of_max"),
  /** Set when the organizer closes scoring: jurors can no longer write and see the panel. */
  scoringClosedAt: integer("scoring_closed_at"),
  updatedAt: integer("updated_at").notNull(),
});

/** One invitation link per nominating unit. */
export const nominationInvites = sqliteTable(
  "nomination_invites",
  {
    id: serialId(),
    campaignId: campaignRef("cascade"),
    /** The nominating unit (推荐单位), e.g. 临县 or 市人社局. */
    unit: text("unit").notNull(),
    /** Default group of its nominees (县市区 / 市直单位). */
    groupName: emptyText("group_name"),
    contact: emptyText("contact"),
    /** SHA-256 (hex) of the link's token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    quota: integer("quota").notNull().default(3),
    ...linkLifeColumns(),
  },
  (t) => linkIndexes("nomination_invites", t),
);

/** A unit's nomination: a draft until submitted, then reviewed (初选). */
export const nominations = sqliteTable(
  "nominations",
  {
    id: serialId(),
    campaignId: campaignRef("cascade"),
    inviteId: integer("invite_id")
      .notNull()
      .references(() => nominationInvites.id),
    status: text("status", {
      enum: ["draft", "submitted", "returned", "accepted", "declined"],
    })
      .notNull()
      .default("draft"),
    name: emptyText("name"),
    ...profileColumns(),
    /** The reviewer's comment to the unit (why returned or declined). */
    reviewComment: emptyText("review_comment"),
    /** The nominee created on acceptance. */
    nomineeId: integer("nominee_id"),
    submittedAt: integer("submitted_at"),
    decidedAt: integer("decided_at"),
    decidedBy: text("decided_by"),
    ...timestamps(),
  },
  (t) => [
    index("nominations_invite").on(t.inviteId, t.id),
    index("nominations_campaign_status").on(t.campaignId, t.status, t.id),
  ],
);

/** A member of the joint meeting (联席会议) who scores nominees through a personal link. */
export const jurors = sqliteTable(
  "jurors",
  {
    id: serialId(),
    campaignId: campaignRef("cascade"),
    name: text("name").notNull(),
    /** SHA-256 (hex) of the link's token. */
    tokenHash: text("token_hash").notNull(),
    ...linkLifeColumns(),
  },
  (t) => linkIndexes("jurors", t),
);

/** One juror's score (0–100) for one nominee, with an optional note. */
export const jurorScores = sqliteTable(
  "juror_scores",
  {
    jurorId: integer("juror_id")
      .notNull()
      .references(() => jurors.id, { onDelete: "cascade" }),
    nomineeId: integer("nominee_id")
      .notNull()
      .references(() => nominees.id, { onDelete: "cascade" }),
    campaignId: campaignKey(),
    score: integer("score").notNull(),
    note: emptyText("note"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jurorId, t.nomineeId] }),
    index("juror_scores_campaign").on(t.campaignId),
  ],
);

export type SelectionSettings = typeof selectionSettings.$inferSelect;
export type NominationInvite = typeof nominationInvites.$inferSelect;
export type Nomination = typeof nominations.$inferSelect;
export type Juror = typeof jurors.$inferSelect;
export type JurorScore = typeof jurorScores.$inferSelect;
