import type { Database } from "../../db/client";
import { listNomineesAdmin } from "../../db/queries/admin-nominees";
import { closedCombinedByNumber, combinedResult } from "../../db/queries/combined";
import type { Campaign } from "../../db/schema";
import { rankByLikes } from "../../domain/ranking";
import type { ExportRow } from "../../domain/results-export";

/**
 * The committee's final counts, ranked (1, 2, 2, 4), from the counters; with the combined result
 * once scoring is closed.
 */
export async function exportRows(db: Database, campaign: Campaign): Promise<ExportRow[]> {
  const [nominees, result] = await Promise.all([
    listNomineesAdmin(db, campaign.id),
    combinedResult(db, campaign),
  ]);
  const combined = closedCombinedByNumber(result);
  const published = new Set(campaign.publishedHonorees ?? []);
  return rankByLikes(nominees).map((n) => {
    const c = combined.get(n.number);
    return {
      rank: n.rank,
      number: n.number,
      name: n.name,
      position: n.position,
      unit: n.unit,
      group: n.groupName,
      likes: n.likes,
      ...(c && {
        combined: {
          publicScore: c.publicScore,
          committeeScore: c.committeeScore,
          combinedScore: c.combinedScore,
          combinedRank: c.rank,
          // The published list, never the flags as they stand (issue 14).
          honoree: published.has(n.number),
        },
      }),
    };
  });
}
