import type { ScoreRow } from "../../db/queries/jury";
import type { Organizer } from "../../types";
import { SELECTION_LIMITS } from "../../validators/selection";
import type { jurorJson } from "../selection-json";
import { Input, named } from "./components/field";
import { FormEnd } from "./components/form";
import { LinkTable, linkActionsColumn, linkStateColumn } from "./components/link-columns";
import { DataTable } from "./components/table";
import { type CampaignHead, CampaignLayout } from "./layout";

/** The console's 评审 tab: the panel, each juror's progress, missing scores, closing scoring. */

type JurorView = ReturnType<typeof jurorJson>;

/** 重新生成链接, and 移出 while scoring is open. */
function JurorActions(props: { j: JurorView; open: boolean }) {
  const { j } = props;
  return (
    <span class="button-row">
      <button
        type="button"
        class="button secondary small"
        data-renew-juror={String(j.id)}
        aria-label={`为${j.name}重新生成链接`}
      >
        重新生成链接
      </button>
      {props.open && (
        <button
          type="button"
          class="button secondary small"
          data-revoke-juror={String(j.id)}
          aria-label={`将${j.name}移出评委会`}
        >
          移出
        </button>
      )}
    </span>
  );
}

export function JuryPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  jurors: JurorView[];
  nominees: { number: number; name: string }[];
  missing: { juror: string; number: number; name: string }[];
  scoringClosed: boolean;
  published: boolean;
  scores: ScoreRow[];
  flash?: string;
}) {
  const admin = props.organizer.role === "admin";
  const active = props.jurors.filter((j) => j.state !== "revoked");
  const scoreOf = new Map(props.scores.map((s) => [`${s.jurorId}:${s.number}`, s]));
  return (
    <CampaignLayout {...props} tab="jury">
      <h1>评委会审定</h1>
      <p>
        每位评委通过个人链接为全部候选人打分（0–100）。评审结束前，评委之间互相看不到分数，组织方也只能看到打分进度；结束评审后分数汇总，用于综合结果。
      </p>
      <section class="panel" aria-labelledby="jurors-title">
        <h2 id="jurors-title">评委</h2>
        {admin && !props.scoringClosed && (
          <form class="stack" data-form="juror" novalidate>
            <Input
              {...named("juror", "name")}
              label="评委姓名"
              limit={SELECTION_LIMITS.jurorName}
              required
            />
            <FormEnd submit="添加评委并生成链接" />
          </form>
        )}
        {/* Links made on this page, newest first; each is shown only here, only once. */}
        {admin && <ul class="new-links" data-new-links aria-label="本次生成的链接" />}
        <div data-part="jurors">
          <LinkTable
            kind="juror"
            rows={props.jurors}
            empty="还没有评委。"
            columns={[
              { head: "评委", rowHeader: true, cell: (j) => j.name },
              { head: "已打分", num: true, cell: (j) => j.scored },
              { head: "未打分", num: true, cell: (j) => j.missing },
              linkStateColumn<JurorView>("已移出评委会"),
              linkActionsColumn<JurorView>(admin, (j) => (
                <JurorActions j={j} open={!props.scoringClosed} />
              )),
            ]}
          />
        </div>
        <p class="form-error" role="alert" data-jury-error />
      </section>

      <section class="panel" aria-labelledby="missing-title">
        <h2 id="missing-title">缺少的打分（{props.missing.length}）</h2>
        {props.missing.length === 0 ? (
          <p>{active.length ? "所有评委都已为全部候选人打分。" : "还没有评委。"}</p>
        ) : (
          <ul class="missing-list" data-missing>
            {active.map((j) => {
              const mine = props.missing.filter((m) => m.juror === j.name);
              return mine.length ? (
                <li>
                  <strong>{j.name}</strong>：{mine.map((m) => `${m.number}号 ${m.name}`).join("、")}
                </li>
              ) : null;
            })}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="close-title">
        <h2 id="close-title">{props.scoringClosed ? "评审已结束" : "结束评审"}</h2>
        {props.scoringClosed ? (
          <p>评委不能再修改分数，评委之间可以看到全部打分；综合结果使用以下分数。</p>
        ) : (
          <p>
            结束后评委不能再修改分数，并汇总全部打分。
            {props.missing.length > 0 &&
              `注意：仍有 ${props.missing.length} 个打分缺失，缺失的不计入平均分。`}
          </p>
        )}
        {admin && !props.published && (
          <p>
            <button
              type="button"
              class={props.scoringClosed ? "button secondary" : "button"}
              data-scoring={props.scoringClosed ? "reopen" : "close"}
            >
              {props.scoringClosed ? "重新开放评审" : "结束评审并汇总"}
            </button>
          </p>
        )}
        {props.scoringClosed && props.scores.length > 0 && (
          <DataTable
            rows={props.nominees}
            wrap
            class="compact"
            data={{ "data-score-matrix": true }}
            caption="评委打分表"
            empty=""
            columns={[
              { head: "候选人", rowHeader: true, cell: (n) => `${n.number}号 ${n.name}` },
              ...active.map((j) => ({
                head: j.name,
                num: true,
                cellAttrs: (n: { number: number }) => ({
                  title: scoreOf.get(`${j.id}:${n.number}`)?.note || undefined,
                }),
                cell: (n: { number: number }) => scoreOf.get(`${j.id}:${n.number}`)?.score ?? "—",
              })),
            ]}
          />
        )}
      </section>
    </CampaignLayout>
  );
}
