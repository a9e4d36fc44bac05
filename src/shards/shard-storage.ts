/**
 * A LikeShard's own SQLite storage (issue 16): the voter's likes as the shard accepted them, each
 * pending until a flush carries it to D1, and the proofs of work spent here. The per-voter rules
 * are unique indexes, as in D1: the slot index makes a second like of the same slot impossible
 * even if the checks before it were wrong.
 */
export const SHARD_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS likes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL,
    nominee_id INTEGER NOT NULL,
    number INTEGER NOT NULL,
    voter_hash TEXT NOT NULL,
    ip_hash TEXT NOT NULL,
    ip_prefix_hash TEXT NOT NULL,
    day TEXT NOT NULL,
    slot INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    receipt TEXT NOT NULL,
    idempotency_key TEXT,
    signals INTEGER NOT NULL,
    -- the flush that carries the row (null: not yet assigned to one)
    flush INTEGER,
    -- 0 pending, 1 in D1 (flushed from here), 2 read from D1 (written by the direct path)
    flushed INTEGER NOT NULL DEFAULT 0,
    acked_at INTEGER NOT NULL
  )`,
  "CREATE UNIQUE INDEX IF NOT EXISTS likes_rule ON likes (voter_hash, day, nominee_id, slot)",
  "CREATE UNIQUE INDEX IF NOT EXISTS likes_receipt ON likes (receipt)",
  `CREATE UNIQUE INDEX IF NOT EXISTS likes_idempotency ON likes (voter_hash, idempotency_key)
    WHERE idempotency_key IS NOT NULL`,
  "CREATE INDEX IF NOT EXISTS likes_pending ON likes (flushed, flush, seq)",
  "CREATE INDEX IF NOT EXISTS likes_voter_time ON likes (voter_hash, created_at)",
  "CREATE INDEX IF NOT EXISTS likes_nominee_pending ON likes (nominee_id, flushed)",
  "CREATE TABLE IF NOT EXISTS spent (challenge TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)",
  "CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v)",
  // Voters whose day was read from D1 (the day the campaign changed ingest path).
  "CREATE TABLE IF NOT EXISTS seeded (voter_hash TEXT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (voter_hash, day))",
  `CREATE TABLE IF NOT EXISTS flushes (
    seq INTEGER PRIMARY KEY, likes INTEGER NOT NULL, first_acked_at INTEGER NOT NULL,
    committed_at INTEGER NOT NULL)`,
];

/** A like by its receipt, as `ShardReceipt` (types.ts). */
export const RECEIPT_SQL = `SELECT receipt, status, nominee_id AS nomineeId, number,
    created_at AS createdAt FROM likes WHERE receipt = ?`;

/** What the retention purge deletes from a shard: every row that names a voter or a network. */
export const PURGE_DETAIL_SQL = ["DELETE FROM likes", "DELETE FROM seeded", "DELETE FROM spent"];

/** A pending row as a flush sends it to D1 (short keys: it travels as one JSON parameter). */
export interface FlushRow {
  seq: number;
  c: number;
  n: number;
  no: number;
  v: string;
  ip: string;
  net: string;
  d: string;
  s: number;
  t: number;
  st: string;
  r: string;
  k: string | null;
  sg: number;
  acked: number;
}

export const PENDING_ROWS_SQL = `SELECT seq, campaign_id AS c, nominee_id AS n, number AS no,
    voter_hash AS v,
    ip_hash AS ip, ip_prefix_hash AS net, day AS d, slot AS s, created_at AS t, status AS st,
    receipt AS r, idempotency_key AS k, signals AS sg, acked_at AS acked
  FROM likes WHERE flushed = 0 AND flush = ? ORDER BY seq`;

/** A small typed key–value store over the `meta` table. */
export class Meta {
  /** What was read or written, kept in memory: the object is the storage's only writer. */
  private readonly known = new Map<string, { v: string | number | null } | undefined>();

  constructor(private readonly sql: SqlStorage) {}

  get<T extends string | number | null>(key: string, fallback: T): T {
    if (!this.known.has(key)) {
      const row = this.sql.exec<{ v: T }>("SELECT v FROM meta WHERE k = ?", key).toArray()[0];
      this.known.set(key, row ? { v: row.v } : undefined);
    }
    const row = this.known.get(key);
    return row ? (row.v as T) : fallback;
  }

  set(key: string, value: string | number | null): void {
    this.sql.exec(
      "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v",
      key,
      value,
    );
    this.known.set(key, { v: value });
  }

  /** After a transaction rolled back: read everything again. */
  forget(): void {
    this.known.clear();
  }
}
