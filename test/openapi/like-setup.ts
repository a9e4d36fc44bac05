import { env } from "cloudflare:workers";
import { markHotFromLedger } from "../../src/db/queries/like-hot";
import { ipPrefixHash } from "../../src/domain/identity";
import { ipPrefix } from "../../src/domain/ip-prefix";
import { call, db, voterCookie } from "../helpers";

/** 60 recent likes from 60 networks on nominee 1: a burst that the friction and hold rules see. */
export async function burst(campaign: { id: number }) {
  const statements = [];
  for (let i = 0; i < 60; i++) {
    const prefix = await ipPrefixHash(env.IP_HASH_SALT, campaign.id, ipPrefix(`203.0.${i}.9`));
    statements.push(
      env.DB.prepare(
        `INSERT INTO likes (campaign_id, nominee_id, voter_hash, ip_hash, day, slot, created_at,
                            status, receipt, ip_prefix_hash, signals)
         SELECT ?1, id, ?2, 'ip', '2026-01-01', 1, ?3, 'counted', ?4, ?5, 0
         FROM nominees WHERE campaign_id = ?1 AND number = 1`,
      ).bind(
        campaign.id,
        `burst-${campaign.id}-${i}`,
        Date.now() - 1000,
        `B-${campaign.id}-${i}`,
        prefix,
      ),
    );
  }
  await env.DB.batch(statements);
  // Written past the shards: mark what they make busy, as a switch from the direct path does.
  await markHotFromLedger(db(), campaign.id, Date.now());
}

/** A voter cookie from a page view (a like without one looks like a script). */
export async function visitor(slug: string, ip: string): Promise<string> {
  return voterCookie(await call(`/c/${slug}/1`, { headers: { "CF-Connecting-IP": ip } }));
}
