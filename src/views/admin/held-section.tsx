import type { ChangeView, HeldNominee } from "../../db/queries/ledger-status";
import { LEDGER_LIMITS } from "../../validators/ledger-status";
import { Input, named, Select } from "./components/field";
import { FormEnd } from "./components/form";
import { DataTable } from "./components/table";
import { count, localTime } from "./format";

/**
 * The review queue's ledger decisions: held likes per nominee to release (计入) or void (核减) in
 * bulk with a reason, and the recent decisions, each void reinstatable with a reason
 * (client/admin/review.ts).
 */

const ACTION_LABEL: Record<string, string> = {
  void: "核减",
  void_held: "核减待核验",
  void_flag: "按异常标记核减",
  release: "计入待核验",
  reinstate: "恢复",
};

function ReasonField(props: { id: string; label: string }) {
  return <Input {...props} name="reason" limit={LEDGER_LIMITS.reason} required />;
}

export function HeldSection(props: { held: HeldNominee[]; admin: boolean }) {
  const total = props.held.reduce((s, n) => s + n.held, 0);
  return (
    <section aria-labelledby="held-title">
      <h2 id="held-title">待核验的点赞（{count(total)}）</h2>
      <p class="muted">
        异常标记期间的新点赞先记录、暂不计入公开票数（投票人看到“已记录，待核验”）。核实后可一次全部计入，或核减；都要写明理由，记入操作日志和存证哈希链。
      </p>
      {props.held.length === 0 ? (
        <p class="empty">没有待核验的点赞。</p>
      ) : (
        <>
          <DataTable
            rows={props.held}
            class="held-table"
            empty=""
            columns={[
              { head: "候选人", rowHeader: true, cell: (n) => `${n.number}号 ${n.name}` },
              { head: "待核验", num: true, cell: (n) => count(n.held) },
            ]}
          />
          {props.admin && (
            <form class="held-decide stack" data-form="held">
              <Select {...named("held", "number")} label="处理哪些">
                <option value="">全部待核验的点赞（{count(total)}）</option>
                {props.held.map((n) => (
                  <option value={String(n.number)}>
                    {n.number}号 {n.name}（{count(n.held)}）
                  </option>
                ))}
              </Select>
              <ReasonField id="held-reason" label="理由（必填，记入操作日志）" />
              <p class="actions">
                <button type="submit" class="button" name="decision" value="release">
                  全部计入
                </button>
                <button type="submit" class="button danger" name="decision" value="void">
                  全部核减
                </button>
              </p>
              <p class="form-error" role="alert" data-form-error />
            </form>
          )}
        </>
      )}
    </section>
  );
}

export function ChangesSection(props: { changes: ChangeView[]; tz: string; admin: boolean }) {
  if (props.changes.length === 0) return null;
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">最近的核减与计入</h2>
      <p class="muted">
        每次处理都保留在明细里。核减错了可以恢复：恢复的点赞重新计入，原来的核减和这次恢复都留有记录。
      </p>
      <ul class="flags changes">
        {props.changes.map((x) => (
          <li class="flag change" id={`change-${x.id}`}>
            <p>
              <b>{ACTION_LABEL[x.action] ?? x.action}</b> {count(x.rows)} 条 ·{" "}
              {localTime(x.createdAt, props.tz, true)} · {x.actor}
            </p>
            <p class="muted">理由：{x.reason}</p>
            {x.action.startsWith("void") &&
              (x.standing > 0 ? (
                props.admin && (
                  <form class="reinstate stack" data-form="reinstate" data-change={x.id}>
                    <ReasonField
                      id={`reinstate-${x.id}`}
                      label={`恢复仍处于核减状态的 ${count(x.standing)} 条：理由（必填）`}
                    />
                    <FormEnd submit="恢复这次核减" kind="secondary" row="actions" errorLast />
                  </form>
                )
              ) : (
                <p class="muted">已全部恢复。</p>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
