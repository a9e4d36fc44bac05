import * as v from "valibot";
import {
  AccountAnswer,
  AccountList,
  AdminCampaign,
  AdminCampaignList,
  AdminNominee,
  AdminNomineeList,
  AuditPage,
  CampaignCopy,
  Dashboard,
  Ingest,
  OwnAccount,
  Session,
} from "../contract/admin";
import {
  AccountCreate,
  AccountPatch,
  LoginRequest,
  PasswordChange,
  TotpDisable,
  TotpEnable,
} from "../validators/accounts";
import { CampaignPatch, CampaignSettings, CopyRequest } from "../validators/campaign";
import { NomineeInput, NomineePatch, ReorderRequest } from "../validators/nominee";
import {
  campaign404,
  campaignRead,
  empty,
  err,
  invalidBody,
  nominee404,
  type OperationDocs,
  object,
  ok,
  photoBody,
} from "./operation";

function lifecycle(action: string, what: string): OperationDocs[string] {
  return {
    summary: `${what} ${action.charAt(0).toUpperCase()}${action.slice(1)} voting`,
    tag: "campaigns",
    auth: "admin",
    responses: {
      200: ok("The campaign after the change.", AdminCampaign),
      404: campaign404,
      409: err("Not possible in the campaign's present state.", "invalid_state"),
    },
  };
}

/** Sign-in, one's own account, accounts, campaigns and nominees (DESIGN §4). */
export const ORGANIZER_OPERATIONS: OperationDocs = {
  "POST /api/admin/session": {
    summary: "登录 Sign in (sets the session cookie)",
    description: "`{password}` for the built-in passwords, `{username, password}` for accounts.",
    tag: "session",
    auth: "public",
    body: LoginRequest,
    responses: {
      201: ok("Signed in; `Set-Cookie: by_admin=…`.", Session),
      400: invalidBody,
      401: err("Wrong credentials, or a second factor is needed.", "unauthorized", "totp_required"),
      429: err("Too many attempts; wait a minute.", "rate_limited"),
    },
  },
  "GET /api/admin/session": {
    summary: "当前登录 Who is signed in",
    tag: "session",
    auth: "organizer",
    responses: { 200: ok("The session.", Session) },
  },
  "DELETE /api/admin/session": {
    summary: "退出 Sign out (the session stops working at once)",
    tag: "session",
    auth: "public",
    responses: { 204: empty("Signed out.") },
  },
  "GET /api/admin/me": {
    summary: "我的账号 One's own account",
    tag: "accounts",
    auth: "organizer",
    responses: {
      200: ok("The account.", OwnAccount),
      403: err("Built-in passwords and the token have no account.", "forbidden"),
    },
  },
  "POST /api/admin/me/password": {
    summary: "修改密码 Change one's password",
    tag: "accounts",
    auth: "organizer",
    body: PasswordChange,
    responses: {
      200: ok("Changed; other sessions end.", v.object({ changed: v.literal(true) })),
      400: invalidBody,
      401: err("The current password is wrong.", "wrong_password", "unauthorized"),
    },
  },
  "GET /api/admin/me/totp/new": {
    summary: "两步验证密钥 A new second-factor secret to enrol",
    tag: "accounts",
    auth: "organizer",
    responses: {
      200: ok("Secret and otpauth URI.", v.object({ secret: v.string(), uri: v.string() })),
    },
  },
  "POST /api/admin/me/totp": {
    summary: "开启两步验证 Turn the second factor on",
    tag: "accounts",
    auth: "organizer",
    body: TotpEnable,
    responses: {
      200: ok("On.", v.object({ totp: v.literal(true) })),
      400: err("The code does not match, or the body is not valid.", "wrong_code", "invalid_body"),
      409: err("Already on.", "totp_enabled"),
    },
  },
  "DELETE /api/admin/me/totp": {
    summary: "关闭两步验证 Turn the second factor off",
    tag: "accounts",
    auth: "organizer",
    body: TotpDisable,
    responses: {
      200: ok("Off.", v.object({ totp: v.literal(false) })),
      400: invalidBody,
      401: err("The password is wrong.", "wrong_password", "unauthorized"),
    },
  },
  "GET /api/admin/accounts": {
    summary: "账号列表 Named organizer accounts",
    tag: "accounts",
    auth: "admin",
    responses: { 200: ok("Every account.", AccountList) },
  },
  "POST /api/admin/accounts": {
    summary: "新建账号 Create an account",
    tag: "accounts",
    auth: "admin",
    body: AccountCreate,
    responses: {
      201: ok("The new account.", AccountAnswer),
      400: invalidBody,
      409: err("The username is taken.", "username_taken"),
    },
  },
  "PATCH /api/admin/accounts/:id{[0-9]{1,9}}": {
    summary: "修改账号 Change, disable or re-password an account",
    tag: "accounts",
    auth: "admin",
    body: AccountPatch,
    responses: {
      200: ok("The account after the change.", AccountAnswer),
      400: invalidBody,
      404: err("No such account.", "account_not_found"),
      409: err("Another admin must change one's own account.", "own_account"),
    },
  },
  "GET /api/admin/audit": {
    summary: "操作日志 The audit log, newest first",
    tag: "exports",
    auth: "organizer",
    query: v.object({
      campaign: v.optional(v.string()),
      before: v.optional(v.string()),
      limit: v.optional(v.string()),
    }),
    responses: {
      200: ok("A page of entries, newest first, and the cursor of the next.", AuditPage),
      400: err("`before` and `limit` must be whole numbers.", "invalid_query"),
      404: campaign404,
    },
  },
  "GET /api/admin/campaigns": {
    summary: "活动列表 Every campaign the caller may see, drafts included",
    tag: "campaigns",
    auth: "organizer",
    responses: { 200: ok("The campaigns.", AdminCampaignList) },
  },
  "POST /api/admin/campaigns": {
    summary: "新建活动 Create a campaign",
    tag: "campaigns",
    auth: "admin",
    body: CampaignSettings,
    responses: {
      201: ok("The new campaign.", AdminCampaign),
      400: invalidBody,
      404: err("WeChat identity asked for but not configured.", "wechat_not_configured"),
      409: err("The slug is already used.", "slug_taken"),
    },
  },
  "GET /api/admin/campaigns/:slug": campaignRead(
    "campaigns",
    "活动详情 A campaign, everything included",
    "The campaign.",
    AdminCampaign,
  ),
  "PATCH /api/admin/campaigns/:slug": {
    summary: "修改活动 Change a campaign's settings",
    tag: "campaigns",
    auth: "admin",
    body: CampaignPatch,
    responses: {
      200: ok("The campaign after the change.", AdminCampaign),
      400: invalidBody,
      404: err(
        "No such campaign, or WeChat not configured.",
        "campaign_not_found",
        "wechat_not_configured",
      ),
      409: err("The slug is already used.", "slug_taken"),
    },
  },
  "DELETE /api/admin/campaigns/:slug": {
    summary: "删除活动 Delete a campaign without likes",
    tag: "campaigns",
    auth: "admin",
    responses: {
      204: empty("Deleted."),
      404: campaign404,
      409: err("The campaign has likes (close it instead).", "campaign_has_likes"),
    },
  },
  "GET /api/admin/campaigns/:slug/dashboard": campaignRead(
    "campaigns",
    "数据看板 Totals, ranking, groups, likes per hour, refusals",
    "The dashboard's figures.",
    Dashboard,
  ),
  "GET /api/admin/campaigns/:slug/ingest": campaignRead(
    "campaigns",
    "点赞写入状态 The like shards: pending likes, flushes, flush lag p99",
    "The like shards' state (issue 16).",
    Ingest,
  ),
  "POST /api/admin/campaigns/:slug/open": lifecycle("open", "开始投票"),
  "POST /api/admin/campaigns/:slug/pause": lifecycle("pause", "暂停投票"),
  "POST /api/admin/campaigns/:slug/resume": lifecycle("resume", "恢复投票"),
  "POST /api/admin/campaigns/:slug/close": lifecycle("close", "结束投票"),
  "POST /api/admin/campaigns/:slug/copy": {
    summary: "复制活动 Copy a campaign's settings and nominees into a new draft",
    tag: "campaigns",
    auth: "admin",
    body: CopyRequest,
    responses: {
      201: ok("The new draft, and new links for the copied units and jurors.", CampaignCopy),
      400: invalidBody,
      404: campaign404,
      409: err("The slug is already used.", "slug_taken"),
    },
  },
  "GET /api/admin/campaigns/:slug/nominees": campaignRead(
    "nominees",
    "候选人列表 Every nominee, with counts",
    "The nominees by number.",
    AdminNomineeList,
  ),
  "POST /api/admin/campaigns/:slug/nominees": {
    summary: "新增候选人 Add a nominee",
    tag: "nominees",
    auth: "admin",
    body: NomineeInput,
    responses: {
      201: ok("The new nominee.", AdminNominee),
      400: invalidBody,
      404: campaign404,
      409: err(
        "The number is already used, or the honorees are published.",
        "number_taken",
        "honorees_frozen",
      ),
    },
  },
  "POST /api/admin/campaigns/:slug/nominees/reorder": {
    summary: "重新编号 Renumber the nominees (before any like)",
    tag: "nominees",
    auth: "admin",
    body: ReorderRequest,
    responses: {
      200: ok("The nominees after renumbering.", AdminNomineeList),
      400: invalidBody,
      404: campaign404,
      409: err("The campaign has likes.", "campaign_has_likes", "honorees_frozen"),
    },
  },
  "POST /api/admin/campaigns/:slug/nominees/import": {
    summary: "批量导入 Import nominees from CSV, XLSX or JSON",
    description: "`?dryRun=1` previews row by row (第N行 messages) and imports nothing.",
    tag: "nominees",
    auth: "admin",
    body: { media: "text/csv", description: "CSV (UTF-8 or GBK), XLSX or JSON bytes." },
    query: v.object({ dryRun: v.optional(v.string()), filename: v.optional(v.string()) }),
    responses: {
      200: object("The preview (dry run)."),
      201: object("Imported: the count and the preview."),
      400: err("A query parameter is not valid.", "invalid_query"),
      404: campaign404,
      409: err("The honorees are published.", "honorees_frozen"),
      422: err("Some rows have errors; nothing was imported.", "invalid_import"),
    },
  },
  "PATCH /api/admin/campaigns/:slug/nominees/:number": {
    summary: "修改候选人 Change a nominee",
    tag: "nominees",
    auth: "admin",
    body: NomineePatch,
    responses: {
      200: ok("The nominee after the change.", AdminNominee),
      400: invalidBody,
      404: nominee404,
      409: err(
        "The number is taken, the campaign has likes, or the honorees are published.",
        "number_taken",
        "campaign_has_likes",
        "honorees_frozen",
      ),
    },
  },
  "DELETE /api/admin/campaigns/:slug/nominees/:number": {
    summary: "删除候选人 Delete a nominee without likes",
    tag: "nominees",
    auth: "admin",
    responses: {
      204: empty("Deleted."),
      404: nominee404,
      409: err(
        "The nominee has likes, or the honorees are published.",
        "nominee_has_likes",
        "honorees_frozen",
      ),
    },
  },
  "POST /api/admin/campaigns/:slug/nominees/:number/photos": {
    summary: "上传照片 Add a photo to a nominee",
    tag: "nominees",
    auth: "admin",
    body: photoBody,
    responses: {
      201: ok("The nominee with the photo.", AdminNominee),
      400: invalidBody,
      404: nominee404,
      409: err("The nominee has as many photos as allowed.", "too_many_photos", "honorees_frozen"),
      415: err("Not a JPEG, PNG or WebP image.", "unsupported_media_type"),
    },
  },
};
