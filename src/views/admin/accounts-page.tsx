import type { AccountView } from "../../db/queries/organizer-accounts";
import type { Organizer } from "../../types";
import { ACCOUNT_LIMITS as L } from "../../validators/accounts";
import {
  AccountActions,
  AccountFacts,
  CampaignChecks,
  type CampaignChoice,
  RoleSelect,
  ACCOUNTS_TZ as TZ,
} from "./account-fields";
import { ACCOUNT_ACTION_LABEL, actorText } from "./account-text";
import { CodeInput, Input, named, Password } from "./components/field";
import { FormEnd } from "./components/form";
import { localTime } from "./format";
import { AdminLayout } from "./layout";
import { ROLE_LABEL } from "./text";

/**
 * 账号管理 (/admin/accounts): admins who see every campaign add named accounts, disable them or
 * reset their second factor here, and change an account (name, role, campaigns, password) on its
 * own page (account-edit-page.tsx): a card carries no campaign list, so the page stays small
 * however many accounts and campaigns there are. Cards, not a table, so each account reads on a
 * phone; every action is a labelled button or link.
 */

function AccountCard(props: { a: AccountView; campaigns: CampaignChoice[]; self: boolean }) {
  const { a } = props;
  return (
    <li class="panel account-card" data-account={String(a.id)}>
      <h3>
        {a.displayName} <span class="muted">（{a.username}）</span>
        {props.self && <span class="badge">本人</span>}
      </h3>
      <AccountFacts a={a} campaigns={props.campaigns} />
      <AccountActions a={a} self={props.self} edit />
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
