/**
 * How the console's forms and action buttons talk to the API, in one place: the form's own
 * checks (a refusal marks and focuses the field), an optional confirmation, the request with the
 * button busy, then the next page — or the API's error in the console's words, next to the form,
 * with the fields it names marked (client/admin/shared.ts).
 */
import { $, $$, type api, busy, explain, field, markInvalid, say, submitButton } from "./shared";

export type Answer = Awaited<ReturnType<typeof api>>;
export type ApiError = NonNullable<Answer["error"]>;

export const failure = (res: Answer): ApiError => res.error ?? { code: "unknown", message: "" };

/** What the form's own check says instead of a request body. */
export interface Refusal {
  refused: string;
}

const isRefusal = (x: unknown): x is Refusal =>
  typeof x === "object" && x !== null && "refused" in x;

/** Refuses the form at field `name`: marked invalid and focused; `message` is shown. */
export function refuse(form: HTMLFormElement, name: string, message: string): Refusal {
  const el = field(form, name);
  el.setAttribute("aria-invalid", "true");
  el.focus();
  return { refused: message };
}

/** The trimmed value of a field that must not be empty. */
export function filled(form: HTMLFormElement, name: string, message: string): string | Refusal {
  const value = field(form, name).value.trim();
  return value === "" ? refuse(form, name, message) : value;
}

/** The chosen file of a file field, at most `maxBytes`. */
export function chosenFile(
  form: HTMLFormElement,
  name: string,
  maxBytes: number,
  text: { missing: string; tooBig: string },
): File | Refusal {
  const file = (field(form, name) as HTMLInputElement).files?.[0];
  if (!file) return refuse(form, name, text.missing);
  if (file.size > maxBytes) return refuse(form, name, text.tooBig);
  return file;
}

/** The raw body of an upload: the file, typed as the browser knows it. */
export const upload = (file: File) => ({
  bytes: file,
  type: file.type || "application/octet-stream",
});

/** An upload's refusal in words: too large, or not an image the API takes. */
export const uploadWords =
  (noun: string) =>
  (e: ApiError): string =>
    e.code === "payload_too_large"
      ? `${noun}太大：不能超过 5 MB。`
      : e.code === "unsupported_media_type"
        ? `只接受 JPEG、PNG 或 WebP 格式的${noun}。`
        : explain(e);

export interface FormSpec<B> {
  /** The request body, or a refusal from the form's own checks. */
  body: (submitter: HTMLButtonElement | null) => B | Refusal | Promise<B | Refusal>;
  /** A question to confirm before sending; nothing to send straight away. */
  confirm?: (body: B, submitter: HTMLButtonElement | null) => string | null | undefined;
  send: (body: B, submitter: HTMLButtonElement | null) => Promise<Answer>;
  ok: (res: Answer, body: B, submitter: HTMLButtonElement | null) => void | Promise<void>;
  /** The API's error in words (default: explain). */
  words?: (error: ApiError) => string;
  /** Marks the fields the error names (default: markInvalid). */
  mark?: (form: HTMLFormElement, error: ApiError) => void;
  /** Takes over an error that needs no words (true: handled, e.g. by going elsewhere). */
  handled?: (error: ApiError) => boolean;
  /** Where the error goes (default: the form's `[data-form-error]`). */
  error?: Element | null;
}

/** Wires one form: submit → checks → confirm → request → `ok`, or the error shown and marked. */
export function onSubmit<B>(form: HTMLFormElement, spec: FormSpec<B>): void {
  const error = spec.error !== undefined ? spec.error : $("[data-form-error]", form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(error, "");
    for (const el of $$("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
    const submitter =
      ((event as SubmitEvent).submitter as HTMLButtonElement | null) ?? submitButton(form);
    const body = await spec.body(submitter);
    if (isRefusal(body)) {
      say(error, body.refused);
      return;
    }
    const question = spec.confirm?.(body, submitter);
    if (question && !confirm(question)) return;
    const res = await busy(submitter, () => spec.send(body, submitter));
    if (res.ok) {
      await spec.ok(res, body, submitter);
      return;
    }
    const e = failure(res);
    if (spec.handled?.(e)) return;
    say(error, (spec.words ?? explain)(e));
    (spec.mark ?? markInvalid)(form, e);
  });
}

/** Wires every form matching `selector` the same way. */
export function onEachSubmit<B>(
  selector: string,
  spec: (form: HTMLFormElement) => FormSpec<B>,
): void {
  for (const form of $$<HTMLFormElement>(selector)) onSubmit(form, spec(form));
}

/**
 * Wires an action button: confirm, request with the button busy, then `ok`; a failure is said in
 * `error` (an element, or an alert where the page has no place for it).
 */
export function onClick(
  button: HTMLButtonElement,
  spec: {
    confirm?: string | (() => string | null);
    send: () => Promise<Answer>;
    ok: (res: Answer) => void;
    error: Element | null | "alert";
    words?: (error: ApiError) => string;
  },
): void {
  button.addEventListener("click", async () => {
    const question = typeof spec.confirm === "function" ? spec.confirm() : spec.confirm;
    if (question && !confirm(question)) return;
    const res = await busy(button, spec.send);
    if (res.ok) return spec.ok(res);
    const text = (spec.words ?? explain)(failure(res));
    if (spec.error === "alert") alert(text);
    else say(spec.error, text);
  });
}

/** For scripts that add buttons later (a refreshed list): wires each button only once. */
export function onEachClick(
  selector: string,
  spec: (button: HTMLButtonElement) => Parameters<typeof onClick>[1],
): void {
  for (const b of $$<HTMLButtonElement>(selector)) {
    if (b.dataset.wired) continue;
    b.dataset.wired = "1";
    onClick(b, spec(b));
  }
}
