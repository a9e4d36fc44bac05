import * as v from "valibot";
import {
  CampaignName,
  CampaignSchedule,
  CampaignStatus,
  Checkpoint,
  CombinedMethod,
  IdentityMode,
  IsoTime,
  NomineeProfile,
  Notice,
  NullableTime,
  RankedNominee,
  Rules,
  ShowCounts,
} from "./common";

/** The organizer API's answers (DESIGN §4): everything, counts always included. */

export const AdminCampaign = v.object({
  ...CampaignName,
  description: v.string(),
  status: v.union([CampaignStatus, v.literal("draft")]),
  draft: v.boolean(),
  paused: v.boolean(),
  timeZone: v.string(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  closedAt: NullableTime,
  publishedAt: NullableTime,
  rules: Rules,
  showCounts: ShowCounts,
  nomineeOrder: v.picklist(["number", "shuffle"]),
  identityMode: IdentityMode,
  /** Issue 16: where likes are written, and N like shards. */
  ingest: v.picklist(["direct", "sharded"]),
  shards: v.number(),
  protection: v.object({
    challengePrefixPerMinute: v.nullable(v.number()),
    challengeVoterPerMinute: v.nullable(v.number()),
    challengeDifficulty: v.number(),
    holdFlagged: v.boolean(),
    retentionDays: v.nullable(v.number()),
  }),
  detailPurgedAt: NullableTime,
  notice: Notice,
  publishedHonorees: v.nullable(v.array(v.number())),
  publicationWithdrawnAt: NullableTime,
  candidateCount: v.number(),
  totalLikes: v.number(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type AdminCampaign = v.InferOutput<typeof AdminCampaign>;

export const AdminCampaignList = v.object({ campaigns: v.array(AdminCampaign) });

export const AdminNominee = v.object({
  number: v.number(),
  ...NomineeProfile,
  honoree: v.boolean(),
  nominatingUnit: v.nullable(v.string()),
  likes: v.number(),
  voidedLikes: v.number(),
});
export type AdminNominee = v.InferOutput<typeof AdminNominee>;

export const AdminNomineeList = v.object({ items: v.array(AdminNominee) });

/** A row of the committee's combined result (likes and jury scores, issue 7). */
export const CombinedRow = v.object({
  ...RankedNominee,
  publicRank: v.number(),
  publicScore: v.number(),
  committeeScore: v.nullable(v.number()),
  committeeRank: v.nullable(v.number()),
  scoresGiven: v.number(),
  scoresMissing: v.number(),
  combinedScore: v.number(),
  /** Other nominees with the same combined score, and what decided the order among them. */
  tie: v.nullable(
    v.object({ with: v.array(v.number()), brokenBy: v.picklist(["committee", "number"]) }),
  ),
  honoree: v.boolean(),
});

export const Combined = v.object({
  ...CombinedMethod,
  jurors: v.number(),
  tieBreak: v.array(v.string()),
  rows: v.array(CombinedRow),
});

/** One row of the final counts, as export.csv has it, ranked (1, 2, 2, 4). */
export const ExportRow = v.object({
  rank: v.number(),
  number: v.number(),
  name: v.string(),
  position: v.string(),
  unit: v.string(),
  group: v.string(),
  likes: v.number(),
  combined: v.optional(
    v.object({
      publicScore: v.number(),
      committeeScore: v.nullable(v.number()),
      combinedScore: v.number(),
      combinedRank: v.number(),
      honoree: v.boolean(),
    }),
  ),
});

/** export.json: the final counts with the campaign, the ledger head and the CSV's sha256. */
export const ResultsExport = v.object({
  campaign: v.object({
    ...CampaignName,
    status: v.union([CampaignStatus, v.literal("draft")]),
    ...CampaignSchedule,
  }),
  exportedAt: IsoTime,
  totalLikes: v.number(),
  candidates: v.array(ExportRow),
  combined: v.optional(Combined),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  sha256Of: v.string(),
  ledger: v.object({ ...v.omit(Checkpoint, ["time"]).entries, time: NullableTime }),
});

export const Voided = v.object({ voided: v.number() });

/** Who is signed in (other fields may follow: the account's names, the session's expiry). */
export const Session = v.looseObject({
  role: v.picklist(["admin", "observer"]),
  name: v.string(),
  expiresAt: v.optional(v.string()),
});

const Role = v.picklist(["admin", "observer"]);

/** A named organizer account (times in ms since the epoch, as stored). */
export const Account = v.object({
  id: v.number(),
  username: v.string(),
  displayName: v.string(),
  role: Role,
  disabled: v.boolean(),
  totp: v.boolean(),
  /** Slugs of the campaigns the account is limited to; empty = every campaign. */
  campaigns: v.array(v.string()),
  createdAt: v.number(),
  lastLoginAt: v.nullable(v.number()),
});
export const AccountList = v.object({ accounts: v.array(Account) });
export const AccountAnswer = v.object({ account: Account });

export const OwnAccount = v.object({
  username: v.string(),
  displayName: v.string(),
  role: Role,
  totp: v.boolean(),
  campaignIds: v.nullable(v.array(v.number())),
});

export const AuditPage = v.object({
  entries: v.array(
    v.object({
      id: v.number(),
      at: IsoTime,
      actor: v.string(),
      action: v.string(),
      before: v.unknown(),
      after: v.unknown(),
    }),
  ),
  next: v.nullable(v.number()),
});

export const CampaignCopy = v.object({
  campaign: AdminCampaign,
  invitations: v.array(v.object({ unit: v.string(), url: v.string() })),
  jurors: v.array(v.object({ name: v.string(), url: v.string() })),
});

/** The like shards' state (GET …/ingest, issue 16). */
export const Ingest = v.object({
  ingest: v.picklist(["direct", "sharded"]),
  shards: v.number(),
  pending: v.number(),
  flushes: v.number(),
  flushedLikes: v.number(),
  lagP99Ms: v.nullable(v.number()),
});
export type IngestState = v.InferOutput<typeof Ingest>;

/** The live dashboard: totals, the ranking with tallies, groups, likes per hour, refusals. */
export const Dashboard = v.object({
  campaign: AdminCampaign,
  generatedAt: IsoTime,
  totals: v.object({
    likes: v.number(),
    voided: v.number(),
    held: v.number(),
    nominees: v.number(),
  }),
  ranking: v.array(
    v.object({
      ...RankedNominee,
      voidedLikes: v.number(),
      heldLikes: v.number(),
      honoree: v.boolean(),
    }),
  ),
  groups: v.array(v.object({ group: v.string(), nominees: v.number(), likes: v.number() })),
  likesPerHour: v.array(v.object({ hour: IsoTime, likes: v.number() })),
  rejections: v.array(v.object({ reason: v.string(), count: v.number() })),
});
