import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { campaignRef } from "./campaigns";
import { emptyText } from "./columns";

/**
 * 荣誉证书 settings, one row per campaign (issue 17): the honour's title printed on each
 * certificate (empty = derived from the campaign's title), the issuer line (empty = the
 * organizer), the date line (empty = the publication day) and an optional seal image in R2.
 */
export const certificateSettings = sqliteTable("certificate_settings", {
  campaignId: campaignRef("cascade").primaryKey(),
  honourTitle: emptyText("honour_title"),
  issuer: emptyText("issuer"),
  /** YYYY-MM-DD, or empty. */
  issuedOn: emptyText("issued_on"),
  /** `/media/seals/…` or null. */
  sealUrl: text("seal_url"),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * WeChat's access_token and jsapi_ticket (kind `access_token` | `jsapi_ticket`), shared by every
 * isolate until they expire (both last 2 h; WeChat limits how often they may be fetched). Read
 * and written by integrations/wechat-jssdk.ts for the share signature (issue 17).
 */
export const wechatCredentials = sqliteTable("wechat_credentials", {
  kind: text("kind").primaryKey(),
  appId: text("app_id").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

export type CertificateSettings = typeof certificateSettings.$inferSelect;
