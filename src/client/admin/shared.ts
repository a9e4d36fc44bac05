/**
 * Helpers the console's parts share: DOM lookup, the page's data, talking to the API, error
 * display and form fields.
 */
import { chineseOnly } from "../../views/admin/messages";
import { ERROR_TEXT } from "../../views/admin/text";

interface PageData {
  page: string;
  role: "admin" | "observer" | null;
  slug: string | null;
  poll?: string;
  timeZone?: string;
  numbers?: number[];
}

/** One field's problem, as the API's `error.issues` lists it (DESIGN §3). */
interface ApiIssue {
  path: string;
  message: string;
}

interface ApiError {
  code: string;
  message: string;
  issues?: ApiIssue[];
}

interface ApiResult {
  ok: boolean;
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of several shapes
  body: any;
  error?: ApiError;
}

export const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  root.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  Array.from(root.querySelectorAll<T>(sel));

const dataEl = document.getElementById("page-data");
export const data: PageData = dataEl
  ? JSON.parse(dataEl.textContent || "{}")
  : { page: "", role: null, slug: null };
const slug = data.slug ?? "";
export const apiBase = `/api/admin/campaigns/${encodeURIComponent(slug)}`;

/* ---------- talking to the API ---------- */

export async function api(
  method: string,
  url: string,
  body?: unknown,
  raw?: { bytes: BodyInit; type: string },
): Promise<ApiResult> {
  // The console is Chinese: the API writes its field messages (error.issues) in zh-CN for it.
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": "zh-CN",
  };
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

/**
 * An API error in the console's words: the fields' own messages (`error.issues`, in Chinese since
 * the console asks for it), else the API's message only where it has a Chinese part (its English
 * messages are for developers, not for the console).
 */
export function explain(error: ApiError): string {
  const base = ERROR_TEXT[error.code] ?? ERROR_TEXT.unknown ?? "";
  if (!error.message || ["offline", "forbidden", "rate_limited"].includes(error.code)) return base;
  if (error.code === "unauthorized") return `${base}请刷新页面后重新登录。`;
  const issues = (error.issues ?? []).map((i) => chineseOnly(i.message)).filter(Boolean);
  const detail = issues.length ? issues.slice(0, 3).join("") : chineseOnly(error.message);
  return `${base}${detail ? `：${detail}` : "。"}`;
}

export function say(el: Element | null, text: string): void {
  if (el) el.textContent = text;
}

/**
 * The input a path names: `[data-path]` (the contract of the console's forms), else an input
 * named by the path, its camel-cased join (notice.startsAt → noticeStartsAt) or its last part.
 */
function inputFor(form: HTMLFormElement, path: string): HTMLElement | null {
  const marked = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  if (marked) return marked;
  const parts = path.split(".").filter((p) => !/^\d+$/.test(p));
  const joined = parts.map((p, i) => (i ? p[0]?.toUpperCase() + p.slice(1) : p)).join("");
  for (const name of [path, joined, parts.at(-1) ?? ""]) {
    const el = name ? form.elements.namedItem(name) : null;
    if (el instanceof HTMLElement) return el;
  }
  return null;
}

/**
 * Marks the fields an error names, from the API's `error.issues` (or the paths given by a check
 * in the page): `aria-invalid` on the input, the issue's message in its error slot
 * (`#<input id>-error`), the focus on the first. Earlier marks are cleared first.
 */
export function markInvalid(
  form: HTMLFormElement,
  what: ApiError | string | string[] | undefined,
): void {
  for (const el of $$("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
  for (const slot of $$(".field-error", form)) {
    slot.textContent = "";
    slot.hidden = true;
  }
  const issues: ApiIssue[] =
    what === undefined
      ? []
      : typeof what === "string"
        ? [{ path: what, message: "" }]
        : Array.isArray(what)
          ? what.map((path) => ({ path, message: "" }))
          : (what.issues ?? []);
  let first: HTMLElement | null = null;
  for (const issue of issues) {
    const input = issue.path ? inputFor(form, issue.path) : null;
    if (!input) continue;
    input.setAttribute("aria-invalid", "true");
    const slot = input.id ? document.getElementById(`${input.id}-error`) : null;
    const message = chineseOnly(issue.message);
    if (slot && message) {
      slot.textContent = slot.textContent ? `${slot.textContent}${message}` : message;
      slot.hidden = false;
    }
    first ??= input;
  }
  first?.focus();
}

export async function busy<T>(
  button: HTMLButtonElement | null,
  work: () => Promise<T>,
): Promise<T> {
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

export function go(url: string): void {
  const next = new URL(url, location.href);
  // To the same path and query, assign() only scrolls to the anchor: the page would stay stale
  // (the 初选 queue after a second decision). Put the anchor in place and reload instead.
  if (next.pathname === location.pathname && next.search === location.search) {
    history.replaceState(history.state, "", next.href);
    location.reload();
  } else location.assign(next.href);
}

/** The page itself with `?done=…` (a fixed message the server shows) and an optional anchor. */
export function done(code: string, hash = "", extra = ""): void {
  go(`${location.pathname}?done=${code}${extra}${hash}`);
}

export function submitButton(form: HTMLFormElement): HTMLButtonElement | null {
  return $<HTMLButtonElement>('button[type="submit"]', form);
}

/* ---------- form helpers ---------- */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function field(form: HTMLFormElement, name: string): Field {
  const el = form.elements.namedItem(name);
  if (!el) throw new Error(`no field ${name}`);
  return el as Field;
}

export function changed(el: Field): boolean {
  if (el instanceof HTMLSelectElement)
    return Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
  if (el instanceof HTMLInputElement && el.type === "checkbox")
    return el.checked !== el.defaultChecked;
  return el.value !== el.defaultValue;
}

export const checked = (form: HTMLFormElement, name: string) =>
  (field(form, name) as HTMLInputElement).checked;

/** Required text fields left empty: a message naming the first, which gets the focus. */
export function missing(form: HTMLFormElement, names: string[]): string | null {
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
