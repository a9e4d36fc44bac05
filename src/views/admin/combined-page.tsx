import type { Organizer } from "../../types";
import type { combinedJson } from "../selection-json";
import { AdminLayout, type CampaignHead } from "./layout";
import { RepublishReason } from "./publication-panel";

/** The console's 综合结果 tab: weights and method, the three rankings side by side, honorees. */

type Combined = ReturnType<typeof combinedJson>;

const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));

function tieText(row: Combined["rows"][number]): string {
  if (!row.tie) return "";
  const others = row.tie.with.map((n) => `${n}号`).join("、");
  return row.tie.brokenBy === "committee"
    ? `与${others}综合得分相同，按评委得分排序`
    : `与${others}综合得分、评委得分均相同，按编号排序`;
}

function WeightsForm(props: {
  weightPublic: number;
  method: string;
  locked: boolean;
  admin: boolean;
}) {
  return (
    <form class="stack" data-form="weights" novalidate>
      <fieldset class="plain" disabled={!props.admin || props.locked}>
        <legend>权重与大众得分计算方法</legend>
        <div class="row-2">
          <div class="field">
            <label for="weightPublic">大众点赞权重（%）</label>
            <input
              id="weightPublic"
              name="weightPublic"
              type="number"
              inputmode="numeric"
              min={0}
              max={100}
              step={1}
              value={String(props.weightPublic)}
              aria-describedby="weight-hint"
            />
            <p class="hint" id="weight-hint">
              评委会权重为 100% 减去此值，目前为 {100 - props.weightPublic}%。
            </p>
          </div>
          <div class="field">
            <span id="method-label">大众得分</span>
            <div class="check">
              <input
                id="method-share"
                type="radio"
                name="publicMethod"
                value="share_of_max"
                checked={props.method === "share_of_max"}
              />
              <label for="method-share">按最高票折算：点赞数 ÷ 最高点赞数 × 100</label>
            </div>
            <div class="check">
              <input
                id="method-rank"
                type="radio"
                name="publicMethod"
                value="rank"
                checked={props.method === "rank"}
              />
              <label for="method-rank">按名次折算：(人数 − 名次) ÷ (人数 − 1) × 100</label>
            </div>
          </div>
        </div>
        <p class="form-error" role="alert" data-form-error />
        <p>
          <button type="submit" class="button secondary">
            保存权重与方法
          </button>
        </p>
      </fieldset>
      {props.locked && <p class="muted">结果已公布，权重和方法不能再修改。</p>}
    </form>
  );
}

export function CombinedPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  weightPublic: number;
  publicMethod: string;
  method: string;
  combined: Combined | null;
  published: boolean;
  /** When the publication was withdrawn: republishing asks for a reason. */
  withdrawnAt?: number | null;
  votingClosed: boolean;
  flash?: string;
}) {
  const admin = props.organizer.role === "admin";
  const c = props.combined;
  const marked = c?.rows.filter((r) => r.honoree).map((r) => r.number) ?? [];
  const defaults = new Set(
    marked.length ? marked : (c?.rows.slice(0, 10).map((r) => r.number) ?? []),
  );
  return (
    <AdminLayout
      title={`${props.campaign.title} · 综合结果`}
      organizer={props.organizer}
      page="combined"
      campaign={props.campaign}
      tab="combined"
      flash={props.flash}
    >
      <h1>综合结果</h1>
      <section class="panel" aria-labelledby="method-title">
        <h2 id="method-title">计分方法</h2>
        <p data-method>{props.method}</p>
        <WeightsForm
          weightPublic={props.weightPublic}
          method={props.publicMethod}
          locked={props.published}
          admin={admin}
        />
      </section>
      {!c ? (
        <section class="panel">
          <h2>尚无综合结果</h2>
          <p>
            评委打分在评审结束前不公开，综合结果在
            <a href={`/admin/c/${props.campaign.slug}/jury`}>“评审”</a>
            中结束评审后显示。
          </p>
        </section>
      ) : (
        <section class="panel" aria-labelledby="ranking-title">
          <h2 id="ranking-title">综合排名</h2>
          <p class="muted">
            评委 {c.jurors}{" "}
            人。名次并列规则：综合得分相同时评委得分高者在前，仍相同时按编号。大众名次、评委名次为单项排名（同分同名次）。
          </p>
          <form data-form="honorees" novalidate>
            <div class="table-wrap">
              <table class="data combined-table" data-combined>
                <caption class="visually-hidden">综合排名，附大众与评委单项排名</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      综合名次
                    </th>
                    <th scope="col" class="num">
                      编号
                    </th>
                    <th scope="col">姓名</th>
                    <th scope="col" class="num wide-only">
                      票数
                    </th>
                    <th scope="col" class="num wide-only">
                      大众名次
                    </th>
                    <th scope="col" class="num">
                      大众得分
                    </th>
                    <th scope="col" class="num wide-only">
                      评委名次
                    </th>
                    <th scope="col" class="num">
                      评委得分
                    </th>
                    <th scope="col" class="num">
                      综合得分
                    </th>
                    <th scope="col" class="wide-only">
                      说明
                    </th>
                    <th scope="col">当选</th>
                  </tr>
                </thead>
                <tbody>
                  {c.rows.map((r) => (
                    <tr data-number={String(r.number)}>
                      <td class="num">{r.rank}</td>
                      <td class="num">{r.number}</td>
                      <th scope="row">
                        {r.name}
                        <span class="muted wide-only"> {r.unit}</span>
                        {r.tie && <span class="tie-note">{tieText(r)}</span>}
                      </th>
                      <td class="num wide-only">{r.likes}</td>
                      <td class="num wide-only">{r.publicRank}</td>
                      <td class="num">{fixed(r.publicScore)}</td>
                      <td class="num wide-only">{r.committeeRank ?? "—"}</td>
                      <td class="num">
                        {fixed(r.committeeScore)}
                        {r.scoresMissing > 0 && <span class="muted">（缺 {r.scoresMissing}）</span>}
                      </td>
                      <td class="num strong">{fixed(r.combinedScore)}</td>
                      <td class="wide-only" data-tie>
                        {tieText(r)}
                      </td>
                      <td class="honoree-cell">
                        <span class="check">
                          <input
                            type="checkbox"
                            id={`h-${r.number}`}
                            name="honoree"
                            value={String(r.number)}
                            checked={defaults.has(r.number)}
                            disabled={!admin || props.published}
                          />
                          <label for={`h-${r.number}`}>
                            <span class="visually-hidden">{r.name}</span>当选
                          </label>
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {admin && !props.published && (
              <>
                {!props.votingClosed && <p class="notice">公布前请先在“实时看板”结束投票。</p>}
                <RepublishReason withdrawnAt={props.withdrawnAt ?? null} id="combined-reason" />
                <p class="form-error" role="alert" data-form-error />
                <p>
                  <button type="submit" class="button">
                    按勾选名单公布结果
                  </button>
                </p>
              </>
            )}
            {props.published && (
              <p>结果已公布，当选名单见上表。如需更改，请在“实时看板”撤回公布后重新公布。</p>
            )}
          </form>
        </section>
      )}
    </AdminLayout>
  );
}
