import { FormEnd } from "./components/form";
import type { DashboardRow } from "./dashboard-page";
import { count } from "./format";
import { RepublishReason } from "./publication-panel";

/**
 * 公布结果 on the dashboard: the final ranking as a checklist of honorees (the ones already marked,
 * else the top `defaultHonorees`), opened by the lifecycle button (client/admin/dashboard.ts).
 */
export function PublishPanel(props: {
  ranking: DashboardRow[];
  defaultHonorees: number;
  withdrawnAt: number | null;
}) {
  const honorees = new Set(props.ranking.filter((r) => r.honoree).map((r) => r.number));
  const preselect = (r: DashboardRow, i: number) =>
    honorees.size > 0 ? honorees.has(r.number) : i < props.defaultHonorees;
  return (
    <section
      class="panel publish-panel"
      id="publish-panel"
      hidden
      data-publish-panel
      aria-labelledby="publish-title"
    >
      <h2 id="publish-title" tabindex={-1}>
        公布结果：选择当选者
      </h2>
      <p>
        按最终排名列出。勾选的候选人将标为“当选”，公众可在候选人页面和公示中看到；公布后不能再开始投票。
      </p>
      <div class="inline-form">
        <label for="top-n">按排名勾选前几名</label>
        <input
          id="top-n"
          type="number"
          inputmode="numeric"
          min={0}
          max={props.ranking.length}
          value={String(Math.min(props.defaultHonorees, props.ranking.length))}
        />
        <button type="button" class="button secondary" data-select-top>
          勾选
        </button>
      </div>
      <form data-form="publish" method="post">
        <fieldset class="plain">
          <legend class="visually-hidden">当选者</legend>
          <ul class="checklist">
            {props.ranking.map((r, i) => (
              <li>
                <input
                  type="checkbox"
                  id={`honoree-${r.number}`}
                  name="honoree"
                  value={String(r.number)}
                  checked={preselect(r, i)}
                />
                <label for={`honoree-${r.number}`}>
                  第 {r.rank} 名 · {r.number}号 {r.name}
                  <span class="muted">
                    {" "}
                    {r.unit} · {count(r.likes)} 票
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <RepublishReason withdrawnAt={props.withdrawnAt} id="publish-reason" />
        <FormEnd
          row="button-row"
          submit={
            <>
              确认公布（已选 <span data-selected-count>{String(0)}</span> 人）
            </>
          }
          extra={
            <button type="button" class="button secondary" data-cancel>
              取消
            </button>
          }
        />
      </form>
    </section>
  );
}
