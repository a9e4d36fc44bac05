import type { AccountView } from "../../db/queries/organizer-accounts";
import type { Organizer } from "../../types";
import { ACCOUNT_LIMITS as L } from "../../validators/accounts";
import {
  AccountActions,
  AccountFacts,
  CampaignChecks,
  type CampaignChoice,
  RoleSelect,
} from "./account-fields";
import { Input, Password } from "./components/field";
import { FormEnd } from "./components/form";
import { AdminLayout } from "./layout";

/**
 * One account's page (/admin/accounts/:id), reached from its card on 账号管理: its name, role and
 * campaigns, a new password, and the same disable and second-factor buttons as the card. One
 * account's campaign list per page, not one per card.
 */
export function AccountEditPage(props: {
  organizer: Organizer;
  account: AccountView;
  campaigns: CampaignChoice[];
  self: boolean;
  flash?: string;
}) {
  const { account: a, self } = props;
  const p = `acct-${a.id}`;
  return (
    <AdminLayout
      title={`修改账号：${a.displayName}`}
      organizer={props.organizer}
      page="accounts"
      flash={props.flash}
    >
      <p>
        <a href="/admin/accounts">← 返回账号管理</a>
      </p>
      <h1>
        修改 {a.displayName} 的账号 <span class="muted">（{a.username}）</span>
      </h1>
      <div class="stack" data-account={String(a.id)}>
        <section class="panel" aria-labelledby="account-now">
          <h2 id="account-now">现状</h2>
          <AccountFacts a={a} campaigns={props.campaigns} />
          <AccountActions a={a} self={self} />
        </section>
        <section class="panel" aria-labelledby="account-edit-title">
          <h2 id="account-edit-title">姓名{self ? "" : "、角色和可见活动"}</h2>
          <form class="stack" data-form="account-edit" data-account-id={String(a.id)} novalidate>
            <Input
              id={`${p}-name`}
              name="displayName"
              label="姓名"
              limit={L.displayName}
              required
              value={a.displayName}
            />
            {!self && <RoleSelect id={`${p}-role`} value={a.role} />}
            {!self && (
              <CampaignChecks
                idPrefix={`${p}-c`}
                campaigns={props.campaigns}
                chosen={a.campaigns}
              />
            )}
            <FormEnd submit="保存" />
          </form>
        </section>
        <section class="panel" aria-labelledby="account-password-title">
          <h2 id="account-password-title">重设密码</h2>
          <form
            class="stack"
            data-form="account-password"
            data-account-id={String(a.id)}
            novalidate
          >
            <Password
              id={`${p}-pw`}
              name="password"
              label="新密码"
              autocomplete="new-password"
              minlength={L.passwordMin}
              hint={`至少 ${L.passwordMin} 个字符。重设后该账号的所有登录立即失效。`}
            />
            <FormEnd submit="重设密码" kind="secondary" />
          </form>
        </section>
      </div>
    </AdminLayout>
  );
}
