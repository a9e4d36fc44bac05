import type { Database } from "../client";

/** What a like needs to know about its campaign before the write; cached per slug. */
export interface CampaignKey {
  id: number;
  timeZone: string;
  /** Absent = `cookie`; a wrong guess is caught by the guard like a wrong zone. */
  identityMode?: "cookie" | "wechat";
  /** Absent = `sharded` (the default); the write's guard catches a wrong guess either way. */
  ingest?: "direct" | "sharded";
}

// A stale entry (campaign renamed, zone, identity mode or ingest path changed) is caught by the
// `c.id = ? AND time_zone = ? AND identity_mode = ? AND ingest = 'direct'` guard in the direct
// INSERT, or by the sharded path's state read (like-state.ts), and costs one retry; a cold one
// costs one small read.
const campaignKeys = new Map<string, CampaignKey>();

/** Lets pages that already loaded the campaign spare the like its first lookup. */
export function rememberCampaign(slug: string, key: CampaignKey): void {
  campaignKeys.set(slug, key);
}

/** The campaign key by slug: from the cache, or one small read. */
export async function campaignKey(db: Database, slug: string): Promise<CampaignKey | null> {
  const cached = campaignKeys.get(slug);
  if (cached) return cached;
  const row = await db.$client
    .prepare(
      "SELECT id, time_zone AS timeZone, identity_mode AS identityMode, ingest FROM campaigns WHERE slug = ?1 AND draft = 0",
    )
    .bind(slug)
    .first<CampaignKey>();
  if (row) campaignKeys.set(slug, row);
  return row;
}

/** Drops a key the like's guard found stale. */
export function forgetCampaign(slug: string): void {
  campaignKeys.delete(slug);
}

/** Whether a key is cached (a refusal with a cached key may be a stale one). */
export function isRemembered(slug: string): boolean {
  return campaignKeys.has(slug);
}
