import { createHash } from "node:crypto";

/**
 * The ledger's hash chain. Every ledger row, oldest first, extends the chain:
 *
 *   h₀ = 64 zeros,   hᵢ = sha256(hᵢ₋₁ + "\n" + canonical(rowᵢ))   (hex)
 *
 * canonical(row) = id|unix seconds|number|voter hash|IP hash|receipt|day — the columns of
 * votes.csv that never change once a like is written (a void changes only the status, which the
 * audit log explains). A checkpoint publishes (count, hₙ): whoever holds an export can recompute
 * the chain and see whether any sealed row was added, dropped or altered (scripts/verify.ts). The
 * same code runs in the Worker (sealing) and in Node (verifying).
 */

export const GENESIS = "0".repeat(64);

export interface ChainRow {
  id: number;
  /** Seconds since the epoch (votes.csv carries second precision). */
  seconds: number;
  number: number;
  voterHash: string;
  ipHash: string;
  receipt: string;
  day: string;
}

export function canonicalRow(r: ChainRow): string {
  return `${r.id}|${r.seconds}|${r.number}|${r.voterHash}|${r.ipHash}|${r.receipt}|${r.day}`;
}

/** One link of a chain: sha256(previous value + "\n" + the item's canonical text), hex. */
function link(prev: string, canonical: string): string {
  return createHash("sha256").update(`${prev}\n${canonical}`).digest("hex");
}

/** The chain's value after `items`, one `step` each, from `prev`. */
function fold<T>(prev: string, items: Iterable<T>, step: (h: string, item: T) => string): string {
  let h = prev;
  for (const item of items) h = step(h, item);
  return h;
}

export const chainStep = (prev: string, row: ChainRow): string => link(prev, canonicalRow(row));

export const extendChain = (prev: string, rows: Iterable<ChainRow>): string =>
  fold(prev, rows, chainStep);

/**
 * Status changes are chained too, separately from the rows (so the rows' chain, and every
 * checkpoint published before migration 0007, keeps its meaning). Events, oldest first:
 *
 *   e₀ = 64 zeros,   eᵢ = sha256(eᵢ₋₁ + "\n" + JSON([id, like id, from, to, change, seconds, actor, reason]))
 *
 * JSON rather than `|`: reasons are free text, and a separator inside one must not be able to
 * move text from the reason into the actor.
 */
export type LedgerStatus = "counted" | "held" | "voided";

export interface ChainEvent {
  id: number;
  likeId: number;
  from: LedgerStatus;
  to: LedgerStatus;
  /** The decision (ledger_changes.id) this event belongs to: which rows moved together. */
  change: string;
  /** Seconds since the epoch of the decision. */
  seconds: number;
  actor: string;
  reason: string;
}

export function canonicalEvent(e: ChainEvent): string {
  return JSON.stringify([e.id, e.likeId, e.from, e.to, e.change, e.seconds, e.actor, e.reason]);
}

export const eventStep = (prev: string, e: ChainEvent): string => link(prev, canonicalEvent(e));

export const extendEventChain = (prev: string, events: Iterable<ChainEvent>): string =>
  fold(prev, events, eventStep);

/** The transitions the ledger allows (the same rule as the `likes_status_transition` trigger). */
export function allowedTransition(from: LedgerStatus, to: LedgerStatus): boolean {
  return (
    (from === "held" && (to === "counted" || to === "voided")) ||
    (from === "counted" && to === "voided") ||
    (from === "voided" && to === "counted")
  );
}

/**
 * The counted total per nominee at a checkpoint, as published: every nominee with at least one
 * sealed row, by number, `[[number, counted], …]` as JSON, hashed. Nominees without rows are left
 * out, so an auditor can rebuild the list from votes.csv alone.
 */
export function canonicalCounts(counts: Iterable<[number, number]>): string {
  return JSON.stringify([...counts].sort((a, b) => a[0] - b[0]));
}

export function countsHash(counts: Iterable<[number, number]>): string {
  return createHash("sha256").update(canonicalCounts(counts)).digest("hex");
}
