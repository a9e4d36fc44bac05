import type { Organizer } from "../../types";
import { LikesChart } from "./chart";
import { count, localTime, votingWindow, zoneName } from "./format";
import { AdminLayout, type CampaignHead } from "./layout";
import { LIFECYCLE_BUTTONS, lifecycleButtons } from "./lifecycle-ui";
import { PublicationPanel, type PublicationState, RepublishReason } from "./publication-panel";
import { REJECTION_LABEL, STATUS_LABEL } from "./text";
import { VoidPanel, type VoidPrefill } from "./void-panel";

export type { VoidPrefill };

export interface DashboardRow {
  rank: number;
  number: number;
  name: string;
  unit: string;
  group: string;
  likes: number;
  voidedLikes: number;
  /** Held likes (待核验): recorded, not counted until released in the review queue. */
  heldLikes: number;
  honoree: boolean;
}

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
        <dl class="totals">
          <div>
            <dt>有效点赞</dt>
            <dd>{count(d.totals.likes)}</dd>
          </div>
          <div>
            <dt>已核减</dt>
            <dd>{count(d.totals.voided)}</dd>
          </div>
          <div>
            <dt>待核验</dt>
            <dd>
              {d.totals.held > 0 ? (
                <a href={`/admin/c/${d.slug}/review#held-title`}>{count(d.totals.held)}</a>
              ) : (
                count(0)
              )}
            </dd>
          </div>
          <div>
            <dt>候选人</dt>
            <dd>{count(d.totals.nominees)}</dd>
          </div>
          <div>
            <dt>被拒绝的点赞（48 小时）</dt>
            <dd>{count(rejected)}</dd>
          </div>
        </dl>
      </div>
      <div class="dash-grid">
        <section class="panel wide" aria-labelledby="ranking-title">
          <h2 id="ranking-title">候选人排名</h2>
          <div data-part="ranking">
            {d.ranking.length === 0 ? (
              <p class="empty">
                还没有候选人。<a href={`/admin/c/${d.slug}/nominees`}>添加或导入候选人</a>
              </p>
            ) : (
              <table class="data ranking-table">
                <caption class="visually-hidden">按票数排名，同票同名次</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      名次
                    </th>
                    <th scope="col" class="num">
                      编号
                    </th>
                    <th scope="col">姓名</th>
                    <th scope="col" class="wide-only">
                      单位
                    </th>
                    <th scope="col" class="wide-only">
                      分组
                    </th>
                    <th scope="col" class="num">
                      票数
                    </th>
                    <th scope="col" class="num">
                      已核减
                    </th>
                    <th scope="col" class="num">
                      待核验
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.ranking.map((r) => (
                    <tr>
                      <td class="num">{r.rank}</td>
                      <td class="num">{r.number}</td>
                      <th scope="row">
                        {r.name}
                        {r.honoree && <span class="badge badge-honoree">当选</span>}
                      </th>
                      <td class="wide-only">{r.unit}</td>
                      <td class="wide-only">{r.group}</td>
                      <td class="num strong">{count(r.likes)}</td>
                      <td class="num">{r.voidedLikes > 0 ? count(r.voidedLikes) : "—"}</td>
                      <td class="num">{r.heldLikes > 0 ? count(r.heldLikes) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
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
            {d.groups.length === 0 ? (
              <p class="empty">暂无数据。</p>
            ) : (
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">分组</th>
                    <th scope="col" class="num">
                      候选人
                    </th>
                    <th scope="col" class="num">
                      票数
                    </th>
                    <th scope="col" class="num">
                      占比
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.groups.map((g) => (
                    <tr>
                      <th scope="row">{g.group || "（未分组）"}</th>
                      <td class="num">{count(g.nominees)}</td>
                      <td class="num strong">{count(g.likes)}</td>
                      <td class="num">
                        {d.totals.likes > 0
                          ? `${((g.likes / d.totals.likes) * 100).toFixed(1)}%`
                          : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </section>
        <section class="panel" aria-labelledby="rejections-title">
          <h2 id="rejections-title">被拒绝的点赞（最近 48 小时）</h2>
          <div data-part="rejections">
            {d.rejections.length === 0 ? (
              <p class="empty">最近 48 小时没有被拒绝的点赞。</p>
            ) : (
              <table class="data">
                <thead>
                  <tr>
                    <th scope="col">原因</th>
                    <th scope="col" class="num">
                      次数
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.rejections.map((r) => (
                    <tr>
                      <th scope="row">{REJECTION_LABEL[r.reason] ?? "其他原因"}</th>
                      <td class="num strong">{count(r.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
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
}) {
  const { campaign: c, data: d } = props;
  const admin = props.organizer.role === "admin";
  const tz = d.timeZone;
  const shown = new Set(lifecycleButtons(d.status, d.closesAt, d.now));
  const api = `/api/admin/campaigns/${c.slug}`;
  const honorees = new Set(d.ranking.filter((r) => r.honoree).map((r) => r.number));
  const preselect = (r: DashboardRow, i: number) =>
    honorees.size > 0 ? honorees.has(r.number) : i < props.defaultHonorees;
  return (
    <AdminLayout
      title={`${c.title} · 实时看板`}
      organizer={props.organizer}
      page="dashboard"
      campaign={c}
      tab="dashboard"
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
              max={d.ranking.length}
              value={String(Math.min(props.defaultHonorees, d.ranking.length))}
            />
            <button type="button" class="button secondary" data-select-top>
              勾选
            </button>
          </div>
          <form data-form="publish" method="post">
            <fieldset class="plain">
              <legend class="visually-hidden">当选者</legend>
              <ul class="checklist">
                {d.ranking.map((r, i) => (
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
            <RepublishReason withdrawnAt={props.publication.withdrawnAt} id="publish-reason" />
            <p class="form-error" role="alert" data-form-error />
            <div class="button-row">
              <button type="submit" class="button">
                确认公布（已选 <span data-selected-count>{String(0)}</span> 人）
              </button>
              <button type="button" class="button secondary" data-cancel>
                取消
              </button>
            </div>
          </form>
        </section>
      )}
      <div data-live aria-busy="false">
        <DashboardLive d={d} />
      </div>
      <p class="muted small">页面每 4 秒自动更新数据。</p>
      <section class="panel" aria-labelledby="exports-title">
        <h2 id="exports-title">导出与公示</h2>
        <ul class="link-list">
          <li>
            <a href={`${api}/export.csv`}>最终票数（CSV，中文表头，可用 Excel 打开）</a>
          </li>
          <li>
            <a href={`${api}/export.csv?lang=en`}>最终票数（CSV，英文表头）</a>
          </li>
          <li>
            <a href={`${api}/export.json`}>最终票数（JSON，含 SHA-256 摘要）</a>
          </li>
          <li>
            <a href={`${api}/votes.csv`}>全部点赞明细（votes.csv，中文表头，含核减记录）</a>
          </li>
          <li>
            <a href={`${api}/votes.csv?lang=en`}>全部点赞明细（votes.csv，英文表头）</a>
          </li>
          <li>
            <a href={`/admin/c/${c.slug}/notice`}>公示页（可打印）</a>
          </li>
          <li>
            <a href={`/admin/c/${c.slug}/audit`}>操作日志</a>
          </li>
          {c.status !== "draft" && (
            <li>
              <a href={`/c/${c.slug}/results`}>公众看到的实时排名</a>
            </li>
          )}
        </ul>
      </section>
      {admin && (
        <VoidPanel
          tz={tz}
          nominees={d.ranking.map((r) => ({ number: r.number, name: r.name }))}
          prefill={props.voidPrefill}
        />
      )}
    </AdminLayout>
  );
}
