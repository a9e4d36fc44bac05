import * as v from "valibot";
import {
  CampaignDetail,
  CampaignList,
  CandidateDetail,
  CandidateList,
  Ledger,
  LikeCounted,
  LikeHeld,
  Receipt,
  Results,
} from "../contract/public";
import { LikeRequest } from "../validators/likes";
import { campaign404, empty, err, type OperationDocs, object, ok } from "./operation";

const notModified = empty("Not modified: the `If-None-Match` tag is current.");

/** The public API (DESIGN §3): campaigns, nominees, likes, results, receipts, the ledger. */
export const PUBLIC_OPERATIONS: OperationDocs = {
  "GET /api/campaigns": {
    summary: "公开活动列表 Public campaigns (no drafts)",
    tag: "public",
    auth: "public",
    responses: { 200: ok("The campaigns, newest first.", CampaignList) },
  },
  "GET /api/campaigns/:slug": {
    summary: "活动详情 A campaign, its rules and counts",
    description: "`totalLikes` only while counts are visible; `notice` once published.",
    tag: "public",
    auth: "public",
    responses: { 200: ok("The campaign.", CampaignDetail), 404: campaign404 },
  },
  "GET /api/campaigns/:slug/candidates": {
    summary: "候选人列表 Nominees, searched, filtered and sorted",
    description: "`q` matches name, number and unit; `likes` only while counts are visible.",
    tag: "public",
    auth: "public",
    responses: {
      200: ok("A page of nominees and the total that match.", CandidateList),
      400: err("A query parameter is not valid.", "invalid_query"),
      404: campaign404,
    },
  },
  "GET /api/campaigns/:slug/candidates/:number": {
    summary: "候选人详情 One nominee's profile",
    tag: "public",
    auth: "public",
    responses: {
      200: ok("The nominee.", CandidateDetail),
      404: err("No such campaign or nominee.", "campaign_not_found", "candidate_not_found"),
    },
  },
  "POST /api/campaigns/:slug/candidates/:number/likes": {
    summary: "点赞 Like a nominee",
    description:
      "The voter is the `by_voter` cookie (one is issued when missing). An `Idempotency-Key` " +
      "header makes retries safe. When friction is asked for (428), solve the challenge and send " +
      "`{challenge}` (and `turnstileToken` if a site key came with it). Rules: docs/api.md.",
    tag: "likes",
    auth: "public",
    body: LikeRequest,
    responses: {
      201: ok("Counted.", LikeCounted),
      202: ok("Recorded but held for an organizer's check (待核验).", LikeHeld),
      400: err("The body is not a valid like request.", "invalid_body"),
      403: err(
        "Voting is not open, or this campaign needs a WeChat identity.",
        "voting_not_open",
        "voting_paused",
        "voting_closed",
        "wechat_identity_required",
      ),
      404: err("No such campaign or nominee.", "campaign_not_found", "candidate_not_found"),
      409: err("This voter already liked this nominee today.", "already_liked"),
      422: err("The Idempotency-Key was used for another request.", "idempotency_key_reused"),
      428: err(
        "Solve the proof-of-work challenge in `error.challenge` and retry.",
        "challenge_required",
      ),
      429: err(
        "Today's likes are used up, or too many requests (see `Retry-After`).",
        "daily_quota_exhausted",
        "rate_limited",
      ),
      503: err(
        "The voter's shard is overloaded or briefly unreachable: send again after `Retry-After`, " +
          "with the same Idempotency-Key.",
        "temporarily_unavailable",
      ),
    },
  },
  "GET /api/campaigns/:slug/results": {
    summary: "实时排名 The ranking",
    description:
      "Sorted by likes, then number; ties share a rank (1, 2, 2, 4). Sends `ETag`; " +
      "`If-None-Match` answers 304. The combined result joins once published.",
    tag: "public",
    auth: "public",
    responses: {
      200: ok("The ranking.", Results),
      304: notModified,
      403: err("Counts are hidden from the public for now.", "results_hidden"),
      404: campaign404,
    },
  },
  "GET /api/campaigns/:slug/receipts/:code": {
    summary: "点赞回执 Look up a like by its receipt code",
    tag: "likes",
    auth: "public",
    responses: {
      200: ok("Whether the like is counted, held or voided (and why).", Receipt),
      404: err("No such campaign or receipt.", "campaign_not_found", "receipt_not_found"),
      429: err(
        "Too many lookups of codes D1 does not know from one network (each reads every shard); " +
          "never for the voter's own like, found in the shard of the cookie the request carries.",
        "rate_limited",
      ),
    },
  },
  "GET /api/campaigns/:slug/ledger": {
    summary: "台账哈希链 The public head of the ledger's hash chain",
    description:
      "`?history=1` adds the checkpoints a page at a time (`after`, `limit`), with `next` while " +
      "the page is full. Row counts are left out while counts are hidden.",
    tag: "ledger",
    auth: "public",
    responses: {
      200: ok("The head and, with history, a page of checkpoints.", Ledger),
      304: notModified,
      400: err("A query parameter is not valid.", "invalid_query"),
      404: campaign404,
    },
  },
  "GET /api/wechat/share-config": {
    summary: "微信分享签名 WeChat JS-SDK share signature for a page",
    tag: "public",
    auth: "public",
    query: v.object({ url: v.pipe(v.string(), v.description("The page's full address.")) }),
    responses: {
      200: object("appId, timestamp, nonceStr, signature for wx.config."),
      400: err("`url` is not one of our pages.", "invalid_query"),
      404: err("No WeChat Official Account is configured.", "wechat_not_configured"),
      503: err("WeChat did not answer.", "wechat_unavailable"),
    },
  },
  "GET /api/openapi.json": {
    summary: "接口描述 This OpenAPI 3.1 document",
    tag: "meta",
    auth: "public",
    responses: { 200: object("The document.") },
  },
};
