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

export function chainStep(prev: string, row: ChainRow): string {
  return createHash("sha256")
    .update(`${prev}\n${canonicalRow(row)}`)
    .digest("hex");
}

export function extendChain(prev: string, rows: Iterable<ChainRow>): string {
  let h = prev;
  for (const r of rows) h = chainStep(h, r);
  return h;
}
