/**
 * What a 荣誉证书 says, from the campaign and the organizer's settings: pure, `now` not needed (the
 * date is the setting's or the publication's, in the campaign's zone).
 */
import { localDay } from "./time";

export interface CertificateInput {
  campaign: { title: string; organizer: string; timeZone: string; publishedAt: number | null };
  settings: { honourTitle: string; issuer: string; issuedOn: string };
}

export interface CertificateText {
  /** 荣誉称号, e.g. 吕梁市第一批“最美信访干部”. */
  honour: string;
  issuer: string;
  /** 二〇二六年十二月二十日 style is formal; we print 2026年12月20日, readable and unambiguous. */
  date: string;
}

/** "吕梁市第一批“最美信访干部”评选" → "吕梁市第一批“最美信访干部”": the honour is the campaign minus 评选/活动. */
export function honourFromTitle(title: string): string {
  return title.replace(/(评选|推选|评比)(活动)?$/, "").trim() || title;
}

/** The honour inside “…” quotes: its own quotes become the inner ‘…’ (Chinese nesting). */
export function nestedQuotes(text: string): string {
  return text.replace(/“/g, "‘").replace(/”/g, "’");
}

export function certificateText(input: CertificateInput): CertificateText {
  const { campaign, settings } = input;
  const day =
    settings.issuedOn ||
    (campaign.publishedAt !== null ? localDay(campaign.publishedAt, campaign.timeZone) : "");
  const [y, m, d] = day.split("-").map(Number);
  return {
    honour: settings.honourTitle || honourFromTitle(campaign.title),
    issuer: settings.issuer || campaign.organizer,
    date: y && m && d ? `${y}年${m}月${d}日` : "",
  };
}
