import { NOTICE_LIMITS as L } from "../../validators/notice";
import { CodeInput, Input } from "./components/field";
import { localInputValue } from "./format";

/** The 公示 block of the campaign settings (issue 14), sent as `notice` (validators/notice.ts). */
export interface NoticeValues {
  startsAt: number | null;
  endsAt: number | null;
  objectionUnit: string;
  objectionPhone: string;
  objectionEmail: string;
}

const EMPTY: NoticeValues = {
  startsAt: null,
  endsAt: null,
  objectionUnit: "",
  objectionPhone: "",
  objectionEmail: "",
};

export function NoticeFieldset(props: {
  mode: "create" | "edit";
  values?: NoticeValues;
  timeZone: string;
  readOnly?: boolean;
}) {
  const v = props.values ?? EMPTY;
  const id = (name: string) => `${props.mode}-notice-${name}`;
  const time = (ms: number | null) => (ms === null ? "" : localInputValue(ms, props.timeZone));
  return (
    <fieldset disabled={props.readOnly} data-notice-fields>
      <legend>公示</legend>
      <p class="hint">
        结果公布后，公示期和异议受理方式显示在公众活动页和打印的公示上。时间按上面的时区填写；可以先留空，公布前再补。
      </p>
      <div class="row-2">
        <Input
          id={id("startsAt")}
          name="noticeStartsAt"
          path="notice.startsAt"
          label="公示开始时间"
          type="datetime-local"
          value={time(v.startsAt)}
        />
        <Input
          id={id("endsAt")}
          name="noticeEndsAt"
          path="notice.endsAt"
          label="公示结束时间"
          type="datetime-local"
          value={time(v.endsAt)}
        />
      </div>
      <Input
        id={id("unit")}
        name="objectionUnit"
        path="notice.objectionUnit"
        label="异议受理单位"
        limit={L.objectionUnit}
        hint="例如：市信访工作联席会议办公室。填写后，电话和邮箱至少填一项。"
        value={v.objectionUnit}
      />
      <div class="row-2">
        <Input
          id={id("phone")}
          name="objectionPhone"
          path="notice.objectionPhone"
          label="受理电话"
          type="tel"
          inputmode="tel"
          limit={L.objectionPhone}
          value={v.objectionPhone}
        />
        <CodeInput
          id={id("email")}
          name="objectionEmail"
          path="notice.objectionEmail"
          label="受理邮箱"
          type="email"
          inputmode="email"
          limit={L.objectionEmail}
          value={v.objectionEmail}
        />
      </div>
    </fieldset>
  );
}
