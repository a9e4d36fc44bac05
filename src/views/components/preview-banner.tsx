import type { Locale } from "../i18n";

/**
 * 预览 (issue 14): an organizer looking at a draft's public pages. The public gets a 404 at the
 * same address until the campaign is opened.
 */
const TEXT: Record<Locale, { title: string; body: string }> = {
  "zh-CN": {
    title: "预览",
    body: "本活动还是草稿，只有登录的组织者能看到这个页面；公众打开此链接会看到“找不到”，直到开始投票。",
  },
  en: {
    title: "Preview",
    body: "This campaign is still a draft: only signed-in organizers can see this page. The public gets “not found” at this address until voting opens.",
  },
};

export function PreviewBanner(props: { locale: Locale }) {
  const t = TEXT[props.locale];
  return (
    <aside class="preview-banner" aria-label={t.title} data-preview>
      <strong>{t.title}</strong> {t.body}
    </aside>
  );
}
