import { mayManageAccounts } from "../../domain/organizer-accounts";
import type { Organizer } from "../../types";

/** The header's links to 我的账号 (named accounts) and 账号管理 (admins who see every campaign). */
export function AccountLinks(props: { organizer: Organizer }) {
  const { organizer } = props;
  const own = organizer.accountId !== undefined;
  const manage = mayManageAccounts(organizer) && organizer.via !== "token";
  if (!own && !manage) return null;
  return (
    <nav class="account-links" aria-label="账号设置">
      {own && <a href="/admin/account">我的账号</a>}
      {manage && <a href="/admin/accounts">账号管理</a>}
    </nav>
  );
}
