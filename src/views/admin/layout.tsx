import type { Child } from "hono/jsx";
import type { Organizer } from "../../types";
import { BrandBar } from "../components/brand-bar";
import { IconLinks } from "../components/icon-links";
import { jsonBlock } from "../layout";
import { AccountLinks } from "./account-links";
import { ROLE_LABEL, STATUS_LABEL } from "./text";

/** The console's sections for one campaign, in tab order. */
export type CampaignTab =
  | "dashboard"
  | "settings"
  | "nominees"
  | "nominations"
  | "jury"
  | "combined"
  | "review"
  | "audit"
  | "notice"
  | "ceremony";

const TABS: { tab: CampaignTab; label: string; path: string }[] = [
  { tab: "dashboard", label: "实时看板", path: "" },
  { tab: "nominations", label: "提名", path: "/nominations" },
  { tab: "nominees", label: "候选人", path: "/nominees" },
  { tab: "jury", label: "评审", path: "/jury" },
  { tab: "combined", label: "综合结果", path: "/combined" },
  { tab: "settings", label: "活动设置", path: "/settings" },
  { tab: "review", label: "异常审查", path: "/review" },
  { tab: "audit", label: "操作日志", path: "/audit" },
  { tab: "notice", label: "公示", path: "/notice" },
  { tab: "ceremony", label: "颁奖", path: "/ceremony" },
];

export interface CampaignHead {
  slug: string;
  title: string;
  /** The console's status: draft, upcoming, open, paused, closed or published. */
  status: string;
}

/** Messages shown once after an action (the script navigates to `?done=<code>`). */
const FLASH: Record<string, string> = {
  created: "活动已创建。下一步：添加或导入候选人。",
  saved: "已保存。",
  nominee: "候选人已保存。",
  deleted: "已删除。",
  imported: "导入成功。",
  flagVoided: "已核减该标记中的点赞，并记入操作日志。",
  heldReleased: "待核验的点赞已计入，并记入操作日志。",
  heldVoided: "待核验的点赞已核减，并记入操作日志。",
  reinstated: "已恢复这次核减的点赞，并记入操作日志。",
  flagCleared: "已排除该标记，点赞保留，并记入操作日志。",
  scanned: "已检查完毕。",
  sealed: "已封存到最新一条点赞。",
  uploaded: "照片已上传。",
  "photo-removed": "照片已删除。",
  reordered: "编号顺序已调整。",
  opened: "投票已开始。",
  paused: "投票已暂停。",
  resumed: "投票已继续。",
  closed: "投票已结束。",
  published: "结果已公布。",
  withdrawn: "已撤回公布，并记入操作日志。修改当选名单后请重新公布。",
  reopened: "该提名已重新进入初选，并记入操作日志。",
  copied: "已复制为新的草稿活动。",
  "selection-saved": "提名设置已保存。",
  decided: "初选结果已记录。",
  "decided-meanwhile": "这条提名已经处理过（可能在另一个窗口或由同事处理），下面是最新状态。",
  "invite-revoked": "邀请链接已停用。",
  "juror-revoked": "评委链接已停用。",
  "scoring-closed": "评审已结束，评委打分已汇总。",
  "scoring-reopened": "评审已重新开放。",
  "weights-saved": "权重与计分方法已保存。",
  "certificate-saved": "证书设置已保存。",
  "seal-uploaded": "印章图片已上传。",
  "seal-removed": "印章图片已删除。",
};

/**
 * A campaign's tab of the console: titled "<campaign> · <tab>", the script's page named after the
 * tab, the tab marked current.
 */
export function CampaignLayout(props: {
  tab: CampaignTab;
  organizer: Organizer;
  campaign: CampaignHead;
  flash?: string;
  data?: Record<string, unknown>;
  print?: boolean;
  children: Child;
}) {
  const label = TABS.find((t) => t.tab === props.tab)?.label ?? "";
  return (
    <AdminLayout {...props} title={`${props.campaign.title} · ${label}`} page={props.tab}>
      {props.children}
    </AdminLayout>
  );
}

export function flashText(code: string | undefined): string | undefined {
  return code ? FLASH[code] : undefined;
}

/** The console's `<head>`: never indexed, the console script last; `children` in between. */
export function ConsoleHead(props: { title: string; children: Child }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      <title>{props.title}</title>
      {props.children}
      <script src="/admin.js" defer />
    </head>
  );
}

export function AdminLayout(props: {
  title: string;
  organizer: Organizer | null;
  /** Which page the browser script is on. */
  page: string;
  campaign?: CampaignHead;
  tab?: CampaignTab;
  flash?: string;
  /** Extra data for the browser script (JSON block, never executed). */
  data?: Record<string, unknown>;
  /** The printable notice: a simpler frame. */
  print?: boolean;
  children: Child;
}) {
  const { organizer, campaign } = props;
  return (
    <html lang="zh-CN">
      <ConsoleHead title={`${props.title} · 榜样评选管理`}>
        <meta name="theme-color" content="#b0102a" />
        <IconLinks />
        <link rel="stylesheet" href="/app.css" />
        <link rel="stylesheet" href="/admin.css" />
      </ConsoleHead>
      <body class={`admin${props.print ? " print-page" : ""}`}>
        <BrandBar class="site admin-bar no-print" home="/admin" brand="榜样 · 评选管理">
          {organizer && (
            <div class="who">
              <span class="who-name">
                {organizer.displayName ?? organizer.name}
                <span class="who-role">{ROLE_LABEL[organizer.role] ?? organizer.role}</span>
              </span>
              <AccountLinks organizer={organizer} />
              <a class="tool" href="/docs/api">
                接口文档
              </a>
              <button type="button" class="tool logout" data-logout>
                退出登录
              </button>
            </div>
          )}
        </BrandBar>
        {campaign && (
          <nav class="campaign-nav no-print" aria-label="活动管理">
            <p class="crumbs">
              <a href="/admin">全部活动</a>
              <span aria-hidden="true"> / </span>
              <span class="crumb-title">{campaign.title}</span>{" "}
              <span class={`badge badge-${campaign.status}`} data-status-badge>
                {STATUS_LABEL[campaign.status] ?? campaign.status}
              </span>
            </p>
            <ul class="tabs admin-tabs">
              {TABS.map((t) => (
                <li>
                  <a
                    href={`/admin/c/${campaign.slug}${t.path}`}
                    aria-current={props.tab === t.tab ? "page" : undefined}
                  >
                    {t.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" class="admin-main">
          <noscript>
            <p class="notice">
              管理后台的修改操作（保存、导入、开始或结束投票等）需要启用
              JavaScript；未启用时只能登录和查看。
            </p>
          </noscript>
          {props.flash && (
            <p class="flash" role="status">
              {props.flash}
            </p>
          )}
          {props.children}
        </main>
        <script
          type="application/json"
          id="page-data"
          dangerouslySetInnerHTML={{
            __html: jsonBlock({
              page: props.page,
              role: organizer?.role ?? null,
              slug: campaign?.slug ?? null,
              ...props.data,
            }),
          }}
        />
      </body>
    </html>
  );
}

/** A short page for "not found" and similar, inside the console's frame. */
export function AdminMessagePage(props: {
  title: string;
  body: string;
  organizer: Organizer | null;
}) {
  return (
    <AdminLayout title={props.title} organizer={props.organizer} page="message">
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      <p>
        <a class="button" href="/admin">
          返回全部活动
        </a>
      </p>
    </AdminLayout>
  );
}
