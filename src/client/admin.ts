/**
 * The organizer console's browser script (bundled to public/admin.js). Pages are rendered on the
 * server and readable without it; this script signs in and out, sends every change to the JSON API
 * under /api/admin, shows the API's answers next to the form that caused them, and keeps the
 * dashboard up to date. All text from the server is inserted with textContent, never as HTML,
 * except the dashboard's own server-rendered fragment.
 */
import { LIFECYCLE_BUTTONS, lifecycleButtons } from "../views/admin/lifecycle-ui";
import { ERROR_TEXT, FIELD_LABEL, STATUS_LABEL } from "../views/admin/text";

interface PageData {
  page: string;
  role: "admin" | "observer" | null;
  slug: string | null;
  poll?: string;
  timeZone?: string;
  numbers?: number[];
}

interface ApiError {
  code: string;
  message: string;
}

interface ApiResult {
  ok: boolean;
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of several shapes
  body: any;
  error?: ApiError;
}

const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  root.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  Array.from(root.querySelectorAll<T>(sel));

const dataEl = document.getElementById("page-data");
const data: PageData = dataEl
  ? JSON.parse(dataEl.textContent || "{}")
  : { page: "", role: null, slug: null };
const slug = data.slug ?? "";
const apiBase = `/api/admin/campaigns/${encodeURIComponent(slug)}`;

/* ---------- talking to the API ---------- */

async function api(
  method: string,
  url: string,
  body?: unknown,
  raw?: { bytes: BodyInit; type: string },
): Promise<ApiResult> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let payload: BodyInit | undefined;
  if (raw) {
    headers["Content-Type"] = raw.type;
    payload = raw.bytes;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    return { ok: false, status: 0, body: {}, error: { code: "offline", message: "" } };
  }
  let parsed: ApiResult["body"] = {};
  if ((res.headers.get("Content-Type") || "").includes("json")) {
    parsed = await res.json().catch(() => ({}));
  }
  const error: ApiError | undefined = res.ok
    ? undefined
    : parsed?.error?.code
      ? parsed.error
      : {
          code:
            res.status === 413
              ? "payload_too_large"
              : res.status === 401
                ? "unauthorized"
                : "unknown",
          message: "",
        };
  return { ok: res.ok, status: res.status, body: parsed, error };
}

/** The API's field names that appear in a validation message. */
function fieldsIn(message: string): string[] {
  return Object.keys(FIELD_LABEL).filter((key) =>
    new RegExp(`(^|[^A-Za-z])${key}([^A-Za-z]|$)`).test(message),
  );
}

/** An API error in the console's words, with the API's own message (it names the field). */
function explain(error: ApiError): string {
  const base = ERROR_TEXT[error.code] ?? ERROR_TEXT.unknown ?? "";
  if (!error.message || ["offline", "forbidden", "rate_limited"].includes(error.code)) return base;
  if (error.code === "unauthorized") return `${base}请刷新页面后重新登录。`;
  const fields = fieldsIn(error.message)
    .map((k) => FIELD_LABEL[k])
    .filter((v, i, all) => all.indexOf(v) === i);
  const where = fields.length ? `（涉及：${fields.join("、")}）` : "";
  return `${base}${where}：${error.message}`;
}

function say(el: Element | null, text: string): void {
  if (el) el.textContent = text;
}

/** Marks the inputs an error message names, and focuses the first. */
function markInvalid(form: HTMLFormElement, message: string): void {
  for (const el of $$<HTMLInputElement>("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
  const names = fieldsIn(message);
  if (names.includes("rules")) names.push("likesPerCandidatePerDay", "likesPerVoterPerDay");
  let first: HTMLElement | null = null;
  for (const name of names) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLElement) {
      input.setAttribute("aria-invalid", "true");
      first ??= input;
    }
  }
  first?.focus();
}

async function busy<T>(button: HTMLButtonElement | null, work: () => Promise<T>): Promise<T> {
  if (button) {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
  }
  try {
    return await work();
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }
}

function go(url: string): void {
  location.assign(url);
}

/** The page itself with `?done=…` (a fixed message the server shows) and an optional anchor. */
function done(code: string, hash = "", extra = ""): void {
  go(`${location.pathname}?done=${code}${extra}${hash}`);
}

function submitButton(form: HTMLFormElement): HTMLButtonElement | null {
  return $<HTMLButtonElement>('button[type="submit"]', form);
}

/* ---------- times in the campaign's zone ---------- */

function zoneOffset(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour12: false,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  for (const p of format.formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A datetime-local value read as wall-clock time in `timeZone`, as ISO 8601 with its offset. */
function toIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  let offset: number;
  try {
    offset = zoneOffset(asUtc, timeZone);
    offset = zoneOffset(asUtc - offset * 60000, timeZone);
  } catch {
    return null;
  }
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/* ---------- form helpers ---------- */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function field(form: HTMLFormElement, name: string): Field {
  const el = form.elements.namedItem(name);
  if (!el) throw new Error(`no field ${name}`);
  return el as Field;
}

function changed(el: Field): boolean {
  if (el instanceof HTMLSelectElement)
    return Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
  if (el instanceof HTMLInputElement && el.type === "checkbox")
    return el.checked !== el.defaultChecked;
  return el.value !== el.defaultValue;
}

const checked = (form: HTMLFormElement, name: string) =>
  (field(form, name) as HTMLInputElement).checked;

/** Required text fields left empty: a message naming the first, which gets the focus. */
function missing(form: HTMLFormElement, names: string[]): string | null {
  for (const name of names) {
    const el = field(form, name);
    if (el.value.trim() === "") {
      el.setAttribute("aria-invalid", "true");
      el.focus();
      const label = form.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() ?? name;
      return `请填写“${label}”。`;
    }
  }
  return null;
}

/* ---------- sign in and out ---------- */

function setupLogin(): void {
  const form = $<HTMLFormElement>('form[data-form="login"]');
  if (!form) return;
  const error = $("[data-form-error]", form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const password = field(form, "password").value;
    const name = field(form, "name").value.trim();
    if (!password) {
      say(error, "请输入密码。");
      field(form, "password").focus();
      return;
    }
    say(error, "");
    const res = await busy(submitButton(form), () =>
      api("POST", "/api/admin/session", name ? { password, name } : { password }),
    );
    if (res.ok) {
      location.reload();
      return;
    }
    if (res.status === 401) say(error, "密码错误。");
    else if (res.status === 429) say(error, ERROR_TEXT.rate_limited ?? "");
    else if (res.error) say(error, explain(res.error));
    field(form, "password").focus();
  });
}

function setupLogout(): void {
  for (const button of $$<HTMLButtonElement>("[data-logout]")) {
    button.addEventListener("click", async () => {
      await busy(button, () => api("DELETE", "/api/admin/session"));
      go("/admin");
    });
  }
}

/* ---------- campaign settings (new and edit) ---------- */

function setupCampaignForms(): void {
  for (const form of $$<HTMLFormElement>('form[data-form="campaign"]')) {
    const error = $("[data-form-error]", form);
    const mode = form.dataset.mode;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      for (const el of $$("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
      const blank = missing(form, [
        "title",
        "slug",
        "organizer",
        "timeZone",
        "opensAt",
        "closesAt",
      ]);
      if (blank) {
        say(error, blank);
        return;
      }
      const timeZone = field(form, "timeZone").value.trim();
      if (!validZone(timeZone)) {
        say(error, "时区无效：请填写 IANA 时区名，例如 Asia/Shanghai。");
        markInvalid(form, "timeZone");
        return;
      }
      const opensAt = toIso(field(form, "opensAt").value, timeZone);
      const closesAt = toIso(field(form, "closesAt").value, timeZone);
      if (!opensAt || !closesAt) {
        say(error, "请填写完整的开始和结束时间。");
        markInvalid(form, opensAt ? "closesAt" : "opensAt");
        return;
      }
      const perVoter = field(form, "likesPerVoterPerDay").value.trim();
      const all: Record<string, unknown> = {
        title: field(form, "title").value.trim(),
        slug: field(form, "slug").value.trim(),
        organizer: field(form, "organizer").value.trim(),
        description: field(form, "description").value,
        timeZone,
        opensAt,
        closesAt,
        rules: {
          likesPerCandidatePerDay: Number(field(form, "likesPerCandidatePerDay").value),
          likesPerVoterPerDay: perVoter === "" ? null : Number(perVoter),
        },
        showCounts: field(form, "showCounts").value,
        nomineeOrder: field(form, "nomineeOrder").value,
        draft: checked(form, "draft"),
      };
      let body: Record<string, unknown> = all;
      if (mode === "edit") {
        // Only what changed, so the audit log shows the real change and untouched times keep
        // their seconds.
        body = {};
        for (const key of ["title", "slug", "organizer", "description", "timeZone"]) {
          if (changed(field(form, key))) body[key] = all[key];
        }
        if (
          changed(field(form, "timeZone")) ||
          changed(field(form, "opensAt")) ||
          changed(field(form, "closesAt"))
        ) {
          body.opensAt = opensAt;
          body.closesAt = closesAt;
        }
        if (
          changed(field(form, "likesPerCandidatePerDay")) ||
          changed(field(form, "likesPerVoterPerDay"))
        )
          body.rules = all.rules;
        for (const key of ["showCounts", "nomineeOrder", "draft"]) {
          if (changed(field(form, key))) body[key] = all[key];
        }
        if (Object.keys(body).length === 0) {
          say(error, "没有修改。");
          return;
        }
      }
      const res = await busy(submitButton(form), () =>
        mode === "edit"
          ? api(
              "PATCH",
              `/api/admin/campaigns/${encodeURIComponent(form.dataset.slug ?? "")}`,
              body,
            )
          : api("POST", "/api/admin/campaigns", body),
      );
      if (res.ok) {
        const newSlug = encodeURIComponent(String(res.body.slug));
        go(
          mode === "edit"
            ? `/admin/c/${newSlug}/settings?done=saved`
            : `/admin/c/${newSlug}/nominees?done=created`,
        );
        return;
      }
      const message = explain(res.error ?? { code: "unknown", message: "" });
      say(error, message);
      markInvalid(form, res.error?.message ?? "");
    });
  }

  const del = $<HTMLButtonElement>("[data-delete-campaign]");
  del?.addEventListener("click", async () => {
    if (!confirm("确定删除该活动及其全部候选人？此操作不能撤销。")) return;
    const res = await busy(del, () => api("DELETE", apiBase));
    if (res.ok) go("/admin?done=deleted");
    else say($("[data-delete-error]"), explain(res.error ?? { code: "unknown", message: "" }));
  });
}

/* ---------- dashboard ---------- */

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

function setupPolling(): void {
  const url = data.poll;
  if (!url) return;
  let timer: number | undefined;
  let stopped = false;
  const schedule = () => {
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

function setupLifecycle(): void {
  const error = $("[data-lifecycle-error]");
  const panel = $<HTMLElement>("[data-publish-panel]");
  for (const button of $$<HTMLButtonElement>("[data-lifecycle]")) {
    button.addEventListener("click", async () => {
      const action = button.dataset.action ?? "";
      say(error, "");
      if (action === "publish" && panel) {
        panel.hidden = false;
        updateSelected();
        $("#publish-title", panel)?.focus();
        return;
      }
      const question = button.dataset.confirm;
      if (question && !confirm(question)) return;
      const res = await busy(button, () => api("POST", `${apiBase}/${action}`));
      if (res.ok) done(PAST[action] ?? "saved");
      else say(error, explain(res.error ?? { code: "unknown", message: "" }));
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
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const honorees = boxes.filter((b) => b.checked).map((b) => Number(b.value));
    const question =
      honorees.length === 0
        ? "没有勾选任何当选者。仍然公布结果？"
        : `公布结果，${honorees.length} 人当选？公布后不能再开始投票。`;
    if (!confirm(question)) return;
    const res = await busy(submitButton(form), () =>
      api("POST", `${apiBase}/publish`, { honorees }),
    );
    if (res.ok) done("published");
    else say($("[data-form-error]", form), explain(res.error ?? { code: "unknown", message: "" }));
  });
}

function setupVoid(): void {
  const form = $<HTMLFormElement>('form[data-form="void"]');
  if (!form) return;
  const error = $("[data-form-error]", form);
  const ok = $("[data-form-ok]", form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(error, "");
    say(ok, "");
    const tz = data.timeZone ?? "Asia/Shanghai";
    const body: Record<string, unknown> = {};
    for (const key of ["voterHash", "ipHash"]) {
      const value = field(form, key).value.trim().toLowerCase();
      if (value) body[key] = value;
    }
    for (const key of ["from", "to"]) {
      const value = field(form, key).value;
      if (value) body[key] = toIso(value, tz);
    }
    const number = field(form, "number").value;
    if (number) body.number = Number(number);
    body.reason = field(form, "reason").value.trim();
    if (!body.voterHash && !body.ipHash && !body.from && !body.to) {
      say(error, "请至少填写投票人哈希、IP 哈希或时间段之一。");
      field(form, "voterHash").focus();
      return;
    }
    if (!body.reason) {
      say(error, "请填写核减原因。");
      field(form, "reason").focus();
      return;
    }
    if (!confirm("确定核减符合条件的全部有效点赞？")) return;
    const res = await busy(submitButton(form), () => api("POST", `${apiBase}/votes/void`, body));
    if (res.ok) {
      say(ok, `已核减 ${res.body.voided} 票。`);
      (window as unknown as { refreshDashboard?: () => void }).refreshDashboard?.();
    } else {
      say(error, explain(res.error ?? { code: "unknown", message: "" }));
      markInvalid(form, res.error?.message ?? "");
    }
  });
}

/* ---------- nominees ---------- */

function nomineeBody(form: HTMLFormElement, mode: string): Record<string, unknown> | string {
  const body: Record<string, unknown> = {};
  const number = field(form, "number");
  if (number.value.trim() !== "") {
    const n = Number(number.value);
    if (!Number.isInteger(n) || n < 1) return "编号应为正整数。";
    if (mode === "create" || changed(number)) body.number = n;
  }
  const name = field(form, "name").value.trim();
  if (!name) return "请填写姓名。";
  body.name = name;
  for (const key of ["position", "unit", "group", "headline", "nominatingUnit"]) {
    body[key] = field(form, key).value.trim();
  }
  body.story = field(form, "story")
    .value.split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  body.honoree = checked(form, "honoree");
  return body;
}

function setupNominees(): void {
  for (const form of $$<HTMLFormElement>('form[data-form="nominee"]')) {
    const error = $("[data-form-error]", form);
    const mode = form.dataset.mode ?? "create";
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const body = nomineeBody(form, mode);
      if (typeof body === "string") {
        say(error, body);
        markInvalid(form, body.includes("姓名") ? "name" : "number");
        return;
      }
      const res = await busy(submitButton(form), () =>
        mode === "edit"
          ? api("PATCH", `${apiBase}/nominees/${form.dataset.number}`, body)
          : api("POST", `${apiBase}/nominees`, body),
      );
      if (res.ok) done("nominee", `#n-${res.body.number}`);
      else {
        say(error, explain(res.error ?? { code: "unknown", message: "" }));
        markInvalid(form, res.error?.message ?? "");
      }
    });
  }

  for (const button of $$<HTMLButtonElement>("[data-delete-nominee]")) {
    button.addEventListener("click", async () => {
      if (!confirm(`确定删除候选人“${button.dataset.name}”？`)) return;
      const res = await busy(button, () =>
        api("DELETE", `${apiBase}/nominees/${button.dataset.deleteNominee}`),
      );
      if (res.ok) done("deleted");
      else
        say(
          button.parentElement?.querySelector("[data-delete-error]") ?? null,
          explain(res.error ?? { code: "unknown", message: "" }),
        );
    });
  }

  for (const button of $$<HTMLButtonElement>("[data-move]")) {
    button.addEventListener("click", async () => {
      const order = $$("[data-nominee-list] > li").map((li) => Number(li.dataset.number));
      const item = button.closest<HTMLElement>("li[data-number]");
      const from = order.indexOf(Number(item?.dataset.number));
      const to = button.dataset.move === "up" ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= order.length) return;
      [order[from], order[to]] = [order[to] as number, order[from] as number];
      const res = await busy(button, () => api("POST", `${apiBase}/nominees/reorder`, { order }));
      if (res.ok) done("reordered", `#n-${to + 1}`);
      else alert(explain(res.error ?? { code: "unknown", message: "" }));
    });
  }

  for (const form of $$<HTMLFormElement>('form[data-form="photo"]')) {
    const error = $("[data-form-error]", form);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      const file = (field(form, "file") as HTMLInputElement).files?.[0];
      if (!file) {
        say(error, "请选择照片文件。");
        field(form, "file").focus();
        return;
      }
      if (file.size > 5 * 1024 * 1024) {
        say(error, "照片超过 5 MB，请压缩后再上传。");
        return;
      }
      const caption = field(form, "caption").value.trim();
      const number = form.dataset.number;
      const res = await busy(submitButton(form), () =>
        api(
          "POST",
          `${apiBase}/nominees/${number}/photos?caption=${encodeURIComponent(caption)}`,
          undefined,
          { bytes: file, type: file.type || "application/octet-stream" },
        ),
      );
      if (res.ok) done("uploaded", `#n-${number}`);
      else {
        const e = res.error ?? { code: "unknown", message: "" };
        say(
          error,
          e.code === "payload_too_large"
            ? "照片太大：不能超过 5 MB。"
            : e.code === "unsupported_media_type"
              ? "只接受 JPEG、PNG 或 WebP 格式的照片。"
              : explain(e),
        );
      }
    });
  }

  for (const button of $$<HTMLButtonElement>("[data-remove-photo]")) {
    button.addEventListener("click", async () => {
      const list = button.closest<HTMLElement>("[data-photos]");
      const photos = JSON.parse(list?.dataset.photos ?? "[]") as unknown[];
      photos.splice(Number(button.dataset.removePhoto), 1);
      if (!confirm("删除这张照片？")) return;
      const number = button.dataset.number;
      const res = await busy(button, () =>
        api("PATCH", `${apiBase}/nominees/${number}`, { photos }),
      );
      if (res.ok) done("photo-removed", `#n-${number}`);
      else alert(explain(res.error ?? { code: "unknown", message: "" }));
    });
  }

  // Back from an action: the URL's #n-<number> names the nominee's heading (focusable), which the
  // browser scrolls to; focus it too, so keyboard and screen-reader users continue from there.
  if (/^#n-\d+$/.test(location.hash)) {
    const focus = () => $<HTMLElement>(location.hash)?.focus();
    focus();
    window.addEventListener("load", focus);
  }
}

/* ---------- bulk import ---------- */

interface PreviewRow {
  row: number;
  nominee?: { number: number; name: string; position: string; unit: string; group: string };
  errors: string[];
}

interface Preview {
  format: "csv" | "json";
  encoding?: string;
  rows: PreviewRow[];
  valid: number;
  invalid: number;
}

function cell(tr: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = tr.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function setupImport(): void {
  const section = $("[data-import]");
  const form = section && $<HTMLFormElement>('form[data-form="import"]', section);
  const preview = section && $("[data-import-preview]", section);
  if (!section || !form || !preview) return;
  const error = $("[data-form-error]", form);
  const summary = $("[data-import-summary]", preview);
  const rowsEl = $("[data-import-rows]", preview);
  const commitError = $("[data-import-error]", preview);
  const commit = $<HTMLButtonElement>("[data-import-commit]", preview);
  const existing = new Set(data.numbers ?? []);
  let upload: { bytes: ArrayBuffer; type: string; name: string } | null = null;

  const render = (p: Preview) => {
    if (!rowsEl) return;
    rowsEl.textContent = "";
    let clashes = 0;
    for (const r of p.rows) {
      const errors = [...r.errors];
      // Guard against numbers already in the campaign, in case the server did not flag them.
      if (r.nominee && errors.length === 0 && existing.has(r.nominee.number)) {
        errors.push(`编号 ${r.nominee.number} 已被本活动的现有候选人使用`);
        clashes++;
      }
      const tr = (rowsEl as HTMLTableSectionElement).insertRow();
      tr.className = errors.length ? "row-bad" : "row-ok";
      cell(tr, r.row === 0 ? "文件" : String(r.row), "num");
      cell(tr, errors.length ? "✗ 有误" : "✓ 可导入", errors.length ? "bad" : "ok");
      const td = tr.insertCell();
      if (r.nominee) {
        const who = document.createElement("strong");
        who.textContent = `${r.nominee.number}号 ${r.nominee.name}`;
        td.append(who);
        const detail = [r.nominee.position, r.nominee.unit, r.nominee.group].filter((x) => x);
        if (detail.length) {
          const sub = document.createElement("span");
          sub.className = "sub";
          sub.textContent = detail.join(" · ");
          td.append(sub);
        }
      }
      if (errors.length) {
        const ul = document.createElement("ul");
        ul.className = "errors";
        for (const e of errors) {
          const li = document.createElement("li");
          li.textContent = e;
          ul.append(li);
        }
        td.append(ul);
      }
    }
    const invalid = p.invalid + clashes;
    const valid = p.valid - clashes;
    const format =
      p.format === "json" ? "JSON" : `CSV（${p.encoding === "gbk" ? "GBK" : "UTF-8"} 编码）`;
    say(
      summary,
      invalid > 0
        ? `${format}：${valid} 行可导入，${invalid} 处有误。请修改文件后重新选择并预览；有错误时不会导入任何一行。`
        : valid > 0
          ? `${format}：${valid} 行全部可导入。确认无误后点击“导入 ${valid} 行”。`
          : `${format}：文件中没有候选人。`,
    );
    if (commit) {
      commit.hidden = !(invalid === 0 && valid > 0);
      commit.textContent = `导入 ${valid} 行`;
    }
    preview.hidden = false;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(error, "");
    say(commitError, "");
    const file = (field(form, "file") as HTMLInputElement).files?.[0];
    if (!file) {
      say(error, "请选择 CSV 或 JSON 文件。");
      field(form, "file").focus();
      return;
    }
    if (file.size > 2 * 1024 * 1024) {
      say(error, "文件超过 2 MB。请分成几个文件导入。");
      return;
    }
    const type =
      file.type && /csv|json|text/.test(file.type)
        ? file.type
        : /\.json$/i.test(file.name)
          ? "application/json"
          : "text/csv";
    upload = { bytes: await file.arrayBuffer(), type, name: file.name };
    const u = upload;
    const res = await busy(submitButton(form), () =>
      api(
        "POST",
        `${apiBase}/nominees/import?dryRun=1&filename=${encodeURIComponent(u.name)}`,
        undefined,
        { bytes: u.bytes, type: u.type },
      ),
    );
    if (res.ok && Array.isArray(res.body.rows)) {
      render(res.body as Preview);
      summary?.focus();
    } else {
      preview.hidden = true;
      say(error, explain(res.error ?? { code: "unknown", message: "" }));
    }
  });

  commit?.addEventListener("click", async () => {
    if (!upload) return;
    const u = upload;
    say(commitError, "");
    const res = await busy(commit, () =>
      api("POST", `${apiBase}/nominees/import?filename=${encodeURIComponent(u.name)}`, undefined, {
        bytes: u.bytes,
        type: u.type,
      }),
    );
    if (res.ok) {
      done("imported", "", `&n=${Number(res.body.imported) || 0}`);
      return;
    }
    if (res.status === 422 && Array.isArray(res.body.rows)) render(res.body as Preview);
    say(commitError, explain(res.error ?? { code: "unknown", message: "" }));
  });

  $("[data-import-cancel]", preview)?.addEventListener("click", () => {
    preview.hidden = true;
    upload = null;
    form.reset();
    field(form, "file").focus();
  });
}

/* ---------- notice ---------- */

function setupPrint(): void {
  const button = $<HTMLButtonElement>("[data-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

setupLogin();
setupLogout();
setupCampaignForms();
setupLifecycle();
setupPolling();
setupVoid();
setupNominees();
setupImport();
setupPrint();
