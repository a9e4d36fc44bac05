import type { AccountView } from "../../db/queries/organizer-accounts";
import type { Organizer } from "../../types";
import { ACCOUNT_LIMITS as L } from "../../validators/accounts";
import { ACCOUNT_ACTION_LABEL, actorText } from "./account-text";
import { CodeInput, Input, named, Options, Password, Select } from "./components/field";
import { Facts, FormEnd } from "./components/form";
import { localTime } from "./format";
import { AdminLayout } from "./layout";
import { ROLE_LABEL } from "./text";

/**
 * 账号管理 (/admin/accounts): admins who see every campaign add named accounts, change their
 * role and campaigns, disable them, reset their password or second factor. Cards, not a table,
 * so each account reads on a phone; every action is a labelled button or form.
 */

const TZ = "Asia/Shanghai";

const ROLE_CHOICE = { admin: "管理员（可修改）", observer: "观察员（只读）" };

export interface CampaignChoice {
  slug: string;
  title: string;
}

function CampaignChecks(props: {
  idPrefix: string;
  campaigns: CampaignChoice[];
  chosen: string[];
}) {
  if (props.campaigns.length === 0) return <p class="muted">还没有活动。</p>;
  return (
    <fieldset class="plain">
      <legend>限定活动</legend>
      <p class="hint" id={`${props.idPrefix}-hint`}>
        都不勾选 = 可查看和管理全部活动；勾选后只能看到所选活动。
      </p>
      <ul class="checklist">
        {props.campaigns.map((c, i) => (
          <li class="check">
            <input
              id={`${props.idPrefix}-${i}`}
              type="checkbox"
              name="campaigns"
              value={c.slug}
              checked={props.chosen.includes(c.slug)}
              aria-describedby={`${props.idPrefix}-hint`}
            />
            <label for={`${props.idPrefix}-${i}`}>{c.title}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function RoleSelect(props: { id: string; value: string }) {
  return (
    <Select id={props.id} name="role" label="角色">
      <Options labels={ROLE_CHOICE} value={props.value} />
    </Select>
  );
}

function AccountCard(props: { a: AccountView; campaigns: CampaignChoice[]; self: boolean }) {
  const { a } = props;
  const p = `acct-${a.id}`;
  const titles = a.campaigns.map(
    (slug) => props.campaigns.find((c) => c.slug === slug)?.title ?? slug,
  );
  return (
    <li class="panel account-card" data-account={String(a.id)}>
      <h3>
        {a.displayName} <span class="muted">（{a.username}）</span>
        {props.self && <span class="badge">本人</span>}
      </h3>
      <Facts
        class="account-meta"
        facts={[
          ["角色", ROLE_LABEL[a.role] ?? a.role],
          ["状态", a.disabled ? <strong>已停用</strong> : "正常"],
          ["两步验证", a.totp ? "已开启" : "未开启"],
          ["可见活动", titles.length ? titles.join("、") : "全部活动"],
          ["最近登录", a.lastLoginAt ? localTime(a.lastLoginAt, TZ) : "从未登录"],
        ]}
      />
      <details class="account-edit">
        <summary>修改 {a.displayName} 的账号</summary>
        <form class="stack" data-form="account-edit" data-account-id={String(a.id)} novalidate>
          <Input
            id={`${p}-name`}
            name="displayName"
            label="姓名"
            limit={L.displayName}
            required
            value={a.displayName}
          />
          {!props.self && <RoleSelect id={`${p}-role`} value={a.role} />}
          {!props.self && (
            <CampaignChecks idPrefix={`${p}-c`} campaigns={props.campaigns} chosen={a.campaigns} />
          )}
          <FormEnd submit="保存" />
        </form>
        <form class="stack" data-form="account-password" data-account-id={String(a.id)} novalidate>
          <Password
            id={`${p}-pw`}
            name="password"
            label="重设密码"
            autocomplete="new-password"
            minlength={L.passwordMin}
            hint={`至少 ${L.passwordMin} 个字符。重设后该账号的所有登录立即失效。`}
          />
          <FormEnd submit="重设密码" kind="secondary" />
        </form>
        <p class="button-row">
          {!props.self && (
            <button
              type="button"
              class={`button small ${a.disabled ? "secondary" : "danger"}`}
              data-account-disable={a.disabled ? "false" : "true"}
              data-account-id={String(a.id)}
            >
              {a.disabled ? `启用 ${a.displayName}` : `停用 ${a.displayName}`}
            </button>
          )}
          {a.totp && (
            <button
              type="button"
              class="button small secondary"
              data-account-totp-reset
              data-account-id={String(a.id)}
            >
              解除 {a.displayName} 的两步验证
            </button>
          )}
        </p>
        <p class="form-error" role="alert" data-account-error />
      </details>
    </li>
  );
}

export interface AccountAuditRow {
  id: number;
  actor: string;
  action: string;
  after: unknown;
  createdAt: number;
}

export function AccountsPage(props: {
  organizer: Organizer;
  accounts: AccountView[];
  campaigns: CampaignChoice[];
  audit: AccountAuditRow[];
  flash?: string;
}) {
  return (
    <AdminLayout title="账号管理" organizer={props.organizer} page="accounts" flash={props.flash}>
      <h1>账号管理</h1>
      <p>
        每位工作人员用自己的账号登录，操作日志记下的是账号，而不是自己填写的姓名。账号只能停用，不能删除，账号名不会被他人再用。
      </p>
      <section class="panel" aria-labelledby="new-account-title">
        <h2 id="new-account-title">新建账号</h2>
        <form class="stack" data-form="account-new" novalidate>
          <div class="row-2">
            <CodeInput
              {...named("new", "username")}
              label="账号名"
              autocomplete="off"
              required
              limit={L.username}
              hint={`3–${L.username} 位小写字母、数字、点、横线或下划线，例如 wang.li。`}
            />
            <Input id="new-name" name="displayName" label="姓名" required limit={L.displayName} />
          </div>
          <div class="row-2">
            <RoleSelect id="new-role" value="observer" />
            <Password
              {...named("new", "password")}
              label="初始密码"
              autocomplete="new-password"
              required
              minlength={L.passwordMin}
              hint={`至少 ${L.passwordMin} 个字符。请单独告知本人，并提醒登录后修改。`}
            />
          </div>
          <CampaignChecks idPrefix="new-c" campaigns={props.campaigns} chosen={[]} />
          <FormEnd submit="新建账号" />
        </form>
      </section>
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">全部账号（{props.accounts.length}）</h2>
        {props.accounts.length === 0 ? (
          <p class="empty">还没有个人账号。目前只能用内置口令登录，日志无法区分是谁操作的。</p>
        ) : (
          <ul class="account-list">
            {props.accounts.map((a) => (
              <AccountCard
                a={a}
                campaigns={props.campaigns}
                self={a.id === props.organizer.accountId}
              />
            ))}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="account-audit-title">
        <h2 id="account-audit-title">最近的账号与登录记录（北京时间）</h2>
        {props.audit.length === 0 ? (
          <p class="empty">还没有记录。</p>
        ) : (
          <ol class="account-log">
            {props.audit.map((e) => (
              <li>
                <time class="nowrap">{localTime(e.createdAt, TZ)}</time>{" "}
                <strong>{ACCOUNT_ACTION_LABEL[e.action] ?? e.action}</strong>
                {accountOf(e.after) && <> · {accountOf(e.after)}</>}
                <br />
                <span class="muted">操作人：{actorText(e.actor, ROLE_LABEL)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </AdminLayout>
  );
}

function accountOf(after: unknown): string {
  if (after && typeof after === "object" && "username" in after) {
    return String((after as { username: unknown }).username);
  }
  return "";
}
