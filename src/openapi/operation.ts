import * as v from "valibot";

/**
 * What the OpenAPI document says about one operation beyond what the route itself carries (its
 * method, path and the request schemas on its validator middlewares): summary, tag, who may call
 * it, the answers and their error codes. One entry per `METHOD path` the app registers.
 */
export interface OperationDoc {
  summary: string;
  /** Longer prose (Markdown), e.g. a rule the answer depends on. */
  description?: string;
  tag: Tag;
  /** Who may call: the public, any organizer (admin or observer), or an admin only. */
  auth: "public" | "organizer" | "admin";
  /** A request body this route reads without a validator middleware (until it has one). */
  body?: v.GenericSchema | MediaBody;
  /** Query parameters read without a validator middleware. */
  query?: v.GenericSchema;
  responses: Record<number, Answer>;
}

/** A body that is not JSON (CSV, an image, a multipart form), described by its media type. */
export interface MediaBody {
  media: string;
  description: string;
}

/** One answer: a JSON schema, another media type, or an error with its codes. */
export type Answer =
  | { description: string; schema: v.GenericSchema }
  | { description: string; media: string }
  | { description: string; empty: true }
  | { description: string; codes: readonly string[]; schema?: v.GenericSchema };

export type OperationDocs = Record<string, OperationDoc>;

export const TAGS = {
  public: "公开接口 Public",
  likes: "点赞 Likes",
  ledger: "公开台账 Ledger",
  selection: "推荐与评审 Nomination and jury",
  session: "登录 Session",
  campaigns: "活动管理 Campaigns",
  nominees: "候选人管理 Nominees",
  exports: "导出与核验 Exports and audit",
  review: "风控复核 Review",
  accounts: "账号 Accounts",
  meta: "接口文档 API description",
} as const;
export type Tag = keyof typeof TAGS;

/** An error answer: `codes` are the `error.code` values this status can carry. */
export const err = (description: string, ...codes: string[]): Answer => ({ description, codes });
export const ok = (description: string, schema: v.GenericSchema): Answer => ({
  description,
  schema,
});
/** A JSON answer whose shape is not described field by field yet (any object). */
export const object = (description: string): Answer => ({ description, schema: AnyObject });
export const empty = (description = "No content."): Answer => ({ description, empty: true });
export const media = (media: string, description: string): Answer => ({ description, media });

/** Any JSON object: for answers the document does not yet describe field by field. */
export const AnyObject = v.record(v.string(), v.unknown());

/** Answers many operations share. */
export const campaign404 = err("No such campaign.", "campaign_not_found");
export const nominee404 = err(
  "No such campaign or nominee.",
  "campaign_not_found",
  "candidate_not_found",
);
export const invalidBody = err("The body is not valid.", "invalid_body");
export const badQuery = err("A query parameter is not valid.", "invalid_query");
export const photoBody = {
  media: "image/*",
  description: "The image bytes (JPEG, PNG or WebP; at most 5 MB).",
} as const;

/** Any organizer reads one campaign's `schema` (404 for an unknown campaign). */
export function campaignRead(
  tag: Tag,
  summary: string,
  answer: string,
  schema: v.GenericSchema,
): OperationDoc {
  return {
    summary,
    tag,
    auth: "organizer",
    responses: { 200: ok(answer, schema), 404: campaign404 },
  };
}
