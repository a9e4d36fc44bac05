/**
 * Bulk generator of the benchmark's database: writes straight into the local D1 file of the bench
 * state (`.bench/state/v3/d1/…/*.sqlite`, with no server running) through node:sqlite.
 *
 * - campaigns are loaded with the seed loader (`seedStatements`), so they are the rows the app
 *   expects whatever columns the schema grows;
 * - ledger rows go in through one prepared INSERT in one transaction, and the ledger's own
 *   triggers (migrations/0001, 0002) move every counter (nominees.likes, voter_days, like_hours),
 *   so counters == counted ledger rows by construction; `verifyCounters` proves it afterwards.
 *
 *   tsx scripts/bench/generate.ts <sqlite file> [likes] [voters]    (alone, for a look)
 */

import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { seedStatements } from "../../src/db/queries/seed";
import type { SeedCampaign } from "../../src/db/seed/types";
import { localDay } from "../../src/domain/time";
import { dayOfHour, ledgerPlan, syntheticLike, syntheticReceipt } from "./synthetic";

/** The D1 database file Miniflare keeps under a persistence root (`--persist-to`). */
export function d1File(persistTo: string): string {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (files.length !== 1)
    throw new Error(`expected one D1 database in ${dir}, found ${files.length}`);
  return join(dir, files[0] as string);
}

export function openDb(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  // This connection only: the file's journal mode is left as workerd made it.
  db.exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
  return db;
}

export function loadCampaign(db: DatabaseSync, campaign: SeedCampaign, now: number): number {
  db.exec("BEGIN");
  for (const sql of seedStatements(campaign, now)) db.exec(sql);
  db.exec("COMMIT");
  const row = db.prepare("SELECT id FROM campaigns WHERE slug = ?").get(campaign.slug) as
    | { id: number }
    | undefined;
  if (!row) throw new Error(`campaign ${campaign.slug} not created`);
  return row.id;
}

const hex32 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

export interface LedgerOptions {
  campaignId: number;
  likes: number;
  voters: number;
  now: number;
  /** Makes receipts and hashes unique to this campaign. */
  tag: number;
  onProgress?: (done: number) => void;
}

/** Inserts the synthetic ledger; returns the number of rows written. */
export function insertLedger(db: DatabaseSync, opts: LedgerOptions): number {
  const nominees = db
    .prepare("SELECT id, number FROM nominees WHERE campaign_id = ? ORDER BY number")
    .all(opts.campaignId) as { id: number; number: number }[];
  const nomineeId = nominees.map((n) => n.id);
  const plan = ledgerPlan(opts.likes, opts.voters, nominees.length, opts.now);
  const zone = (
    db.prepare("SELECT time_zone AS tz FROM campaigns WHERE id = ?").get(opts.campaignId) as {
      tz: string;
    }
  ).tz;
  const dayOf = dayOfHour((ms) => localDay(ms, zone));
  // Voters share addresses, as offices and mobile carriers do: 4 voters per IP on average.
  const voterHash = Array.from({ length: opts.voters }, (_, v) =>
    hex32(`bench:${opts.tag}:voter:${v}`),
  );
  const ips = Math.max(1, Math.floor(opts.voters / 4));
  const ipHash = Array.from({ length: ips }, (_, k) => hex32(`bench:${opts.tag}:ip:${k}`));

  const insert = db.prepare(
    `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at, status, receipt)
     VALUES (?, ?, ?, ?, ?, 1, ?, 'counted', ?)`,
  );
  const CHUNK = 100_000;
  let written = 0;
  for (let from = 0; from < plan.likes; from += CHUNK) {
    db.exec("BEGIN");
    const to = Math.min(plan.likes, from + CHUNK);
    for (let i = from; i < to; i++) {
      const like = syntheticLike(plan, i);
      insert.run(
        opts.campaignId,
        nomineeId[like.nominee - 1] ?? 0,
        voterHash[like.voter] ?? "",
        ipHash[like.voter % ips] ?? "",
        dayOf(like.createdAt),
        like.createdAt,
        syntheticReceipt(opts.tag, i),
      );
    }
    db.exec("COMMIT");
    written = to;
    opts.onProgress?.(written);
  }
  return written;
}

export interface CounterCheck {
  counted: number;
  counters: number;
  mismatched: number;
}

/** Counters against the ledger (what the app's reconcile check proves), for one campaign. */
export function verifyCounters(db: DatabaseSync, campaignId: number): CounterCheck {
  const row = db
    .prepare(
      `WITH ledger AS (SELECT nominee_id, COUNT(*) AS n FROM likes
                      WHERE campaign_id = ?1 AND status = 'counted' GROUP BY nominee_id)
       SELECT COALESCE((SELECT SUM(n) FROM ledger), 0) AS counted,
              COALESCE(SUM(nm.likes), 0) AS counters,
              COALESCE(SUM(nm.likes <> COALESCE(l.n, 0)), 0) AS mismatched
       FROM nominees nm LEFT JOIN ledger l ON l.nominee_id = nm.id
       WHERE nm.campaign_id = ?1`,
    )
    .get(campaignId) as unknown as CounterCheck;
  return row;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [file, likes = "10000", voters = "2000"] = process.argv.slice(2);
  if (!file) throw new Error("usage: generate.ts <sqlite file> [likes] [voters]");
  const { syntheticCampaign } = await import("./synthetic");
  const db = openDb(file);
  const now = Date.now();
  const id = loadCampaign(
    db,
    syntheticCampaign({ slug: "bench-gen", title: "bench", nominees: 1000, now }),
    now,
  );
  const t0 = performance.now();
  insertLedger(db, { campaignId: id, likes: Number(likes), voters: Number(voters), now, tag: 7 });
  console.log(
    `${likes} likes in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    verifyCounters(db, id),
  );
}
