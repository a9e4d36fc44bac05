import type { Organizer } from "../../types";
import { zoneName } from "../zones";
import { CampaignForm, type CampaignFormValues } from "./campaign-form";
import { count, votingWindow } from "./format";
import { AdminLayout } from "./layout";
import { STATUS_LABEL } from "./text";

export interface CampaignListItem {
  slug: string;
  title: string;
  organizer: string;
  status: string;
  timeZone: string;
  opensAt: number;
  closesAt: number;
  /** Set when voting was closed by hand (possibly before closesAt). */
  closedAt: number | null;
  candidateCount: number;
  totalLikes: number;
}

/** Every campaign (drafts too) with its status and counts, and the form for a new one. */
export function CampaignsPage(props: {
  organizer: Organizer;
  campaigns: CampaignListItem[];
  newCampaign: CampaignFormValues;
  flash?: string;
}) {
  // Only admins who see every campaign create campaigns (a limited account would not see it).
  const admin = props.organizer.role === "admin" && !props.organizer.campaignIds;
  return (
    <AdminLayout title="全部活动" organizer={props.organizer} page="campaigns" flash={props.flash}>
      <h1>全部评选活动</h1>
      {props.campaigns.length === 0 ? (
        <p class="empty">还没有评选活动。{admin && "请在下面新建一个。"}</p>
      ) : (
        <ul class="admin-campaigns">
          {props.campaigns.map((c) => (
            <li class="panel">
              <h2 class="campaign-title">
                <a href={`/admin/c/${c.slug}`}>{c.title}</a>
              </h2>
              <p class="meta">
                <span class={`badge badge-${c.status}`}>{STATUS_LABEL[c.status] ?? c.status}</span>
                <span>{c.organizer}</span>
              </p>
              <p class="meta">
                {count(c.candidateCount)} 位候选人 · <strong>{count(c.totalLikes)}</strong> 票
              </p>
              <p class="meta">
                {votingWindow(c, c.timeZone)}（{zoneName(c.timeZone)}）
              </p>
              <ul class="links" aria-label={`${c.title}的管理页面`}>
                <li>
                  <a href={`/admin/c/${c.slug}`}>实时看板</a>
                </li>
                <li>
                  <a href={`/admin/c/${c.slug}/nominees`}>候选人</a>
                </li>
                <li>
                  <a href={`/admin/c/${c.slug}/settings`}>设置</a>
                </li>
                <li>
                  <a href={`/admin/c/${c.slug}/audit`}>日志</a>
                </li>
                <li>
                  <a href={`/admin/c/${c.slug}/notice`}>公示</a>
                </li>
                <li>
                  {/* A draft's public page is a 预览 for signed-in organizers (issue 14). */}
                  <a href={`/c/${c.slug}`}>{c.status === "draft" ? "预览公开页面" : "公开页面"}</a>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <details class="panel new-campaign" open={props.campaigns.length === 0}>
          <summary>
            <h2>新建评选活动</h2>
          </summary>
          <p class="muted">新活动默认是草稿，公众看不到；添加候选人后再“开始投票”。</p>
          <CampaignForm mode="create" values={props.newCampaign} />
        </details>
      )}
    </AdminLayout>
  );
}
