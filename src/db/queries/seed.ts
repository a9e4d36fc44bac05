import { parseInstant } from "../../domain/time";
import type { SeedCampaign } from "../seed/types";

/** Quotes a value as an SQL literal (the seed runs as a file through `wrangler d1 execute`). */
function literal(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return String(Math.trunc(value));
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * SQL that loads a seed campaign idempotently: rows that exist are left alone, so running it again
 * (every `npm run dev`) never touches likes, counters or an organizer's edits.
 */
export function seedStatements(seed: SeedCampaign, now: number): string[] {
  const opensAt = parseInstant(seed.opensAt);
  const closesAt = parseInstant(seed.closesAt);
  if (opensAt === null || closesAt === null) throw new Error(`bad window in seed ${seed.slug}`);
  const campaign = `INSERT INTO campaigns (slug, title, organizer, description, time_zone, opens_at,
  closes_at, likes_per_candidate_per_day, likes_per_voter_per_day, show_counts, draft, paused,
  hold_flagged, created_at, updated_at)
VALUES (${[
    seed.slug,
    seed.title,
    seed.organizer,
    seed.description.join("\n\n"),
    seed.timeZone,
    opensAt,
    closesAt,
    seed.rules.likesPerCandidatePerDay,
    seed.rules.likesPerVoterPerDay,
    seed.showCounts,
    false,
    false,
    true,
    now,
    now,
  ]
    .map(literal)
    .join(", ")})
ON CONFLICT (slug) DO NOTHING;`;
  const rows = seed.nominees.map(
    (n) => `INSERT INTO nominees (campaign_id, number, name, position, unit, group_name, headline,
  story, photos, honoree, nominating_unit, created_at, updated_at)
SELECT id, ${[
      n.number,
      n.name,
      n.position,
      n.unit,
      n.group,
      n.headline,
      JSON.stringify(n.story),
      JSON.stringify(n.photos),
      n.honoree,
      n.nominatingUnit,
      now,
      now,
    ]
      .map(literal)
      .join(", ")}
FROM campaigns WHERE slug = ${literal(seed.slug)}
ON CONFLICT (campaign_id, number) DO NOTHING;`,
  );
  return [campaign, ...rows];
}
