import type { Organizer } from "../../types";
import { CampaignForm, type CampaignFormValues } from "./campaign-form";
import { CopyCampaignPanel } from "./copy-panel";
import { type CampaignHead, CampaignLayout } from "./layout";

export function SettingsPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  values: CampaignFormValues;
  hasLikes: boolean;
  flash?: string;
}) {
  const { campaign: c } = props;
  const admin = props.organizer.role === "admin";
  return (
    <CampaignLayout {...props} tab="settings" data={{ timeZone: props.values.timeZone }}>
      <h1>活动设置</h1>
      {!admin && <p class="notice">您以观察员身份登录，只能查看设置。</p>}
      <section class="panel">
        <CampaignForm
          mode="edit"
          values={props.values}
          readOnly={!admin}
          hasLikes={props.hasLikes}
        />
      </section>
      {/* A copy is a new campaign: not for an account limited to some campaigns. */}
      {admin && !props.organizer.campaignIds && (
        <CopyCampaignPanel slug={c.slug} title={c.title} draft={c.status === "draft"} />
      )}
      {admin && (
        <section class="panel danger" aria-labelledby="delete-title">
          <h2 id="delete-title">删除活动</h2>
          {props.hasLikes ? (
            <p>
              该活动已有点赞记录，不能删除（点赞明细必须保留）。如需停止，请在实时看板“结束投票”。
            </p>
          ) : (
            <>
              <p>删除活动及其全部候选人。此操作不能撤销，会记入操作日志。</p>
              <p class="form-error" role="alert" data-delete-error />
              <button type="button" class="button danger" data-delete-campaign>
                删除该活动
              </button>
            </>
          )}
        </section>
      )}
    </CampaignLayout>
  );
}
