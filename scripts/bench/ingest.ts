/**
 * `npx tsx scripts/bench/ingest.ts` (issue 16): a like load against a running dev server on the
 * seed campaign, sharded and then direct in the same run, with the shards' flush statistics
 * (GET /api/admin/campaigns/:slug/ingest): likes/s for each path, D1 write batches per 1,000
 * likes and the flush lag p99. Start the server first (`npm run dev -- --port 8795`).
 * Knobs: INGEST_URL (http://localhost:8795), INGEST_SECONDS (10), INGEST_CONNECTIONS (16),
 * ADMIN_TOKEN (from .dev.vars). Restores the campaign's path to sharded at the end.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { IngestState } from "../../src/contract/admin";
import { runLoad } from "./load";
import { ROOT } from "./server";

const origin = process.env.INGEST_URL ?? "http://localhost:8795";
const seconds = Number(process.env.INGEST_SECONDS ?? 10);
const connections = Number(process.env.INGEST_CONNECTIONS ?? 16);
const slug = "zuimei-xinfang";
const token =
  process.env.ADMIN_TOKEN ??
  /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync(join(ROOT, ".dev.vars"), "utf8"))?.[1] ??
  "";

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin}/api/admin/campaigns/${slug}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let ip = 0;
const nextIp = () => {
  ip++;
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
};

async function load() {
  return runLoad({
    origin,
    method: "POST",
    path: () => `/api/campaigns/${slug}/candidates/${1 + Math.floor(Math.random() * 10)}/likes`,
    headers: () => ({ "cf-connecting-ip": nextIp(), origin, "sec-fetch-site": "same-origin" }),
    seconds,
    connections,
  });
}

async function main() {
  // Likes from many addresses would meet the proof-of-work friction: off for the run, restored.
  const { protection } = await admin<{ protection: Record<string, unknown> }>("GET", "");
  await admin("PATCH", "", {
    ingest: "sharded",
    protection: {
      challengePrefixPerMinute: null,
      challengeVoterPerMinute: null,
      holdFlagged: false,
    },
  });
  const before = await admin<IngestState>("GET", "/ingest");
  const sharded = await load();
  // Let the last alarms fire, then read the shards' statistics.
  await new Promise((r) => setTimeout(r, 2500));
  const after = await admin<IngestState>("GET", "/ingest");
  await admin("PATCH", "", { ingest: "direct" });
  const direct = await load();
  await admin("PATCH", "", { ingest: "sharded", protection });
  const flushes = after.flushes - before.flushes;
  const likes = after.flushedLikes - before.flushedLikes;
  const report = {
    shards: after.shards,
    seconds,
    connections,
    sharded: { rps: Math.round(sharded.rps), p99Ms: sharded.p99Ms, statuses: sharded.statuses },
    direct: { rps: Math.round(direct.rps), p99Ms: direct.p99Ms, statuses: direct.statuses },
    shardedOverDirect: Number((sharded.rps / direct.rps).toFixed(2)),
    flushes,
    flushedLikes: likes,
    // Shard flushes, from the shards' own statistics; `npm run bench` counts the D1 batches they share.
    shardFlushesPer1000Likes: likes === 0 ? null : Number(((flushes * 1000) / likes).toFixed(1)),
    flushLagP99Ms: after.lagP99Ms,
    pendingAfter: after.pending,
  };
  console.log(JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
