import { Hono } from "hono";
import { saveScore } from "../../db/queries/jury";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { validate } from "../../validators/hook";
import { ScoreRequest } from "../../validators/selection";
import { nomineeParam } from "../shared/campaign";
import { jurorLink, jurorView } from "../shared/links";

/**
 * A juror's API behind their personal link (`/api/jury/:token/…`). A juror reads and writes only
 * their own scores while scoring is open; once the organizer closes it, writing stops and the
 * panel's scores (with names) become visible to every juror.
 */

export const juryApi = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await jurorView(c));
  })
  .put(
    "/:token/scores/:number",
    jurorLink,
    nomineeParam,
    validate("json", ScoreRequest),
    async (c) => {
      const { juror, closed } = c.var.juror;
      const { number } = c.req.valid("param");
      const { score, note } = c.req.valid("json");
      if (closed)
        throw new ApiError(
          409,
          "scoring_closed",
          "Scoring is closed; scores can no longer change.",
        );
      const result = await saveScore(c.var.db, juror, number, score, note, Date.now());
      if (result === "not_found")
        throw new ApiError(404, "candidate_not_found", `No nominee number ${number}.`);
      if (result === "closed")
        throw new ApiError(
          409,
          "scoring_closed",
          "Scoring is closed; scores can no longer change.",
        );
      return c.json({ number, score, note });
    },
  );
