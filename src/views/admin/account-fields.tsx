import type { AccountView } from "../../db/queries/organizer-accounts";
import { Options, Select } from "./components/field";
import { Facts } from "./components/form";
import { localTime } from "./format";
import { ROLE_LABEL } from "./text";

/** The parts 账号管理 and an account's own page (account-edit-page.tsx) share. */

export const ACCOUNTS_TZ = "Asia/Shanghai";

const ROLE_CHOICE = { admin: "管理员（可修改）", observer: "观察员（只读）" };

export interface CampaignChoice {
  slug: string;
  title: string;
}

/** The campaigns an account is limited to: one checkbox per campaign (so: once per page). */
export function CampaignChecks(props: {
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

export function RoleSelect(props: { id: string; value: string }) {
  return (
    <Select id={props.id} name="role" label="角色">
      <Options labels={ROLE_CHOICE} value={props.value} />
    </Select>
  );
}

/** Role, status, second factor, campaigns and last sign-in of one account. */
export function AccountFacts(props: { a: AccountView; campaigns: CampaignChoice[] }) {
  const { a } = props;
  const titles = a.campaigns.map(
    (slug) => props.campaigns.find((c) => c.slug === slug)?.title ?? slug,
  );
  return (
    <Facts
      class="account-meta"
      facts={[
        ["角色", ROLE_LABEL[a.role] ?? a.role],
        ["状态", a.disabled ? <strong>已停用</strong> : "正常"],
        ["两步验证", a.totp ? "已开启" : "未开启"],
        ["可见活动", titles.length ? titles.join("、") : "全部活动"],
        ["最近登录", a.lastLoginAt ? localTime(a.lastLoginAt, ACCOUNTS_TZ) : "从未登录"],
      ]}
    />
  );
}

/**
 * An account's buttons (client/admin/accounts.ts): the link to its own page (`edit`), disable or
 * enable (never one's own account), lift the second factor; errors show in the line below. Must
 * sit inside the element marked `data-account`.
 */
export function AccountActions(props: { a: AccountView; self: boolean; edit?: boolean }) {
  const { a } = props;
  return (
    <>
      <p class="button-row">
        {props.edit && (
          <a class="button small secondary" href={`/admin/accounts/${a.id}`}>
            修改 {a.displayName} 的账号
          </a>
        )}
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
    </>
  );
}
