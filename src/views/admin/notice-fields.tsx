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
        <div class="field">
          <label for={id("startsAt")}>公示开始时间</label>
          <input
            id={id("startsAt")}
            name="noticeStartsAt"
            type="datetime-local"
            value={time(v.startsAt)}
          />
        </div>
        <div class="field">
          <label for={id("endsAt")}>公示结束时间</label>
          <input
            id={id("endsAt")}
            name="noticeEndsAt"
            type="datetime-local"
            value={time(v.endsAt)}
          />
        </div>
      </div>
      <div class="field">
        <label for={id("unit")}>异议受理单位</label>
        <input
          id={id("unit")}
          name="objectionUnit"
          type="text"
          maxlength={100}
          aria-describedby={id("unit-hint")}
          value={v.objectionUnit}
        />
        <p class="hint" id={id("unit-hint")}>
          例如：市信访工作联席会议办公室。填写后，电话和邮箱至少填一项。
        </p>
      </div>
      <div class="row-2">
        <div class="field">
          <label for={id("phone")}>受理电话</label>
          <input
            id={id("phone")}
            name="objectionPhone"
            type="tel"
            inputmode="tel"
            maxlength={40}
            value={v.objectionPhone}
          />
        </div>
        <div class="field">
          <label for={id("email")}>受理邮箱</label>
          <input
            id={id("email")}
            name="objectionEmail"
            type="email"
            inputmode="email"
            maxlength={200}
            autocapitalize="none"
            spellcheck={false}
            value={v.objectionEmail}
          />
        </div>
      </div>
    </fieldset>
  );
}
