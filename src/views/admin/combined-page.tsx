import type { Organizer } from "../../types";
import type { combinedJson } from "../selection-json";
import { Check, NumberInput } from "./components/field";
import { FormEnd } from "./components/form";
import { type Column, DataTable } from "./components/table";
import { type CampaignHead, CampaignLayout } from "./layout";
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

type Row = Combined["rows"][number];

const COLUMNS: Column<Row>[] = [
  { head: "综合名次", num: true, cell: (r) => r.rank },
  { head: "编号", num: true, cell: (r) => r.number },
  {
    head: "姓名",
    rowHeader: true,
    cell: (r) => (
      <>
        {r.name}
        <span class="muted wide-only"> {r.unit}</span>
        {r.tie && <span class="tie-note">{tieText(r)}</span>}
      </>
    ),
  },
  { head: "票数", num: true, class: "wide-only", cell: (r) => r.likes },
  { head: "大众名次", num: true, class: "wide-only", cell: (r) => r.publicRank },
  { head: "大众得分", num: true, cell: (r) => fixed(r.publicScore) },
  { head: "评委名次", num: true, class: "wide-only", cell: (r) => r.committeeRank ?? "—" },
  {
    head: "评委得分",
    num: true,
    cell: (r) => (
      <>
        {fixed(r.committeeScore)}
        {r.scoresMissing > 0 && <span class="muted">（缺 {r.scoresMissing}）</span>}
      </>
    ),
  },
  { head: "综合得分", num: true, cellClass: "strong", cell: (r) => fixed(r.combinedScore) },
  { head: "说明", class: "wide-only", cellAttrs: () => ({ "data-tie": true }), cell: tieText },
];

/** The two ways a public score is made from likes (SelectionSettings.publicMethod). */
const PUBLIC_METHODS = [
  { id: "share", value: "share_of_max", label: "按最高票折算：点赞数 ÷ 最高点赞数 × 100" },
  { id: "rank", value: "rank", label: "按名次折算：(人数 − 名次) ÷ (人数 − 1) × 100" },
] as const;

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
          <NumberInput
            id="weightPublic"
            name="weightPublic"
            label="大众点赞权重（%）"
            min={0}
            max={100}
            value={String(props.weightPublic)}
            hint={`评委会权重为 100% 减去此值，目前为 ${100 - props.weightPublic}%。`}
          />
          <div class="field">
            <span id="method-label">大众得分</span>
            {/* Two fixed choices: nothing for an issue to point at. */}
            {PUBLIC_METHODS.map((m) => (
              <Check
                id={`method-${m.id}`}
                type="radio"
                name="publicMethod"
                label={m.label}
                value={m.value}
                checked={props.method === m.value}
                path={false}
              />
            ))}
          </div>
        </div>
        <FormEnd submit="保存权重与方法" kind="secondary" />
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
    <CampaignLayout {...props} tab="combined">
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
            <DataTable
              rows={c.rows}
              wrap
              class="combined-table"
              data={{ "data-combined": true }}
              caption="综合排名，附大众与评委单项排名"
              rowData={(r) => ({ "data-number": String(r.number) })}
              empty=""
              columns={[
                ...COLUMNS,
                {
                  head: "当选",
                  cellClass: "honoree-cell",
                  cell: (r) => (
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
                  ),
                },
              ]}
            />
            {admin && !props.published && (
              <>
                {!props.votingClosed && <p class="notice">公布前请先在“实时看板”结束投票。</p>}
                <RepublishReason withdrawnAt={props.withdrawnAt ?? null} id="combined-reason" />
                <FormEnd submit="按勾选名单公布结果" />
              </>
            )}
            {props.published && (
              <p>结果已公布，当选名单见上表。如需更改，请在“实时看板”撤回公布后重新公布。</p>
            )}
          </form>
        </section>
      )}
    </CampaignLayout>
  );
}
