import type { Organizer } from "../../types";
import { SELECTION_LIMITS as L } from "../../validators/selection";
import type { inviteJson, reviewItem, settingsJson } from "../selection-json";
import { actorText } from "./actor";
import { Input, NumberInput, named, TextArea } from "./components/field";
import { FormEnd } from "./components/form";
import { LinkTable, linkActionsColumn, linkStateColumn } from "./components/link-columns";
import type { Column } from "./components/table";
import { type CampaignHead, CampaignLayout } from "./layout";
import { ReopenForm } from "./reopen-form";
import { NOMINATION_STATUS_LABEL } from "./text";

/** The console's 提名 tab: the nomination phase, invitation links per unit, and the review queue. */

type Settings = ReturnType<typeof settingsJson>;
type Invite = ReturnType<typeof inviteJson>;
type Item = ReturnType<typeof reviewItem>;

/** A unit's quota, as SelectionPatch and InviteRequest take it. */
const QUOTA = { min: 1, max: 50 };

const short = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : "—");

function SettingsForm(props: { s: Settings; admin: boolean }) {
  const { s } = props;
  return (
    <section class="panel" aria-labelledby="phase-title">
      <h2 id="phase-title">提名阶段</h2>
      <p>
        {s.nominationsOpen
          ? `提名进行中，截止于 ${short(s.nominationsCloseAt)}。`
          : s.nominationsCloseAt
            ? `提名已于 ${short(s.nominationsCloseAt)} 截止。`
            : "提名尚未开放：设置截止时间后，各单位即可通过邀请链接提交。"}
      </p>
      <form class="stack" data-form="selection-settings" novalidate>
        <fieldset class="plain" disabled={!props.admin}>
          <div class="row-2">
            <Input
              id="nominationsCloseAt"
              name="nominationsCloseAt"
              label="提名截止时间"
              type="datetime-local"
              value={s.nominationsCloseAt ? s.nominationsCloseAt.slice(0, 16) : ""}
              hint="留空表示不开放提名。"
            />
            <NumberInput
              id="defaultQuota"
              name="defaultQuota"
              label="每个单位默认名额"
              step={undefined}
              {...QUOTA}
              value={String(s.defaultQuota)}
            />
          </div>
          {props.admin && <FormEnd submit="保存提名设置" />}
        </fieldset>
      </form>
    </section>
  );
}

function Invitations(props: { invites: Invite[]; admin: boolean; defaultQuota: number }) {
  return (
    <section class="panel" aria-labelledby="invites-title">
      <h2 id="invites-title">推荐单位邀请链接</h2>
      <p class="muted">
        每个推荐单位一个链接：链接只能查看和填写本单位的提名，过期或停用后立即失效。链接只在创建时显示一次，请通过内部渠道发送给单位联系人。
      </p>
      {props.admin && (
        <form class="stack" data-form="invite" novalidate>
          <div class="row-2">
            <Input {...named("invite", "unit")} label="推荐单位" limit={L.unit} required />
            <Input
              {...named("invite", "group")}
              label="分组"
              limit={L.group}
              list="invite-groups"
              placeholder="县市区 / 市直单位"
            />
            <datalist id="invite-groups">
              <option value="县市区" />
              <option value="市直单位" />
            </datalist>
          </div>
          <div class="row-2">
            <Input {...named("invite", "contact")} label="联系人（可选）" limit={L.contact} />
            <NumberInput
              {...named("invite", "quota")}
              label="名额"
              step={undefined}
              {...QUOTA}
              value={String(props.defaultQuota)}
            />
          </div>
          <FormEnd submit="生成邀请链接" />
          {/* Links made on this page, newest first; each is shown only here, only once. */}
          <ul class="new-links" data-new-links aria-label="本次生成的链接" />
        </form>
      )}
      <div data-part="invites">{InviteList(props)}</div>
    </section>
  );
}

/** The invitation list's columns (its actions only for an admin). */
function inviteColumns(admin: boolean): (Column<Invite> | false)[] {
  return [
    { head: "推荐单位", rowHeader: true, cell: (i) => i.unit },
    { head: "分组", cell: (i) => i.group },
    { head: "已用 / 名额", num: true, cell: (i) => `${i.used ?? 0} / ${i.quota}` },
    { head: "已提交", num: true, cell: (i) => i.submitted ?? 0 },
    linkStateColumn("已停用"),
    { head: "有效期至", cell: (i) => short(i.expiresAt) },
    linkActionsColumn(admin, (i) => (
      <button
        type="button"
        class="button secondary small"
        data-revoke-invite={String(i.id)}
        aria-label={`停用${i.unit}的邀请链接`}
      >
        停用
      </button>
    )),
  ];
}

function InviteList(props: { invites: Invite[]; admin: boolean }) {
  return (
    <LinkTable
      kind="invite"
      rows={props.invites}
      empty="还没有邀请链接。"
      columns={inviteColumns(props.admin)}
    />
  );
}

function ReviewCard(props: { n: Item; admin: boolean }) {
  const { n } = props;
  const id = `r${n.id}`;
  return (
    <li class="panel review-item" data-review={String(n.id)}>
      <h3>
        {n.name}{" "}
        <span class={`badge badge-review-${n.status}`}>
          {NOMINATION_STATUS_LABEL[n.status] ?? n.status}
        </span>
      </h3>
      <p>
        {n.position} · {n.unit} · {n.group || "未分组"} · 推荐单位：{n.nominatingUnit}
      </p>
      <p>
        <strong>{n.headline}</strong>
      </p>
      <details>
        <summary>先进事迹（{n.story.length} 段）</summary>
        {n.story.map((p) => (
          <p>{p}</p>
        ))}
      </details>
      {n.photos.length > 0 && (
        <ul class="photo-list">
          {n.photos.map((p, i) => (
            <li>
              <img
                src={p.url}
                alt={p.caption || `${n.name}的照片 ${i + 1}`}
                width={96}
                height={128}
                loading="lazy"
              />
            </li>
          ))}
        </ul>
      )}
      <p class="muted">
        提交于 {short(n.submittedAt)}
        {n.decidedAt && `；${short(n.decidedAt)} 由 ${actorText(n.decidedBy ?? "")} 决定`}
        {n.reviewComment && `；意见：${n.reviewComment}`}
      </p>
      {props.admin && n.status === "submitted" && (
        <form class="stack" data-form="review" data-id={String(n.id)} novalidate>
          <TextArea
            {...named(id, "comment")}
            label="初选意见（退回时必填，单位可见）"
            rows={2}
            limit={L.comment}
          />
          <p class="form-error" role="alert" data-form-error />
          <p class="button-row">
            <button type="submit" class="button" data-decision="accept">
              通过，列为候选人
            </button>
            <button type="submit" class="button secondary" data-decision="return">
              退回修改
            </button>
            <button type="submit" class="button secondary" data-decision="decline">
              不通过
            </button>
          </p>
        </form>
      )}
      {props.admin && n.status === "declined" && <ReopenForm id={n.id} prefix={id} />}
    </li>
  );
}

export function NominationsPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  settings: Settings;
  invites: Invite[];
  items: Item[];
  timeZone: string;
  flash?: string;
}) {
  const admin = props.organizer.role === "admin";
  const waiting = props.items.filter((i) => i.status === "submitted").length;
  return (
    <CampaignLayout {...props} tab="nominations" data={{ timeZone: props.timeZone }}>
      <h1>提名与初选</h1>
      <p>
        各推荐单位通过邀请链接提交提名；初选通过的提名自动列为候选人（使用下一个空闲编号）。
        待初选：<strong data-waiting>{waiting}</strong> 份。
      </p>
      <SettingsForm s={props.settings} admin={admin} />
      <Invitations
        invites={props.invites}
        admin={admin}
        defaultQuota={props.settings.defaultQuota}
      />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">初选队列</h2>
        {props.items.length === 0 ? (
          <p class="empty">还没有单位提交提名。</p>
        ) : (
          <ul class="review-list">
            {props.items.map((n) => (
              <ReviewCard n={n} admin={admin} />
            ))}
          </ul>
        )}
      </section>
    </CampaignLayout>
  );
}
