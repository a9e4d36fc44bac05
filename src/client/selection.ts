/**
 * The browser script of the link pages (bundled to public/selection.js): a nominating unit's
 * nomination form (autosave, photos, submit) and a juror's score sheet. The pages are rendered on
 * the server; this script sends changes to /api/nominate/… and /api/jury/… and says what happened.
 */

import { $, pageData } from "./dom";

interface PageData {
  page: string;
  api?: string;
  base?: string;
  editable?: boolean;
  s: {
    errors: Record<string, string>;
    saving: string;
    saveFailed: string;
    scoreSaved: string;
    scoreRange: string;
    fields?: Record<string, string>;
    listSeparator?: string;
    scoreFirst: string;
    submitConfirm: string;
    savedAt: string;
  };
}

const data = pageData({} as PageData);
const $$ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) =>
  Array.from(root.querySelectorAll<T>(sel));

interface Answer {
  ok: boolean;
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of several shapes
  body: any;
}

async function send(method: string, url: string, body?: unknown, raw?: Blob): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let payload: BodyInit | undefined;
  if (raw) {
    headers["Content-Type"] = raw.type || "application/octet-stream";
    payload = raw;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  try {
    const res = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
    const parsed = (res.headers.get("Content-Type") || "").includes("json")
      ? await res.json().catch(() => ({}))
      : {};
    return { ok: res.ok, status: res.status, body: parsed };
  } catch {
    return { ok: false, status: 0, body: { error: { code: "offline", message: "" } } };
  }
}

/** The fields an error is about: `error.fields`, or the path a validation message starts with. */
function fieldsOf(a: Answer): string[] {
  if (Array.isArray(a.body?.error?.fields)) return a.body.error.fields;
  const path = /^([A-Za-z]+)[.:]/.exec(String(a.body?.error?.message ?? ""))?.[1];
  return path ? [path] : [];
}

function explain(a: Answer): string {
  const code: string = a.body?.error?.code ?? (a.status === 413 ? "payload_too_large" : "unknown");
  const base = data.s.errors[code] ?? data.s.errors.unknown ?? "";
  // The fields in the page's language; the API's own message is English and stays out of it.
  const fields = fieldsOf(a);
  const named = fields.map((f) => data.s.fields?.[f] ?? f);
  return named.length ? `${base}：${named.join(data.s.listSeparator ?? "、")}` : base;
}

/** Marks the fields an error names (`error.fields`) and focuses the first. */
function markFields(form: HTMLFormElement, a: Answer): void {
  for (const el of $$("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
  const fields = fieldsOf(a);
  let first: HTMLElement | null = null;
  for (const name of fields) {
    const el = form.elements.namedItem(name);
    if (el instanceof HTMLElement) {
      el.setAttribute("aria-invalid", "true");
      first ??= el;
    }
  }
  first?.focus();
}

function say(el: Element | null, text: string): void {
  if (el) el.textContent = text;
}

/* ---------- a unit's nomination ---------- */

function formContent(form: HTMLFormElement) {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? "";
  return {
    name: value("name"),
    position: value("position"),
    unit: value("unit"),
    group: value("group"),
    headline: value("headline"),
    story: value("story")
      .split(/\n+/)
      .map((p) => p.trim())
      .filter((p) => p !== ""),
  };
}

function setupUnitHome(): void {
  const button = $<HTMLButtonElement>("[data-new-nomination]");
  button?.addEventListener("click", async () => {
    button.disabled = true;
    const res = await send("POST", `${data.api}/nominations`, {});
    button.disabled = false;
    if (res.ok) location.assign(`${data.base}/${res.body.id}`);
    else say($("[data-error]"), explain(res));
  });
}

function setupUnitForm(): void {
  const form = $<HTMLFormElement>("[data-nomination-form]");
  const state = $("[data-save-state]");
  const error = $("[data-error]");
  if (!form || !data.editable || !data.api) return;
  const api = data.api;
  let timer: number | undefined;
  // Saves run one at a time, in order: on a slow network an older draft must never land after a
  // newer one. Each save sends the form as it is when its turn comes.
  let saves: Promise<boolean> = Promise.resolve(true);
  let dirty = false;

  const save = async (): Promise<boolean> => {
    dirty = false;
    say(state, data.s.saving);
    const res = await send("PATCH", api, formContent(form));
    if (res.ok) {
      const t = new Date().toTimeString().slice(0, 5);
      say(state, data.s.savedAt.replace("{t}", t));
      say(error, "");
      return true;
    }
    dirty = true;
    say(state, "");
    say(error, res.status === 0 ? data.s.saveFailed : explain(res));
    return false;
  };
  const saveNow = () => {
    window.clearTimeout(timer);
    saves = saves.then(save, save);
    return saves;
  };
  form.addEventListener("input", (e) => {
    (e.target as HTMLElement).removeAttribute("aria-invalid");
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(saveNow, 800);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void saveNow();
  });
  window.addEventListener("beforeunload", (e) => {
    if (dirty) e.preventDefault();
  });

  const submit = $<HTMLButtonElement>("[data-submit-nomination]");
  submit?.addEventListener("click", async () => {
    if (!confirm(data.s.submitConfirm)) return;
    submit.disabled = true;
    if (dirty && !(await saveNow())) {
      submit.disabled = false;
      return;
    }
    await saves;
    const res = await send("POST", `${api}/submit`);
    submit.disabled = false;
    if (res.ok) location.assign(data.base ?? "/");
    else {
      say(error, explain(res));
      markFields(form, res);
    }
  });

  $<HTMLButtonElement>("[data-delete-nomination]")?.addEventListener("click", async () => {
    const res = await send("DELETE", api);
    if (res.ok) location.assign(data.base ?? "/");
    else say(error, explain(res));
  });

  const photoForm = $<HTMLFormElement>("[data-photo-form]");
  photoForm?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = photoForm.elements.namedItem("file") as HTMLInputElement;
    const caption = (photoForm.elements.namedItem("caption") as HTMLInputElement).value;
    const file = input.files?.[0];
    if (!file) {
      input.focus();
      return;
    }
    if (dirty) await saveNow();
    const res = await send(
      "POST",
      `${api}/photos?caption=${encodeURIComponent(caption)}`,
      undefined,
      file,
    );
    if (res.ok) location.reload();
    else say(error, explain(res));
  });

  for (const remove of $$<HTMLButtonElement>("[data-remove-photo]")) {
    remove.addEventListener("click", async () => {
      const current = await send("GET", api);
      if (!current.ok) return say(error, explain(current));
      const index = Number(remove.dataset.removePhoto);
      const photos = (current.body.photos as { url: string; caption: string }[]).filter(
        (_, i) => i !== index,
      );
      const res = await send("PATCH", api, { photos });
      if (res.ok) location.reload();
      else say(error, explain(res));
    });
  }
}

/* ---------- a juror's score sheet ---------- */

function setupJury(): void {
  const forms = $$<HTMLFormElement>("form[data-score-form]");
  const dirty = new Set<HTMLFormElement>();
  for (const form of forms) {
    const status = $("[data-score-state]", form);
    const fieldError = $("[data-score-error]", form);
    const scoreInput = form.elements.namedItem("score") as HTMLInputElement;
    const noteInput = form.elements.namedItem("note") as HTMLTextAreaElement;
    const button = $<HTMLButtonElement>('button[type="submit"]', form);
    let timer: number | undefined;
    // Saves run one at a time, in order (as the unit's form does): an older note never lands last.
    let saves: Promise<unknown> = Promise.resolve();

    /** The score when it is a whole number 0–100; otherwise says so at the field. */
    const valid = (focus: boolean): number | null => {
      const raw = scoreInput.value.trim();
      const score = Number(raw);
      if (raw === "" || !Number.isInteger(score) || score < 0 || score > 100) {
        if (raw === "" && !focus) {
          // Nothing to save yet: a note alone waits for its score.
          say(status, noteInput.value.trim() ? data.s.scoreFirst : "");
          return null;
        }
        scoreInput.setAttribute("aria-invalid", "true");
        say(fieldError, data.s.scoreRange);
        say(status, "");
        if (focus) scoreInput.focus();
        return null;
      }
      scoreInput.removeAttribute("aria-invalid");
      say(fieldError, "");
      return score;
    };

    const save = async (focus: boolean): Promise<void> => {
      const score = valid(focus);
      if (score === null) return;
      dirty.delete(form);
      if (button) button.disabled = true;
      say(status, data.s.saving);
      const note = noteInput.value;
      const res = await send("PUT", `${data.api}/scores/${form.dataset.number}`, { score, note });
      if (button) button.disabled = false;
      if (!res.ok) {
        dirty.add(form);
        say(status, res.status === 0 ? data.s.saveFailed : explain(res));
        return;
      }
      say(status, data.s.scoreSaved);
      form.closest("[data-sheet-row]")?.setAttribute("data-scored", "true");
      say($("[data-progress-done]"), String($$("[data-sheet-row][data-scored]").length));
    };
    const saveNow = (focus: boolean) => {
      window.clearTimeout(timer);
      saves = saves.then(
        () => save(focus),
        () => save(focus),
      );
      return saves;
    };

    form.addEventListener("input", () => {
      dirty.add(form);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void saveNow(false), 800);
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void saveNow(true);
    });
  }
  // A note or score not saved yet (no valid score, offline, or typed a moment ago): ask first.
  window.addEventListener("beforeunload", (e) => {
    if (dirty.size > 0) e.preventDefault();
  });
}

if (data.page === "unit-home") setupUnitHome();
if (data.page === "unit-form") setupUnitForm();
if (data.page === "jury") setupJury();
