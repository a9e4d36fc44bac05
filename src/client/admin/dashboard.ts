/** The dashboard: live refresh, lifecycle buttons, publishing results, voiding votes. */

import { localToIso as toIso } from "../../domain/time";
import { LIFECYCLE_BUTTONS, lifecycleButtons } from "../../views/admin/lifecycle-ui";
import { STATUS_LABEL } from "../../views/admin/text";
import { failure, onClick } from "./forms";
import { onPublish } from "./publication";
import {
  $,
  $$,
  api,
  apiBase,
  busy,
  data,
  done,
  explain,
  field,
  markInvalid,
  say,
  submitButton,
} from "./shared";

const PAST: Record<string, string> = {
  open: "opened",
  pause: "paused",
  resume: "resumed",
  close: "closed",
  publish: "published",
};

function showLifecycle(status: string, closesAt: number): void {
  const shown = new Set<string>(lifecycleButtons(status, closesAt, Date.now()));
  for (const b of LIFECYCLE_BUTTONS) {
    const el = $<HTMLButtonElement>(`[data-lifecycle="${b.button}"]`);
    if (el) el.hidden = !shown.has(b.button);
  }
  const badge = $("[data-status-badge]");
  if (badge) {
    badge.className = `badge badge-${status}`;
    badge.textContent = STATUS_LABEL[status] ?? status;
  }
}

/**
 * Swaps the parts of the live region whose markup changed. A part holding the keyboard focus is
 * left alone until the next round; open <details> stay open.
 */
function applyLive(html: string): void {
  const live = $("[data-live]");
  if (!live) return;
  const next = document.createElement("template");
  next.innerHTML = html;
  for (const fresh of $$("[data-part]", next.content)) {
    const name = fresh.dataset.part ?? "";
    const current = $(`[data-part="${name}"]`, live);
    if (!current || current.outerHTML === fresh.outerHTML) continue;
    if (current.contains(document.activeElement)) continue;
    const open = $$<HTMLDetailsElement>("details", current).map((d) => d.open);
    $$<HTMLDetailsElement>("details", fresh).forEach((d, i) => {
      if (open[i]) d.open = true;
    });
    if (name === "status") {
      const status = fresh.dataset.status ?? "";
      if (status !== current.dataset.status) showLifecycle(status, Number(fresh.dataset.closes));
    }
    current.replaceWith(fresh);
  }
}

export function setupPolling(): void {
  const url = data.poll;
  if (!url) return;
  let timer: number | undefined;
  let stopped = false;
  // One timer at most: a poll started by a visibility change or a void while another is in flight
  // must not leave two loops running.
  const schedule = () => {
    window.clearTimeout(timer);
    if (!stopped) timer = window.setTimeout(poll, 4000);
  };
  const poll = async () => {
    window.clearTimeout(timer);
    if (document.hidden) return; // resumes on visibilitychange
    try {
      const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (res.status === 401) {
        stopped = true;
        say($("[data-lifecycle-error]") ?? $(".updated"), "登录已失效，请刷新页面后重新登录。");
        return;
      }
      if (res.ok) applyLive(await res.text());
    } catch {
      /* offline for a moment: try again next round */
    }
    schedule();
  };
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && !stopped) void poll();
  });
  (window as unknown as { refreshDashboard: () => void }).refreshDashboard = () => void poll();
  schedule();
}

export function setupLifecycle(): void {
  const error = $("[data-lifecycle-error]");
  const panel = $<HTMLElement>("[data-publish-panel]");
  for (const button of $$<HTMLButtonElement>("[data-lifecycle]")) {
    const action = button.dataset.action ?? "";
    if (action === "publish") {
      button.addEventListener("click", () => {
        say(error, "");
        if (!panel) return;
        panel.hidden = false;
        updateSelected();
        $("#publish-title", panel)?.focus();
      });
      continue;
    }
    button.addEventListener("click", () => say(error, ""));
    onClick(button, {
      confirm: button.dataset.confirm,
      send: () => api("POST", `${apiBase}/${action}`),
      ok: () => done(PAST[action] ?? "saved"),
      error,
    });
  }
  if (!panel) return;
  const form = $<HTMLFormElement>('form[data-form="publish"]', panel);
  const boxes = $$<HTMLInputElement>('input[name="honoree"]', panel);
  function updateSelected(): void {
    say(
      $("[data-selected-count]", panel ?? document),
      String(boxes.filter((b) => b.checked).length),
    );
  }
  for (const box of boxes) box.addEventListener("change", updateSelected);
  $("[data-select-top]", panel)?.addEventListener("click", () => {
    const n = Number(($<HTMLInputElement>("#top-n", panel) ?? { value: "0" }).value) || 0;
    boxes.forEach((box, i) => {
      box.checked = i < n;
    });
    updateSelected();
  });
  $("[data-cancel]", panel)?.addEventListener("click", () => {
    panel.hidden = true;
    $<HTMLButtonElement>('[data-lifecycle="publish"]')?.focus();
  });
  if (form)
    onPublish(form, {
      ask: (n) =>
        n === 0
          ? "没有勾选任何当选者。仍然公布结果？"
          : `公布结果，${n} 人当选？公布后不能再开始投票。`,
    });
}

/** The void form's filters as the API takes them, or an error to show. */
function voidFilter(form: HTMLFormElement): { body: Record<string, unknown> } | { error: string } {
  const tz = data.timeZone ?? "Asia/Shanghai";
  const body: Record<string, unknown> = {};
  for (const key of ["voterHash", "ipHash", "network"]) {
    const value = field(form, key).value.trim().toLowerCase();
    if (value) body[key] = value;
  }
  for (const key of ["from", "to"]) {
    const value = field(form, key).value;
    if (value) body[key] = toIso(value, tz);
  }
  const number = field(form, "number").value;
  if (number) body.number = Number(number);
  if (!body.voterHash && !body.ipHash && !body.network && !body.from && !body.to) {
    return { error: "请至少填写时间段、网段或哈希之一。" };
  }
  return { body };
}

/** How many likes the filters match, by status (GET …/votes/matches). */
async function preview(body: Record<string, unknown>): Promise<Record<string, number> | string> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) q.set(k, String(v));
  const res = await api("GET", `${apiBase}/votes/matches?${q}`);
  if (!res.ok) return explain(failure(res));
  return res.body as Record<string, number>;
}

const previewText = (n: Record<string, number>) =>
  `符合条件：有效点赞 ${n.counted ?? 0} 条（将被核减）` +
  ((n.held ?? 0) > 0 ? `，待核验 ${n.held} 条（请在异常审查中处理）` : "") +
  ((n.voided ?? 0) > 0 ? `，已核减 ${n.voided} 条` : "") +
  "。";

export function setupVoid(): void {
  const form = $<HTMLFormElement>('form[data-form="void"]');
  if (!form) return;
  const error = $("[data-form-error]", form);
  const ok = $("[data-form-ok]", form);
  const shown = $("[data-void-preview]", form);
  const previewButton = $<HTMLButtonElement>("[data-void-preview-button]", form);
  // The preview shown is for these filters; any change asks for a new one before committing.
  let previewed = "";
  let matched = 0;
  form.addEventListener("input", () => {
    if (previewed && JSON.stringify(voidFilter(form)) !== previewed) {
      previewed = "";
      say(shown, "");
    }
  });
  const runPreview = async (): Promise<boolean> => {
    say(error, "");
    const filter = voidFilter(form);
    if ("error" in filter) {
      say(error, filter.error);
      field(form, "from").focus();
      return false;
    }
    const n = await busy(previewButton, () => preview(filter.body));
    if (typeof n === "string") {
      say(error, n);
      return false;
    }
    previewed = JSON.stringify(filter);
    matched = n.counted ?? 0;
    say(shown, previewText(n));
    return true;
  };
  previewButton?.addEventListener("click", () => void runPreview());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(error, "");
    say(ok, "");
    const filter = voidFilter(form);
    if ("error" in filter) {
      say(error, filter.error);
      field(form, "from").focus();
      return;
    }
    const reason = field(form, "reason").value.trim();
    if (!reason) {
      say(error, "请填写核减原因。");
      field(form, "reason").focus();
      return;
    }
    if (previewed !== JSON.stringify(filter) && !(await runPreview())) return;
    if (matched === 0) {
      say(error, "没有符合条件的有效点赞，无需核减。");
      return;
    }
    if (!confirm(`确定核减这 ${matched} 条有效点赞？`)) return;
    const res = await busy(submitButton(form), () =>
      api("POST", `${apiBase}/votes/void`, { ...filter.body, reason }),
    );
    if (res.ok) {
      previewed = "";
      say(shown, "");
      say(ok, `已核减 ${res.body.voided} 票。`);
      (window as unknown as { refreshDashboard?: () => void }).refreshDashboard?.();
    } else {
      say(error, explain(failure(res)));
      markInvalid(form, failure(res));
    }
  });
}
