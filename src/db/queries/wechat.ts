import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../client";
import { wechatCredentials } from "../schema";

export type WeChatCredentialKind = "access_token" | "jsapi_ticket";

/** A credential of this app that is still good at `now`, shared by every isolate. */
export async function findWeChatCredential(
  db: Database,
  kind: WeChatCredentialKind,
  appId: string,
  now: number,
): Promise<{ value: string; expiresAt: number } | undefined> {
  return db
    .select({ value: wechatCredentials.value, expiresAt: wechatCredentials.expiresAt })
    .from(wechatCredentials)
    .where(
      and(
        eq(wechatCredentials.kind, kind),
        eq(wechatCredentials.appId, appId),
        gt(wechatCredentials.expiresAt, now),
      ),
    )
    .get();
}

export async function saveWeChatCredential(
  db: Database,
  kind: WeChatCredentialKind,
  appId: string,
  value: string,
  expiresAt: number,
): Promise<void> {
  await db
    .insert(wechatCredentials)
    .values({ kind, appId, value, expiresAt })
    .onConflictDoUpdate({ target: wechatCredentials.kind, set: { appId, value, expiresAt } });
}

export async function forgetWeChatCredential(
  db: Database,
  kind: WeChatCredentialKind,
): Promise<void> {
  await db.delete(wechatCredentials).where(eq(wechatCredentials.kind, kind));
}
