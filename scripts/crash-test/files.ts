/**
 * What the crash test reads straight from the state directory's SQLite files (node:sqlite,
 * read-only): each LikeShard's own storage and D1's `like_flushes`. Read while the server is dead
 * (between the kill and the restart) they say which windows the kill hit: likes durable only in a
 * shard, flushes assigned but not committed to D1, and flushes committed to D1 but not yet marked
 * flushed in the shard.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { stateDir } from "./server";

export interface ShardFile {
  shard: string;
  campaign: number;
  /** Likes durable here and not marked flushed (some may be in D1 already: see openCommitted). */
  pending: number;
  /** The flush in progress when the process died (null: none). */
  openFlush: number | null;
  openFlushLikes: number;
  flushes: number;
  /** Flushes sent again after an interruption, and those D1 answered "already committed". */
  retried: number;
  already: number;
}

function sqliteFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")
    .map((f) => join(dir, f));
}

function open<T>(file: string, fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Every LikeShard of the campaign (by the shard's own `campaign` mark). */
export function readShards(campaignId: number): ShardFile[] {
  const out: ShardFile[] = [];
  for (const file of sqliteFiles(join(stateDir, "v3", "do", "bangyang-LikeShard"))) {
    const shard = open(file, (db) => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'meta'").all();
      if (tables.length === 0) return null;
      const meta = new Map(
        (db.prepare("SELECT k, v FROM meta").all() as { k: string; v: unknown }[]).map((r) => [
          r.k,
          r.v,
        ]),
      );
      const num = (k: string) => Number(meta.get(k) ?? 0);
      const openFlush = (meta.get("open_flush") ?? null) as number | null;
      const count = (sql: string, ...args: (number | null)[]) =>
        Number((db.prepare(sql).get(...args) as { n: number }).n);
      return {
        shard: String(meta.get("shard") ?? ""),
        campaign: num("campaign"),
        pending: count("SELECT COUNT(*) AS n FROM likes WHERE flushed = 0"),
        openFlush,
        openFlushLikes:
          openFlush === null
            ? 0
            : count("SELECT COUNT(*) AS n FROM likes WHERE flushed = 0 AND flush = ?", openFlush),
        flushes: num("flushes"),
        retried: num("retried"),
        already: num("already"),
      };
    });
    if (shard && shard.campaign === campaignId) out.push(shard);
  }
  return out.sort((a, b) => a.shard.localeCompare(b.shard, "en", { numeric: true }));
}

/** Whether D1 has the flush's row, i.e. its batch committed. */
export function flushInD1(shard: string, seq: number): boolean {
  const files = sqliteFiles(join(stateDir, "v3", "d1", "miniflare-D1DatabaseObject"));
  if (files.length !== 1) throw new Error(`expected one D1 database file, found ${files.length}`);
  return open(
    files[0] as string,
    (db) =>
      db.prepare("SELECT 1 FROM like_flushes WHERE shard = ? AND seq = ?").get(shard, seq) !==
      undefined,
  );
}

/** The campaign's id in D1. */
export function campaignId(slug: string): number {
  const files = sqliteFiles(join(stateDir, "v3", "d1", "miniflare-D1DatabaseObject"));
  return open(files[0] as string, (db) => {
    const row = db.prepare("SELECT id FROM campaigns WHERE slug = ?").get(slug) as
      | { id: number }
      | undefined;
    if (!row) throw new Error(`no campaign ${slug} in D1`);
    return row.id;
  });
}

export interface KillWindows {
  shards: number;
  /** Likes only in shard storage (not in D1) at the kill. */
  unflushed: number;
  /** Flushes interrupted before their D1 commit (sent again after the restart: "committed"). */
  beforeCommit: number;
  /** Flushes whose D1 batch committed but whose shard had not marked them (answer: "already"). */
  afterCommit: number;
  afterCommitLikes: number;
}

/** Which windows the kill hit, read with the server dead. */
export function killWindows(shards: ShardFile[]): KillWindows {
  const w = { shards: shards.length, unflushed: 0, beforeCommit: 0, afterCommit: 0 };
  let afterCommitLikes = 0;
  for (const s of shards) {
    const committed = s.openFlush !== null && flushInD1(s.shard, s.openFlush);
    if (s.openFlush !== null && committed) {
      w.afterCommit += 1;
      afterCommitLikes += s.openFlushLikes;
    } else if (s.openFlush !== null && s.openFlushLikes > 0) w.beforeCommit += 1;
    w.unflushed += s.pending - (committed ? s.openFlushLikes : 0);
  }
  return { ...w, afterCommitLikes };
}
