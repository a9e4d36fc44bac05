import type { IngestState } from "../../contract/admin";
import type { RankedRow } from "../../domain/ranking";
import type { Organizer } from "../../types";
import { zoneName } from "../zones";
import { LikesChart } from "./chart";
import { Facts } from "./components/form";
import { type Column, DataTable } from "./components/table";
import { count, localTime, votingWindow } from "./format";
import { IngestPanel } from "./ingest-panel";
import { type CampaignHead, CampaignLayout } from "./layout";
import { LIFECYCLE_BUTTONS, lifecycleButtons } from "./lifecycle-ui";
import { PublicationPanel, type PublicationState } from "./publication-panel";
import { PublishPanel } from "./publish-panel";
import { REJECTION_LABEL, STATUS_LABEL } from "./text";
import { VoidPanel, type VoidPrefill } from "./void-panel";

export type { VoidPrefill };

/** A ranked tally (domain/ranking.ts) and whether the nominee is marked 当选. */
export type DashboardRow = RankedRow & { honoree: boolean };

/** Everything the live part of the dashboard shows, read fresh on every poll. */
export interface DashboardData {
  slug: string;
  status: string;
  timeZone: string;
  closesAt: number;
  now: number;
  totals: { likes: number; voided: number; held: number; nominees: number };
  ranking: DashboardRow[];
  groups: { group: string; nominees: number; likes: number }[];
  hours: { hour: number; likes: number }[];
  rejections: { reason: string; count: number }[];
}

const dash = (n: number) => (n > 0 ? count(n) : "—");

const RANKING_COLUMNS: Column<DashboardRow>[] = [
  { head: "名次", num: true, cell: (r) => r.rank },
  { head: "编号", num: true, cell: (r) => r.number },
  {
    head: "姓名",
    rowHeader: true,
    cell: (r) => (
      <>
        {r.name}
        {r.honoree && <span class="badge badge-honoree">当选</span>}
      </>
    ),
  },
  { head: "单位", class: "wide-only", cell: (r) => r.unit },
  { head: "分组", class: "wide-only", cell: (r) => r.group },
  { head: "票数", num: true, cellClass: "strong", cell: (r) => count(r.likes) },
  { head: "已核减", num: true, cell: (r) => dash(r.voidedLikes) },
  { head: "待核验", num: true, cell: (r) => dash(r.heldLikes) },
];

/**
 * The part of the dashboard the script refreshes every few seconds (GET /admin/c/:slug/live).
 * Each `data-part` is swapped only when its markup changed, and never while it holds the focus.
 */
export function DashboardLive(props: { d: DashboardData }) {
  const { d } = props;
  const tz = d.timeZone;
  const rejected = d.rejections.reduce((s, r) => s + r.count, 0);
  return (
    <>
      <div data-part="status" data-status={d.status} data-closes={d.closesAt}>
        <p class="status-line">
          当前状态：
          <span class={`badge badge-${d.status}`}>{STATUS_LABEL[d.status] ?? d.status}</span>
        </p>
      </div>
      <div data-part="totals">
        <Facts
          class="totals"
          facts={[
            ["有效点赞", count(d.totals.likes)],
            ["已核减", count(d.totals.voided)],
            [
              "待核验",
              d.totals.held > 0 ? (
                <a href={`/admin/c/${d.slug}/review#held-title`}>{count(d.totals.held)}</a>
              ) : (
                count(0)
              ),
            ],
            ["候选人", count(d.totals.nominees)],
            ["被拒绝的点赞（48 小时）", count(rejected)],
          ]}
        />
      </div>
      <div class="dash-grid">
        <section class="panel wide" aria-labelledby="ranking-title">
          <h2 id="ranking-title">候选人排名</h2>
          <div data-part="ranking">
            <DataTable
              rows={d.ranking}
              class="ranking-table"
              caption="按票数排名，同票同名次"
              empty={
                <>
                  还没有候选人。<a href={`/admin/c/${d.slug}/nominees`}>添加或导入候选人</a>
                </>
              }
              columns={RANKING_COLUMNS}
            />
          </div>
        </section>
        <section class="panel" aria-labelledby="chart-heading">
          <h2 id="chart-heading">点赞趋势</h2>
          <div data-part="chart">
            <LikesChart hours={d.hours} now={d.now} timeZone={tz} />
          </div>
        </section>
        <section class="panel" aria-labelledby="groups-title">
          <h2 id="groups-title">分组合计</h2>
          <div data-part="groups">
            <DataTable
              rows={d.groups}
              empty="暂无数据。"
              columns={[
                { head: "分组", rowHeader: true, cell: (g) => g.group || "（未分组）" },
                { head: "候选人", num: true, cell: (g) => count(g.nominees) },
                { head: "票数", num: true, cellClass: "strong", cell: (g) => count(g.likes) },
                {
                  head: "占比",
                  num: true,
                  cell: (g) =>
                    d.totals.likes > 0 ? `${((g.likes / d.totals.likes) * 100).toFixed(1)}%` : "—",
                },
              ]}
            />
          </div>
        </section>
        <section class="panel" aria-labelledby="rejections-title">
          <h2 id="rejections-title">被拒绝的点赞（最近 48 小时）</h2>
          <div data-part="rejections">
            <DataTable
              rows={d.rejections}
              empty="最近 48 小时没有被拒绝的点赞。"
              columns={[
                {
                  head: "原因",
                  rowHeader: true,
                  cell: (r) => REJECTION_LABEL[r.reason] ?? "其他原因",
                },
                { head: "次数", num: true, cellClass: "strong", cell: (r) => count(r.count) },
              ]}
            />
          </div>
        </section>
      </div>
      <p class="updated" data-part="updated">
        数据时间 {localTime(d.now, tz, true)}（{zoneName(tz)}）
      </p>
    </>
  );
}

export function DashboardPage(props: {
  organizer: Organizer;
  campaign: CampaignHead & {
    organizer: string;
    opensAt: number;
    closesAt: number;
    closedAt: number | null;
  };
  data: DashboardData;
  /** How many to tick by default when publishing. */
  defaultHonorees: number;
  /** What was published and whether it was withdrawn (撤回公布). */
  publication: PublicationState;
  flash?: string;
  /** The void form filled in from a link (review queue): opens it. */
  voidPrefill?: VoidPrefill;
  /** How likes reach D1 (the shards' state), read when the page loads. */
  ingest: IngestState;
}) {
  const { campaign: c, data: d } = props;
  const admin = props.organizer.role === "admin";
  const tz = d.timeZone;
  const shown = new Set(lifecycleButtons(d.status, d.closesAt, d.now));
  const api = `/api/admin/campaigns/${c.slug}`;
  return (
    <CampaignLayout
      tab="dashboard"
      organizer={props.organizer}
      campaign={c}
      flash={props.flash}
      data={{ poll: `/admin/c/${c.slug}/live`, timeZone: tz }}
    >
      <h1>{c.title}</h1>
      <p class="meta">
        {c.organizer} · 投票时间 {votingWindow(c, tz)}（{zoneName(tz)}）
      </p>
      {admin ? (
        <section class="lifecycle" aria-label="投票控制">
          <div class="button-row">
            {LIFECYCLE_BUTTONS.map((b) => (
              <button
                type="button"
                class={`button${["close", "pause", "reopen"].includes(b.button) ? " secondary" : ""}`}
                data-lifecycle={b.button}
                data-action={b.action}
                data-confirm={b.confirm ?? undefined}
                hidden={!shown.has(b.button)}
              >
                {b.label}
              </button>
            ))}
          </div>
          <p class="form-error" role="alert" data-lifecycle-error />
        </section>
      ) : (
        <p class="notice">您以观察员身份登录，只能查看。</p>
      )}
      <PublicationPanel p={props.publication} admin={admin} />
      {admin && (
        <PublishPanel
          ranking={d.ranking}
          defaultHonorees={props.defaultHonorees}
          withdrawnAt={props.publication.withdrawnAt}
        />
      )}
      <div data-live aria-busy="false">
        <DashboardLive d={d} />
      </div>
      <p class="muted small">页面每 4 秒自动更新数据。</p>
      <IngestPanel s={props.ingest} />
      <section class="panel" aria-labelledby="exports-title">
        <h2 id="exports-title">导出与公示</h2>
        <ul class="link-list">
          {[
            [`${api}/export.csv`, "最终票数（CSV，中文表头，可用 Excel 打开）"],
            [`${api}/export.csv?lang=en`, "最终票数（CSV，英文表头）"],
            [`${api}/export.json`, "最终票数（JSON，含 SHA-256 摘要）"],
            [`${api}/votes.csv`, "全部点赞明细（votes.csv，中文表头，含核减记录）"],
            [`${api}/votes.csv?lang=en`, "全部点赞明细（votes.csv，英文表头）"],
            [`/admin/c/${c.slug}/notice`, "公示页（可打印）"],
            [`/admin/c/${c.slug}/audit`, "操作日志"],
            ...(c.status !== "draft" ? [[`/c/${c.slug}/results`, "公众看到的实时排名"]] : []),
          ].map(([href, text]) => (
            <li>
              <a href={href}>{text}</a>
            </li>
          ))}
        </ul>
      </section>
      {admin && (
        <VoidPanel
          tz={tz}
          nominees={d.ranking.map((r) => ({ number: r.number, name: r.name }))}
          prefill={props.voidPrefill}
        />
      )}
    </CampaignLayout>
  );
}
