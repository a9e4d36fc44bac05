import * as v from "valibot";
import { AdminCampaign, Combined } from "../contract/admin";
import {
  Invitation,
  InvitationList,
  Juror,
  JurorLink,
  JurorSheet,
  JuryProgress,
  Nomination,
  NominationList,
  SelectionSettings,
  UnitOverview,
} from "../contract/selection";
import { PublishRequest, WithdrawRequest } from "../validators/campaign";
import { CertificateSettingsBody } from "../validators/certificate";
import {
  InviteRequest,
  JurorRequest,
  NominationContent,
  ReopenRequest,
  ReviewRequest,
  ScoreRequest,
  SelectionPatch,
} from "../validators/selection";
import {
  campaign404,
  campaignRead,
  empty,
  err,
  invalidBody,
  type OperationDocs,
  object,
  ok,
  photoBody,
} from "./operation";

const state409 = err("Not possible in the present state.", "invalid_state");
const link404 = err("No such link.", "link_not_found");
const nomination404 = err(
  "No such link or nomination.",
  "link_not_found",
  "nomination_not_found",
  "not_found",
);
const closed403 = err("Nominations are not open.", "nominations_closed");
const link410 = err("The link was revoked or has expired.", "link_revoked", "link_expired");

/** The selection (issues 6/7/14): nominations by units, the jury, the combined result, publication. */
export const SELECTION_OPERATIONS: OperationDocs = {
  "GET /api/admin/campaigns/:slug/selection": campaignRead(
    "selection",
    "评选设置 Nomination window, weights and scoring state",
    "The selection settings.",
    SelectionSettings,
  ),
  "PATCH /api/admin/campaigns/:slug/selection": {
    summary: "修改评选设置 Change the selection settings",
    tag: "selection",
    auth: "admin",
    body: SelectionPatch,
    responses: {
      200: ok("The settings after the change.", SelectionSettings),
      400: invalidBody,
      404: campaign404,
      409: state409,
    },
  },
  "GET /api/admin/campaigns/:slug/invitations": campaignRead(
    "selection",
    "推荐链接 The units' nomination links",
    "The links with their use.",
    InvitationList,
  ),
  "POST /api/admin/campaigns/:slug/invitations": {
    summary: "新建推荐链接 Invite a unit to nominate",
    tag: "selection",
    auth: "admin",
    body: InviteRequest,
    responses: {
      201: ok("The invitation, with its token and URL (shown once).", Invitation),
      400: invalidBody,
      404: campaign404,
    },
  },
  "POST /api/admin/campaigns/:slug/invitations/:id/revoke": {
    summary: "撤销推荐链接 Revoke an invitation",
    tag: "selection",
    auth: "admin",
    responses: {
      200: ok("The invitation, revoked.", Invitation),
      404: err(
        "No such campaign or invitation.",
        "campaign_not_found",
        "invitation_not_found",
        "not_found",
      ),
    },
  },
  "GET /api/admin/campaigns/:slug/nominations": {
    summary: "推荐审核队列 The nominations to review",
    tag: "selection",
    auth: "organizer",
    query: v.object({
      status: v.optional(v.picklist(["draft", "submitted", "returned", "accepted", "declined"])),
    }),
    responses: {
      200: ok("The nominations, with who nominated.", NominationList),
      400: err("A query parameter is not valid.", "invalid_query"),
      404: campaign404,
    },
  },
  "POST /api/admin/campaigns/:slug/nominations/:id/reopen": {
    summary: "重新打开推荐 Reopen a decided nomination",
    tag: "selection",
    auth: "admin",
    body: ReopenRequest,
    responses: {
      200: ok("The nomination.", Nomination),
      400: invalidBody,
      404: err("No such nomination.", "campaign_not_found", "nomination_not_found", "not_found"),
      409: state409,
    },
  },
  "POST /api/admin/campaigns/:slug/nominations/:id/:decision{accept|return|decline}": {
    summary: "审核推荐 Accept, return or decline a nomination",
    tag: "selection",
    auth: "admin",
    body: ReviewRequest,
    responses: {
      200: ok("The nomination (with its nominee number once accepted).", Nomination),
      400: invalidBody,
      404: err("No such nomination.", "campaign_not_found", "nomination_not_found", "not_found"),
      409: state409,
    },
  },
  "GET /api/admin/campaigns/:slug/jurors": campaignRead(
    "selection",
    "评委 The jury and their progress",
    "The panel and what is still unscored.",
    JuryProgress,
  ),
  "POST /api/admin/campaigns/:slug/jurors": {
    summary: "新增评委 Add a juror (answers their link once)",
    tag: "selection",
    auth: "admin",
    body: JurorRequest,
    responses: {
      201: ok("The juror, with their token and URL (shown once).", Juror),
      400: invalidBody,
      404: campaign404,
    },
  },
  "POST /api/admin/campaigns/:slug/jurors/:id/link": {
    summary: "重发评委链接 A new link for a juror (the old one stops working)",
    tag: "selection",
    auth: "admin",
    responses: {
      200: ok("The juror's new link.", JurorLink),
      404: err("No such juror.", "campaign_not_found", "juror_not_found", "not_found"),
      409: state409,
    },
  },
  "POST /api/admin/campaigns/:slug/jurors/:id/revoke": {
    summary: "移除评委 Remove a juror from the panel",
    tag: "selection",
    auth: "admin",
    responses: {
      200: ok(
        "Revoked.",
        v.object({ id: v.number(), name: v.string(), state: v.literal("revoked") }),
      ),
      404: err("No such juror.", "campaign_not_found", "juror_not_found", "not_found"),
    },
  },
  "GET /api/admin/campaigns/:slug/scores": {
    summary: "评委打分 Every score (once scoring is closed)",
    tag: "selection",
    auth: "organizer",
    responses: {
      200: object("`{scores:[…]}`."),
      404: campaign404,
      409: err("Scoring is still open.", "scoring_open"),
    },
  },
  "POST /api/admin/campaigns/:slug/scoring/:action{close|reopen}": {
    summary: "结束或重开打分 Close or reopen scoring",
    tag: "selection",
    auth: "admin",
    responses: {
      200: ok("The selection settings after the change.", SelectionSettings),
      404: campaign404,
      409: state409,
    },
  },
  "GET /api/admin/campaigns/:slug/combined": {
    summary: "综合结果 Likes and jury scores combined",
    tag: "selection",
    auth: "organizer",
    responses: {
      200: ok("The combined result.", Combined),
      404: campaign404,
      409: err("Scoring is still open.", "scoring_open"),
    },
  },
  "GET /api/admin/campaigns/:slug/certificate": {
    summary: "证书设置 Certificate settings",
    tag: "selection",
    auth: "organizer",
    responses: { 200: object("The settings."), 404: campaign404 },
  },
  "PUT /api/admin/campaigns/:slug/certificate": {
    summary: "修改证书设置 Change the certificate settings",
    tag: "selection",
    auth: "admin",
    body: CertificateSettingsBody,
    responses: { 200: object("The settings."), 400: invalidBody, 404: campaign404 },
  },
  "POST /api/admin/campaigns/:slug/certificate/seal": {
    summary: "上传印章 Upload the seal image",
    tag: "selection",
    auth: "admin",
    body: photoBody,
    responses: {
      201: object("The settings with `sealUrl`."),
      400: invalidBody,
      404: campaign404,
      415: err("Not a JPEG, PNG or WebP image.", "unsupported_media_type"),
    },
  },
  "DELETE /api/admin/campaigns/:slug/certificate/seal": {
    summary: "删除印章 Remove the seal image",
    tag: "selection",
    auth: "admin",
    responses: { 200: object("The settings without a seal."), 404: campaign404 },
  },
  "POST /api/admin/campaigns/:slug/publish": {
    summary: "公布结果 Publish the result and the honorees",
    tag: "campaigns",
    auth: "admin",
    body: PublishRequest,
    responses: {
      200: ok("The campaign, published.", AdminCampaign),
      400: invalidBody,
      404: campaign404,
      409: state409,
    },
  },
  "POST /api/admin/campaigns/:slug/withdraw": {
    summary: "撤回公布 Withdraw a published result",
    tag: "campaigns",
    auth: "admin",
    body: WithdrawRequest,
    responses: {
      200: ok("The campaign, withdrawn.", AdminCampaign),
      400: invalidBody,
      404: campaign404,
      409: state409,
    },
  },
  "GET /api/nominate/:token": {
    summary: "单位推荐页 A unit's invitation: campaign, quota, its nominations",
    tag: "selection",
    auth: "public",
    responses: { 200: ok("The overview.", UnitOverview), 404: link404, 410: link410 },
  },
  "POST /api/nominate/:token/nominations": {
    summary: "新建推荐 Save a draft nomination",
    tag: "selection",
    auth: "public",
    body: NominationContent,
    responses: {
      201: ok("The draft.", Nomination),
      400: invalidBody,
      403: closed403,
      404: link404,
      409: err("The unit's quota is used up.", "quota_exhausted"),
      410: link410,
    },
  },
  "GET /api/nominate/:token/nominations/:id": {
    summary: "推荐详情 One of the unit's nominations",
    tag: "selection",
    auth: "public",
    responses: {
      200: ok("The nomination.", Nomination),
      404: nomination404,
      410: link410,
    },
  },
  "PATCH /api/nominate/:token/nominations/:id": {
    summary: "修改推荐 Change a draft or returned nomination",
    tag: "selection",
    auth: "public",
    body: NominationContent,
    responses: {
      200: ok("The nomination.", Nomination),
      400: invalidBody,
      403: closed403,
      404: nomination404,
      409: state409,
      410: link410,
    },
  },
  "DELETE /api/nominate/:token/nominations/:id": {
    summary: "删除草稿 Delete a draft",
    tag: "selection",
    auth: "public",
    responses: {
      204: empty("Deleted."),
      403: closed403,
      404: nomination404,
      409: state409,
      410: link410,
    },
  },
  "POST /api/nominate/:token/nominations/:id/submit": {
    summary: "提交推荐 Submit a nomination for review",
    tag: "selection",
    auth: "public",
    responses: {
      200: ok("The nomination, submitted.", Nomination),
      400: err("Required fields are missing.", "incomplete"),
      403: closed403,
      404: nomination404,
      409: err("No longer submittable.", "invalid_state"),
      410: link410,
    },
  },
  "POST /api/nominate/:token/nominations/:id/photos": {
    summary: "上传推荐照片 Add a photo to a nomination",
    tag: "selection",
    auth: "public",
    body: photoBody,
    responses: {
      201: ok("The nomination with the photo.", Nomination),
      400: invalidBody,
      403: closed403,
      404: nomination404,
      409: err("Too many photos, or no longer editable.", "too_many_photos", "invalid_state"),
      410: link410,
      415: err("Not a JPEG, PNG or WebP image.", "unsupported_media_type"),
    },
  },
  "GET /api/jury/:token": {
    summary: "评委打分页 A juror's nominees and scores",
    tag: "selection",
    auth: "public",
    responses: { 200: ok("The juror's sheet.", JurorSheet), 404: link404, 410: link410 },
  },
  "PUT /api/jury/:token/scores/:number": {
    summary: "打分 Score a nominee",
    tag: "selection",
    auth: "public",
    body: ScoreRequest,
    responses: {
      200: ok(
        "The score as saved.",
        v.object({
          number: v.number(),
          score: v.nullable(v.number()),
          note: v.nullable(v.string()),
        }),
      ),
      400: invalidBody,
      404: err("No such link or nominee.", "link_not_found", "candidate_not_found"),
      409: err("Scoring is closed.", "scoring_closed"),
      410: link410,
    },
  },
};
