/** 复制为新活动 on the settings page: POST …/copy, then the new links, shown once. */
import { filled, onSubmit, refuse } from "./forms";
import { $, api, apiBase, checked, field, say } from "./shared";

interface CopyAnswer {
  campaign: { slug: string; title: string };
  invitations: { unit: string; url: string }[];
  jurors: { name: string; url: string }[];
}

export function setupCopyCampaign(): void {
  const panel = $("[data-copy-panel]");
  const form = panel ? $<HTMLFormElement>('form[data-form="copy"]', panel) : null;
  if (!panel || !form) return;
  onSubmit(form, {
    body: () => {
      const slug = field(form, "slug").value.trim();
      if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug))
        return refuse(form, "slug", "网址标识：2–63 个小写字母、数字或连字符。");
      const title = filled(form, "title", "请填写新活动的标题。");
      if (typeof title !== "string") return title;
      return { slug, title, includeNominees: checked(form, "includeNominees") };
    },
    send: (body) => api("POST", `${apiBase}/copy`, body),
    ok: (res) => showCopy(panel, form, res.body as unknown as CopyAnswer),
  });
}

/** The copy made: its new links, shown once, and the way to its settings. */
function showCopy(panel: HTMLElement, form: HTMLFormElement, body: CopyAnswer): void {
  const result = $("[data-copy-result]", panel);
  const list = $("[data-copy-links]", panel);
  const open = $<HTMLAnchorElement>("[data-copy-open]", panel);
  say($("[data-copy-done]", panel), `已复制为草稿活动：${body.campaign.title}。已记入操作日志。`);
  if (list) {
    list.replaceChildren();
    const links = [
      ...body.invitations.map((i) => ({ label: `推荐单位 ${i.unit}`, url: i.url })),
      ...body.jurors.map((j) => ({ label: `评委 ${j.name}`, url: j.url })),
    ];
    if (links.length === 0) {
      const li = document.createElement("li");
      li.textContent = "（没有推荐单位或评委需要新链接）";
      list.append(li);
    }
    for (const link of links) {
      const li = document.createElement("li");
      const label = document.createElement("span");
      label.textContent = `${link.label}：`;
      const code = document.createElement("code");
      code.textContent = link.url;
      li.append(label, code);
      list.append(li);
    }
  }
  if (open) open.href = `/admin/c/${encodeURIComponent(body.campaign.slug)}/settings`;
  form.hidden = true;
  if (result) {
    result.hidden = false;
    result.setAttribute("tabindex", "-1");
    result.focus();
  }
}
