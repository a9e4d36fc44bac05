import { CAMPAIGN_LIMITS } from "../../validators/campaign";
import { TextArea } from "./components/field";
import { ReasonForm } from "./components/form";
import { localTime } from "./format";

/**
 * 撤回公布 / 重新公布 (issue 14): the published honoree list as it was stored at publication, and
 * the only way to change it — withdrawing the publication with a reason. After a withdrawal the
 * publish forms ask for the reason of the republication ({@link RepublishReason}).
 */
export interface PublicationState {
  publishedAt: number | null;
  /** The list stored at publication (numbers), with names where the nominee still exists. */
  honorees: { number: number; name: string }[];
  withdrawnAt: number | null;
  timeZone: string;
}

export function PublicationPanel(props: { p: PublicationState; admin: boolean }) {
  const { p } = props;
  if (p.publishedAt === null) {
    if (p.withdrawnAt === null) return null;
    return (
      <p class="notice" data-withdrawn>
        结果已于 {localTime(p.withdrawnAt, p.timeZone)}
        撤回公布，公众页面不再显示当选名单。请在“公布结果”中确认名单并填写重新公布的理由。
      </p>
    );
  }
  return (
    <section class="panel" aria-labelledby="published-title" data-publication>
      <h2 id="published-title">已公布的当选名单（{p.honorees.length} 人）</h2>
      <p class="muted">
        公布于 {localTime(p.publishedAt, p.timeZone)}
        。公众页面只显示这份名单；候选人资料里的“当选”勾选已锁定。如需更改，请先撤回公布并说明理由，改好后重新公布。
      </p>
      {p.honorees.length > 0 && (
        <p>{p.honorees.map((h) => `${h.number}号 ${h.name}`).join("、")}</p>
      )}
      {props.admin && (
        <ReasonForm
          id="withdraw-reason"
          label="撤回理由（必填，记入操作日志）"
          limit={CAMPAIGN_LIMITS.reason}
          submit="撤回公布"
          data={{ "data-form": "withdraw" }}
        />
      )}
    </section>
  );
}

/** The reason field of a republication, inside a publish form; nothing on a first publication. */
export function RepublishReason(props: { withdrawnAt: number | null; id: string }) {
  if (props.withdrawnAt === null) return null;
  return (
    // aria-required, not required: the publish forms validate in their script and say why.
    <TextArea
      id={props.id}
      name="reason"
      label="重新公布的理由（必填，记入操作日志）"
      rows={2}
      limit={CAMPAIGN_LIMITS.reason}
      required="aria"
    />
  );
}
