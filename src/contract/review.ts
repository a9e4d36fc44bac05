import * as v from "valibot";
import { Checkpoint, IsoTime, NullableTime } from "./common";

/** The review's answers: anomaly flags, held likes, status changes, the ledger in detail. */

export const Flag = v.object({
  id: v.number(),
  kind: v.picklist([
    "nominee_burst",
    "prefix_burst",
    "voter_burst",
    "no_page_load",
    "machine_timing",
  ]),
  /** Nominee number, IP prefix hash or voter hash, by kind. */
  subject: v.string(),
  windowStart: IsoTime,
  windowEnd: IsoTime,
  likes: v.number(),
  countedNow: v.optional(v.number()),
  heldNow: v.optional(v.number()),
  detail: v.record(v.string(), v.unknown()),
  status: v.picklist(["open", "voided", "cleared"]),
  decisionReason: v.nullable(v.string()),
  decidedBy: v.nullable(v.string()),
  decidedAt: NullableTime,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const FlagList = v.object({ scannedAt: NullableTime, flags: v.array(Flag) });

export const StatusCounts = v.object({ counted: v.number(), held: v.number(), voided: v.number() });

export const HeldLikes = v.object({
  held: v.number(),
  nominees: v.array(v.object({ number: v.number(), name: v.string(), held: v.number() })),
});

export const StatusChanges = v.object({
  changes: v.array(
    v.object({
      id: v.string(),
      action: v.picklist(["void", "release", "void_held", "void_flag", "reinstate"]),
      reason: v.string(),
      actor: v.string(),
      rows: v.number(),
      /** Rows whose status this decision still sets (a void not yet reinstated, …). */
      standing: v.number(),
      at: IsoTime,
    }),
  ),
});

export const AdminLedger = v.object({ checkpoints: v.array(Checkpoint) });
export const Sealed = v.object({ sealed: v.number(), head: v.nullable(Checkpoint) });
