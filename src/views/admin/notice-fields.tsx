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
  const field = (idName: string, key: keyof NoticeValues, name: string = key) => ({
    id: id(idName),
    name,
    path: `notice.${key}`,
  });
  const when = (key: "startsAt" | "endsAt", name: string) => ({
    ...field(key, key, name),
    type: "datetime-local" as const,
    value: time(v[key]),
  });
  /** A phone or e-mail field: the input type, and the on-screen keyboard to match. */
  const typed = (kind: "tel" | "email") => ({ type: kind, inputmode: kind });
  const objection = (idName: string, key: keyof typeof L) => ({
    ...field(idName, key),
    limit: L[key],
    value: v[key],
  });
  return (
    <fieldset disabled={props.readOnly} data-notice-fields>
      <legend>公示</legend>
      <p class="hint">
        结果公布后，公示期和异议受理方式显示在公众活动页和打印的公示上。时间按上面的时区填写；可以先留空，公布前再补。
      </p>
      <div class="row-2">
        <Input {...when("startsAt", "noticeStartsAt")} label="公示开始时间" />
        <Input {...when("endsAt", "noticeEndsAt")} label="公示结束时间" />
      </div>
      <Input
        {...objection("unit", "objectionUnit")}
        label="异议受理单位"
        hint="例如：市信访工作联席会议办公室。填写后，电话和邮箱至少填一项。"
      />
      <div class="row-2">
        <Input {...objection("phone", "objectionPhone")} {...typed("tel")} label="受理电话" />
        <CodeInput {...objection("email", "objectionEmail")} {...typed("email")} label="受理邮箱" />
      </div>
    </fieldset>
  );
}
