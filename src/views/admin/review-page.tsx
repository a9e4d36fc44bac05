import type { ChangeView, HeldNominee } from "../../db/queries/ledger-status";
import type { Organizer } from "../../types";
import { REVIEW_LIMITS } from "../../validators/review";
import { zoneName } from "../zones";
import { actorText } from "./actor";
import { Input, named } from "./components/field";
import { localTime } from "./format";
import { ChangesSection, HeldSection } from "./held-section";
import { type CampaignHead, CampaignLayout } from "./layout";
import { FLAG_KIND_LABEL } from "./text";

export interface FlagView {
  id: number;
  kind: string;
  subject: string;
  windowStart: number;
  windowEnd: number;
  likes: number;
  countedNow: number;
  heldNow: number;
  detail: Record<string, unknown> | null;
  status: "open" | "voided" | "cleared";
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
}

export interface HeadView {
  seq: number;
  count: number;
  hash: string;
  createdAt: number;
}

/** Who or what a flag is about, short enough to read aloud; the full hash is in a title. */
function subjectText(f: FlagView): string {
  if (f.kind === "nominee_burst") return `候选人 ${f.subject} 号`;
  const short = f.subject.startsWith("purged-") ? "（已按保留期删除）" : f.subject.slice(0, 8);
  return f.kind === "prefix_burst" || f.kind === "no_page_load"
    ? `网段 ${short}`
    : `投票人 ${short}`;
}

/** The dashboard's void form, filled in with this flag's nominee or network and time window. */
function voidLink(slug: string, f: FlagView): string {
  const q = new URLSearchParams({ from: String(f.windowStart), to: String(f.windowEnd) });
  if (f.kind === "nominee_burst") q.set("number", f.subject);
  else if (f.kind === "prefix_burst" || f.kind === "no_page_load") q.set("network", f.subject);
  else q.set("voter", f.subject);
  return `/admin/c/${slug}?${q}#void-panel`;
}

function FlagCard(props: { f: FlagView; tz: string; canDecide: boolean; slug: string }) {
  const { f, tz } = props;
  const kind = FLAG_KIND_LABEL[f.kind] ?? { title: f.kind, explain: "" };
  const id = `flag-${f.id}`;
  return (
    <li class="flag" id={id}>
      <h3>
        {kind.title} · <span title={f.subject}>{subjectText(f)}</span>
      </h3>
      <p class="muted">{kind.explain}</p>
      <dl class="facts">
        <dt>时间</dt>
        <dd>
          {localTime(f.windowStart, tz)} — {localTime(f.windowEnd, tz)}
        </dd>
        <dt>涉及点赞</dt>
        <dd>
          {f.likes} 次，其中仍计入 {f.countedNow} 次
          {f.heldNow > 0 ? `，待核验 ${f.heldNow} 次` : ""}
        </dd>
      </dl>
      {f.status === "open" ? (
        props.canDecide && (
          <form class="flag-decide" data-form="flag" data-flag={String(f.id)}>
            <Input
              {...named(id, "reason")}
              label="处理理由（必填，记入操作日志）"
              limit={REVIEW_LIMITS.reason}
              required
            />
            <p class="actions">
              <button type="submit" class="button danger" name="decision" value="void">
                核减这些点赞
              </button>
              <button type="submit" class="button secondary" name="decision" value="clear">
                {f.heldNow > 0 ? "排除标记（保留点赞，待核验的计入）" : "排除标记（保留点赞）"}
              </button>
            </p>
            <p>
              <a href={voidLink(props.slug, f)}>按此核减…（预填候选人或网段和时间，可调整）</a>
            </p>
            <p class="form-error" role="alert" data-form-error />
          </form>
        )
      ) : (
        <p class={`decision decision-${f.status}`}>
          {f.status === "voided" ? "已核减" : "已排除"}：{f.decisionReason}（
          {actorText(f.decidedBy ?? "")}
          {f.decidedAt !== null ? `，${localTime(f.decidedAt, tz)}` : ""}）
        </p>
      )}
    </li>
  );
}

/**
 * The anomaly review queue (issue 5): open flags with a reasoned decision each, the decided ones
 * for the record, and the ledger's sealed head with how to verify an export against it.
 */
export function ReviewPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  timeZone: string;
  scannedAt: number | null;
  open: FlagView[];
  decided: FlagView[];
  head: HeadView | null;
  ledgerRows: number;
  held: HeldNominee[];
  changes: ChangeView[];
  flash?: string;
}) {
  const { campaign: c, timeZone: tz } = props;
  const admin = props.organizer.role === "admin";
  return (
    <CampaignLayout tab="review" organizer={props.organizer} campaign={c} flash={props.flash}>
      <h1>异常审查</h1>
      <p class="muted">
        系统每分钟检查一次点赞记录，把可疑的模式列在这里。标记本身不改变票数：由管理员核实后选择核减或排除，并写明理由。点赞记录不会被删除，所有处理记入操作日志。时间为
        {zoneName(tz)}。
      </p>
      <p>
        上次检查：{props.scannedAt === null ? "尚未检查" : localTime(props.scannedAt, tz, true)}
        {admin && (
          <>
            {" "}
            <button type="button" class="button secondary" data-scan>
              立即检查
            </button>
          </>
        )}
        <span class="form-ok" role="status" data-scan-status />
      </p>
      <HeldSection held={props.held} admin={admin} />
      <section aria-labelledby="open-flags">
        <h2 id="open-flags">待处理（{props.open.length}）</h2>
        {props.open.length === 0 ? (
          <p class="empty">没有待处理的异常标记。</p>
        ) : (
          <ul class="flags">
            {props.open.map((f) => (
              <FlagCard f={f} tz={tz} canDecide={admin} slug={c.slug} />
            ))}
          </ul>
        )}
      </section>
      {props.decided.length > 0 && (
        <section aria-labelledby="decided-flags">
          <h2 id="decided-flags">已处理（{props.decided.length}）</h2>
          <ul class="flags">
            {props.decided.map((f) => (
              <FlagCard f={f} tz={tz} canDecide={false} slug={c.slug} />
            ))}
          </ul>
        </section>
      )}
      <ChangesSection changes={props.changes} tz={tz} admin={admin} />
      <section aria-labelledby="ledger-head">
        <h2 id="ledger-head">存证哈希链</h2>
        <p>
          每一条点赞都按先后顺序记入一条“哈希链”：每条记录都带有一个由它本身和前面全部记录算出的“指纹”。最后一条记录的指纹就是
          <strong>链头哈希</strong>
          ，系统每分钟封存一次并向社会公开，公示页上也印有它。事后只要有人增加、删除或改动任何一条点赞，重新算出的链头哈希就对不上，因此它可以证明点赞记录没有被改过。
        </p>
        <p>
          <strong>请审计人员（如纪检或第三方）复核：</strong>
          在“实时看板”的导出中下载“全部点赞明细（votes.csv）”交给审计人员，由其用本系统附带的核验工具重新计算，并与公开的链头哈希（
          <a href={`/api/campaigns/${c.slug}/ledger?history=1`}>公开链头</a>
          ）比对，工具显示“OK”即为一致。核验工具随本系统的程序一起提供，技术人员可按下面的说明运行。
        </p>
        <details>
          <summary>给技术人员：如何运行核验工具</summary>
          <p>
            在本系统的程序目录中运行{" "}
            <code>npm run verify -- votes.csv --url https://…/api/campaigns/{c.slug}/ledger</code>
            ，详见运维手册 <code>docs/operations.md</code> 的“Verifying an export”一节。
          </p>
        </details>
        {props.head ? (
          <dl class="facts">
            <dt>已封存</dt>
            <dd>
              {props.head.count} / {props.ledgerRows} 条（第 {props.head.seq} 次封存，
              {localTime(props.head.createdAt, tz, true)}）
            </dd>
            <dt>链头哈希</dt>
            <dd>
              <code class="hash">{props.head.hash}</code>
            </dd>
          </dl>
        ) : (
          <p class="empty">尚未封存（共 {props.ledgerRows} 条点赞）。</p>
        )}
        {admin && (
          <p>
            <button type="button" class="button secondary" data-seal>
              立即封存
            </button>
            <span class="form-ok" role="status" data-seal-status />
          </p>
        )}
      </section>
    </CampaignLayout>
  );
}
