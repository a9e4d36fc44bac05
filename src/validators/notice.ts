import * as v from "valibot";
import { parseInstant } from "../domain/time";
import { Instant, Text } from "./common";
import { bilingual } from "./messages";

/**
 * 公示 as the practice needs it (issue 14): the 公示期 (start and end) and where objections go
 * (受理单位 with a phone and/or an e-mail address). Sent as one block, `notice`, in the campaign
 * settings; every field may be empty (null / "") until the organizer knows it.
 */

/** The longest text each field takes (the campaign form's maxlength reads them). */
export const NOTICE_LIMITS = {
  objectionUnit: 100,
  objectionPhone: 40,
  objectionEmail: 200,
} as const;

const Phone = v.pipe(
  Text(NOTICE_LIMITS.objectionPhone, "notice.objectionPhone"),
  v.regex(
    /^$|^[0-9+()\-\s转]{5,40}$/,
    "notice.objectionPhone: digits, spaces, + ( ) - and 转 only, e.g. 0358-8223456",
  ),
);

const Email = v.pipe(
  Text(NOTICE_LIMITS.objectionEmail, "notice.objectionEmail"),
  v.check(
    (s) => s === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
    "notice.objectionEmail: an e-mail address such as xinfang@example.gov.cn",
  ),
);

export const CampaignNotice = v.pipe(
  v.object({
    startsAt: v.nullable(Instant),
    endsAt: v.nullable(Instant),
    objectionUnit: v.optional(Text(NOTICE_LIMITS.objectionUnit, "notice.objectionUnit"), ""),
    objectionPhone: v.optional(Phone, ""),
    objectionEmail: v.optional(Email, ""),
  }),
  // Rules across fields, reported at the field the organizer fixes (error.issues' path).
  v.forward(
    v.check(
      (n) => (n.startsAt === null) === (n.endsAt === null),
      bilingual(
        "notice.endsAt: give both the start and the end of the 公示期, or neither",
        "公示期的开始和结束时间须同时填写或同时留空。",
      ),
    ),
    ["endsAt"],
  ),
  v.forward(
    v.check(
      (n) =>
        n.startsAt === null ||
        n.endsAt === null ||
        (parseInstant(n.endsAt) ?? 0) > (parseInstant(n.startsAt) ?? 0),
      bilingual("notice.endsAt must be after notice.startsAt", "公示结束时间须晚于开始时间。"),
    ),
    ["endsAt"],
  ),
  v.forward(
    v.check(
      (n) => n.objectionUnit !== "" || (n.objectionPhone === "" && n.objectionEmail === ""),
      bilingual(
        "notice.objectionUnit: name the unit that receives objections",
        "请填写异议受理单位。",
      ),
    ),
    ["objectionUnit"],
  ),
  v.forward(
    v.check(
      (n) => n.objectionUnit === "" || n.objectionPhone !== "" || n.objectionEmail !== "",
      bilingual(
        "notice.objectionPhone: give a phone number or an e-mail address for objections",
        "请填写受理电话或受理邮箱。",
      ),
    ),
    ["objectionPhone"],
  ),
);
export type CampaignNotice = v.InferOutput<typeof CampaignNotice>;

/** The stored form (campaign columns). */
export function noticeColumns(n: CampaignNotice) {
  return {
    noticeStartsAt: n.startsAt === null ? null : parseInstant(n.startsAt),
    noticeEndsAt: n.endsAt === null ? null : parseInstant(n.endsAt),
    objectionUnit: n.objectionUnit,
    objectionPhone: n.objectionPhone,
    objectionEmail: n.objectionEmail,
  };
}
