import { votingEnd } from "../../domain/campaign-status";
import type { ExportRow } from "../../domain/results-export";
import type { Organizer } from "../../types";
import type { NoticeFields } from "../components/public-notice";
import { zoneName } from "../zones";
import { type Column, DataTable } from "./components/table";
import { count, localTime } from "./format";
import { type CampaignHead, CampaignLayout } from "./layout";
import { NoticeMeta } from "./notice-meta";
import { STATUS_LABEL } from "./text";

export interface NoticeRow extends ExportRow {
  honoree: boolean;
}

const honoreeRow = (r: NoticeRow) => ({ class: r.honoree ? "honoree" : undefined });

const ELECTED: Column<NoticeRow> = {
  head: "备注",
  cell: (r) => (r.honoree ? <strong class="elected">当选</strong> : ""),
};

/**
 * The printable 公示: the final ranking with totals, the export time and the SHA-256 of export.csv,
 * so anyone holding the file can check it against the printed notice. A4 print styles in admin.css.
 */
export function NoticePage(props: {
  organizer: Organizer;
  campaign: CampaignHead & {
    organizer: string;
    timeZone: string;
    opensAt: number;
    closesAt: number;
    closedAt: number | null;
  };
  rows: NoticeRow[];
  voided: number;
  exportedAt: number;
  sha256: string;
  /** The ledger's sealed head (null before the first seal). */
  ledger: { count: number; hash: string; seq: number } | null;
  /** The combined result's method sentence, once the committee's scoring is closed. */
  method?: string;
  /** 公示期 and the objection contact (issue 14). */
  notice?: NoticeFields;
}) {
  const { campaign: c, rows } = props;
  const tz = c.timeZone;
  const total = rows.reduce((s, r) => s + r.likes, 0);
  const honorees = rows.filter((r) => r.honoree).length;
  const final = c.status === "published";
  const ended = votingEnd(c);
  const day = localTime(props.exportedAt, tz).slice(0, 10).split("-");
  return (
    <CampaignLayout tab="notice" organizer={props.organizer} campaign={c} print>
      <div class="no-print button-row notice-tools">
        <button type="button" class="button" data-print hidden>
          打印 / 另存为 PDF
        </button>
        <a class="button secondary" href={`/api/admin/campaigns/${c.slug}/export.csv`}>
          下载 export.csv
        </a>
      </div>
      <article class="notice-doc">
        <h1>
          {c.title}
          <span class="subtitle">网络点赞结果公示</span>
        </h1>
        {!final && (
          <p class="preview-banner">
            预览（当前状态：{STATUS_LABEL[c.status] ?? c.status}
            ）：以下为导出时的统计，不是最终公布的结果。
          </p>
        )}
        <dl class="notice-meta">
          <div>
            <dt>主办单位</dt>
            <dd>{c.organizer}</dd>
          </div>
          <div>
            <dt>投票时间</dt>
            <dd>
              {localTime(c.opensAt, tz)} 至 {localTime(ended, tz)}（{zoneName(tz)}）
            </dd>
          </div>
          <div>
            <dt>候选人</dt>
            <dd>{count(rows.length)} 位</dd>
          </div>
          <div>
            <dt>有效点赞</dt>
            <dd>
              {count(total)} 票
              {props.voided > 0 && `（另有 ${count(props.voided)} 票经核查核减，不计入）`}
            </dd>
          </div>
          {honorees > 0 && (
            <div>
              <dt>当选</dt>
              <dd>{count(honorees)} 位</dd>
            </div>
          )}
          {props.notice && <NoticeMeta n={props.notice} />}
        </dl>
        <DataTable
          rows={rows}
          class="notice-table"
          caption="点赞结果（按票数排列，票数相同名次相同）"
          captionShown
          rowData={honoreeRow}
          empty="没有候选人。"
          columns={[
            { head: "名次", num: true, cell: (r) => r.rank },
            { head: "编号", num: true, cell: (r) => r.number },
            { head: "姓名", rowHeader: true, cell: (r) => r.name },
            { head: "职务", cell: (r) => r.position },
            { head: "单位", cell: (r) => r.unit },
            { head: "分组", cell: (r) => r.group },
            { head: "票数", num: true, cell: (r) => count(r.likes) },
            ELECTED,
          ]}
          foot={
            <>
              <th scope="row" colspan={6}>
                合计
              </th>
              <td class="num">{count(total)}</td>
              <td />
            </>
          }
        />
        {props.method && (
          <section class="combined-notice" aria-labelledby="combined-title">
            <h2 id="combined-title">综合评定结果</h2>
            <p data-method>{props.method}</p>
            <DataTable
              rows={[...rows]
                .filter((r) => r.combined)
                .sort((a, b) => (a.combined?.combinedRank ?? 0) - (b.combined?.combinedRank ?? 0))}
              wrap="综合得分"
              class="notice-table"
              caption="综合得分（按综合名次排列）"
              captionShown
              rowData={honoreeRow}
              empty=""
              columns={[
                { head: "综合名次", num: true, cell: (r) => r.combined?.combinedRank },
                { head: "编号", num: true, cell: (r) => r.number },
                { head: "姓名", rowHeader: true, cell: (r) => r.name },
                { head: "大众得分", num: true, cell: (r) => r.combined?.publicScore.toFixed(2) },
                {
                  head: "评委得分",
                  num: true,
                  cell: (r) => r.combined?.committeeScore?.toFixed(2) ?? "—",
                },
                { head: "综合得分", num: true, cell: (r) => r.combined?.combinedScore.toFixed(2) },
                ELECTED,
              ]}
            />
          </section>
        )}
        <section class="digest" aria-labelledby="digest-title">
          <h2 id="digest-title">数据核验</h2>
          <p>
            导出时间：
            <time datetime={new Date(props.exportedAt).toISOString()}>
              {localTime(props.exportedAt, tz, true)}
            </time>
            （{zoneName(tz)}）
          </p>
          <p>
            最终票数文件 export.csv 的 SHA-256 摘要：
            <code class="sha" data-sha256>
              {props.sha256}
            </code>
          </p>
          <p class="small">
            核对方法：下载 export.csv 后，用 sha256sum export.csv（Windows：certutil -hashfile
            export.csv SHA256）计算摘要，与上面的摘要一致即说明文件与本公示相同。
          </p>
          {props.ledger && (
            <p>
              点赞明细存证哈希链（已封存 {props.ledger.count} 条，第 {props.ledger.seq} 次封存）：
              <code class="sha" data-ledger-head>
                {props.ledger.hash}
              </code>
            </p>
          )}
        </section>
        <p class="sign">
          {c.organizer}
          <br />
          {`${day[0]}年${Number(day[1])}月${Number(day[2])}日`}
        </p>
      </article>
    </CampaignLayout>
  );
}
