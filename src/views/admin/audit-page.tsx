import type { Organizer } from "../../types";
import { zoneName } from "../zones";
import { actorParts } from "./actor";
import { auditDiff } from "./audit-diff";
import { DataTable } from "./components/table";
import { localTime } from "./format";
import { type CampaignHead, CampaignLayout } from "./layout";
import { ACTION_LABEL } from "./text";

export interface AuditEntryView {
  id: number;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: number;
}

export function AuditPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  timeZone: string;
  entries: AuditEntryView[];
  /** The campaign's nominees by internal id, to name the nominee of a void. */
  nominees?: ReadonlyMap<number, { number: number; name: string }>;
  /** The id to continue from for older entries, or null at the end. */
  next: number | null;
  /** Whether this page is not the newest one. */
  paged: boolean;
}) {
  const { campaign: c, timeZone: tz } = props;
  return (
    <CampaignLayout tab="audit" organizer={props.organizer} campaign={c}>
      <h1>操作日志</h1>
      <p class="muted">
        记录每一次管理操作：谁、什么时间、做了什么、改动前后的内容。最新的在最前。时间为
        {zoneName(tz)}。
      </p>
      <DataTable
        rows={props.entries}
        wrap="操作日志"
        class="audit-table"
        rowData={(e) => ({ id: `audit-${e.id}` })}
        empty={props.paged ? "没有更早的记录。" : "还没有操作记录。"}
        columns={[
          {
            head: "时间",
            cellClass: "nowrap",
            cell: (e) => (
              <time datetime={new Date(e.createdAt).toISOString()}>
                {localTime(e.createdAt, tz, true)}
              </time>
            ),
          },
          {
            head: "操作人",
            cell: (e) => {
              const who = actorParts(e.actor);
              return (
                <>
                  {who.name}
                  {who.detail && <span class="sub">{who.detail}</span>}
                </>
              );
            },
          },
          {
            head: "操作",
            cellAttrs: (e) => ({ "data-action": e.action }),
            cell: (e) => ACTION_LABEL[e.action] ?? "其他操作",
          },
          {
            head: "改动",
            cell: (e) => (
              <Diff
                lines={auditDiff(e.before, e.after, { timeZone: tz, nominees: props.nominees })}
              />
            ),
          },
        ]}
      />
      <nav class="pager" aria-label="日志翻页">
        {props.paged && <a href={`/admin/c/${c.slug}/audit`}>← 最新记录</a>}
        {props.next !== null && (
          <a href={`/admin/c/${c.slug}/audit?before=${props.next}`}>更早的记录 →</a>
        )}
      </nav>
    </CampaignLayout>
  );
}

/** One entry's changes, field by field: before → after, or what was added or removed. */
function Diff(props: { lines: ReturnType<typeof auditDiff> }) {
  if (props.lines.length === 0) return <span class="muted">（无字段变化）</span>;
  return (
    <ul class="diff">
      {props.lines.map((l) => (
        <li>
          <span class="diff-key">{l.label}</span>
          {l.value !== undefined ? (
            <>：{l.value}</>
          ) : l.before !== undefined && l.after !== undefined ? (
            <>
              ：<del>{l.before}</del>
              <span aria-hidden="true"> → </span>
              <span class="visually-hidden">改为</span>
              <ins>{l.after}</ins>
            </>
          ) : l.after !== undefined ? (
            <>
              ：<ins>{l.after}</ins>
            </>
          ) : (
            <>
              ：<del>{l.before}</del>
              <span class="visually-hidden">（已删除）</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
