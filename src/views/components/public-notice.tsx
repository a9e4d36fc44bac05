import type { Campaign } from "../../db/schema";
import type { Locale } from "../i18n";
import { formatLocal } from "./campaign-header";

/**
 * The 公示 on the public campaign page after publication (issue 14): the 公示期 and where
 * objections go. Its own strings in both languages, like the rest of the public pages.
 */
const TEXT = {
  "zh-CN": {
    title: "公示",
    period: "公示期",
    range: (a: string, b: string) => `${a} 至 ${b}`,
    phase: (p: string) => `（${p}）`,
    ongoing: "公示中",
    ended: "公示期已结束",
    upcoming: "公示尚未开始",
    objection: "对公示结果如有异议，请在公示期内以真实姓名向以下单位反映：",
    unit: "受理单位",
    phone: "电话",
    email: "邮箱",
  },
  en: {
    title: "Public notice",
    period: "Notice period",
    range: (a: string, b: string) => `${a} to ${b}`,
    phase: (p: string) => ` (${p})`,
    ongoing: "The notice period is running",
    ended: "The notice period has ended",
    upcoming: "The notice period has not started",
    objection:
      "Objections to the result may be raised, under your real name, during the notice period with:",
    unit: "Receiving office",
    phone: "Phone",
    email: "Email",
  },
} satisfies Record<Locale, unknown>;

export type NoticeFields = Pick<
  Campaign,
  | "timeZone"
  | "noticeStartsAt"
  | "noticeEndsAt"
  | "objectionUnit"
  | "objectionPhone"
  | "objectionEmail"
>;

export function PublicNotice(props: { c: NoticeFields; locale: Locale; now: number }) {
  const { c, now } = props;
  const t = TEXT[props.locale];
  if (c.noticeStartsAt === null && c.objectionUnit === "") return null;
  const fmt = (ms: number) => formatLocal(ms, c.timeZone, props.locale);
  const phase =
    c.noticeStartsAt === null || c.noticeEndsAt === null
      ? null
      : now < c.noticeStartsAt
        ? t.upcoming
        : now < c.noticeEndsAt
          ? t.ongoing
          : t.ended;
  return (
    <section class="panel public-notice" aria-labelledby="public-notice-heading" data-notice>
      <h2 id="public-notice-heading">{t.title}</h2>
      <dl>
        {c.noticeStartsAt !== null && c.noticeEndsAt !== null && (
          <>
            <dt>{t.period}</dt>
            <dd>
              {t.range(fmt(c.noticeStartsAt), fmt(c.noticeEndsAt))}
              {phase && <span class="muted">{t.phase(phase)}</span>}
            </dd>
          </>
        )}
      </dl>
      {c.objectionUnit !== "" && (
        <>
          <p>{t.objection}</p>
          <dl>
            <dt>{t.unit}</dt>
            <dd>{c.objectionUnit}</dd>
            {c.objectionPhone !== "" && (
              <>
                <dt>{t.phone}</dt>
                <dd>
                  <a href={`tel:${c.objectionPhone.replace(/[^0-9+]/g, "")}`}>{c.objectionPhone}</a>
                </dd>
              </>
            )}
            {c.objectionEmail !== "" && (
              <>
                <dt>{t.email}</dt>
                <dd>
                  <a href={`mailto:${c.objectionEmail}`}>{c.objectionEmail}</a>
                </dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
