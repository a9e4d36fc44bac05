import { ipPrefix } from "../../domain/ip-prefix";

/** How long a network the flood guard stopped is told to wait (the limiter's period). */
export const FLOOD_RETRY_AFTER = 60;

/**
 * The network flood guard (DESIGN §5): the Rate Limiting binding keyed on `<bucket>:<network>`
 * (IPv4 /24, IPv6 /64; never the full address: one IPv6 host owns a /64). High on purpose, so an
 * office behind one NAT address can still vote. Buckets: `like` and `like-proof` (the like) and
 * `receipt` (receipt lookups that read every shard). False: answer 429 `rate_limited`.
 */
export async function withinFloodGuard(
  env: Pick<CloudflareBindings, "LIKE_RATE_LIMITER">,
  bucket: "like" | "like-proof" | "receipt",
  ip: string,
): Promise<boolean> {
  const { success } = await env.LIKE_RATE_LIMITER.limit({ key: `${bucket}:${ipPrefix(ip)}` });
  return success;
}
