import type { NoticeFields } from "../components/public-notice";
import { zoneName } from "../zones";
import { localTime } from "./format";

/** The printed 公示's 公示期 and objection contact (issue 14), as rows of its header list. */
export function NoticeMeta(props: { n: NoticeFields }) {
  const { n } = props;
  const tz = n.timeZone;
  const contact = [
    n.objectionPhone && `电话 ${n.objectionPhone}`,
    n.objectionEmail && `邮箱 ${n.objectionEmail}`,
  ].filter(Boolean);
  return (
    <>
      {n.noticeStartsAt !== null && n.noticeEndsAt !== null && (
        <div data-notice-period>
          <dt>公示期</dt>
          <dd>
            {localTime(n.noticeStartsAt, tz)} 至 {localTime(n.noticeEndsAt, tz)}（{zoneName(tz)}）
          </dd>
        </div>
      )}
      {n.objectionUnit !== "" && (
        <div data-objection>
          <dt>异议受理</dt>
          <dd>
            如有异议，请在公示期内以真实姓名向{n.objectionUnit}反映
            {contact.length > 0 && `（${contact.join("，")}）`}。
          </dd>
        </div>
      )}
    </>
  );
}
