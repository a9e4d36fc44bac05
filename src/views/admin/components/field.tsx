import type { Child, JSX } from "hono/jsx";
import { ACCOUNT_LIMITS } from "../../../validators/accounts";

/**
 * The console's form fields: a label (with a required marker), the control, an optional hint and
 * the error slot the console script fills from `error.issues` (contract 3 of issue 15): the
 * control carries `data-path` (the dotted path as in `issues[].path`), an `id`, and
 * `aria-describedby` naming its hint and `<p class="field-error" id="<id>-error" hidden>`.
 *
 * `limit` is the schema's maximum length (a `*_LIMITS` entry), written as `maxlength`.
 */
interface Frame {
  id: string;
  name: string;
  label: Child;
  hint?: Child;
  /** Attributes of the hint's `<p>`, e.g. a `data-…` the tests find it by. */
  hintData?: Record<string, string | boolean>;
  /** The issue path this control answers to: `name` unless given; `false` for no error slot. */
  path?: string | false;
  /** `"aria"`: marked and announced as required, but left to the script to check. */
  required?: boolean | "aria";
  /** Extra classes on the wrapper. */
  wrap?: string;
}

type Attrs<T> = Omit<T, "id" | "name" | "required" | "children">;
export type InputProps = Frame & Attrs<JSX.IntrinsicElements["input"]> & { limit?: number };
export type TextAreaProps = Frame &
  Attrs<JSX.IntrinsicElements["textarea"]> & { limit?: number; value?: string };
export type SelectProps = Frame & Attrs<JSX.IntrinsicElements["select"]> & { children: Child };

const issuePath = (f: Frame) => (f.path === false ? undefined : (f.path ?? f.name));

/** The hint and the error slot, after any description the caller names. */
function describedBy(f: Frame, extra?: unknown): string | undefined {
  const ids = [
    typeof extra === "string" ? extra : undefined,
    f.hint === undefined ? undefined : `${f.id}-hint`,
    f.path === false ? undefined : `${f.id}-error`,
  ].filter((x) => x !== undefined);
  return ids.length ? ids.join(" ") : undefined;
}

function wiring(f: Frame, extra?: unknown) {
  const path = issuePath(f);
  return {
    id: f.id,
    name: f.name,
    required: f.required === true,
    "aria-required": f.required === "aria" ? "true" : undefined,
    "data-path": path,
    "aria-describedby": describedBy(f, extra),
  } as const;
}

/**
 * The label; a required field's gets a red asterisk from CSS (`label[data-required]::after`,
 * with empty alternative text: the control's `required` is what assistive technology says).
 */
function Label(props: { for: string; required: Frame["required"]; children: Child }) {
  return (
    <label for={props.for} data-required={props.required ? true : undefined}>
      {props.children}
    </label>
  );
}

/** The hint and the (hidden) error slot under a control. */
function Below(props: { f: Frame }) {
  const { f } = props;
  return (
    <>
      {f.hint !== undefined && (
        <p class="hint" id={`${f.id}-hint`} {...f.hintData}>
          {f.hint}
        </p>
      )}
      {f.path !== false && <p class="field-error" id={`${f.id}-error`} hidden />}
    </>
  );
}

function split<T extends Frame>(props: T) {
  const { id, name, label, hint, hintData, path, required, wrap, ...rest } = props;
  const f: Frame = { id, name, label, hint, hintData, path, required, wrap };
  return { f, rest };
}

/**
 * A form's fields named alike: `at("title")` is `{id: "<prefix>-title", name: "title"}`, and
 * `at("likesPerVoterPerDay", "rules.likesPerVoterPerDay")` adds the issue path where it differs.
 */
export const named = (prefix: string, name: string, path?: string) => ({
  id: `${prefix}-${name}`,
  name,
  ...(path === undefined ? {} : { path }),
});
export const fieldAt = (prefix: string) => (name: string, path?: string) =>
  named(prefix, name, path);

const frameClass = (base: string, wrap?: string) => (wrap ? `${base} ${wrap}` : base);

export function Input(props: InputProps) {
  const { f, rest } = split(props);
  const { limit, ...attrs } = rest;
  return (
    <div class={frameClass("field", f.wrap)}>
      <Label for={f.id} required={f.required}>
        {f.label}
      </Label>
      <input
        {...wiring(f, attrs["aria-describedby"])}
        type="text"
        {...attrs}
        maxlength={limit ?? attrs.maxlength}
        aria-describedby={describedBy(f, attrs["aria-describedby"])}
      />
      <Below f={f} />
    </div>
  );
}

/** A whole number: the numeric keyboard on phones, steps of one unless told. */
export function NumberInput(props: InputProps) {
  return <Input type="number" inputmode="numeric" step={1} {...props} />;
}

/** Text that does not want capitals or spell-checking: slugs, hashes, account names, e-mail. */
export function CodeInput(props: InputProps) {
  return <Input autocapitalize="none" spellcheck={false} {...props} />;
}

export function TextArea(props: TextAreaProps) {
  const { f, rest } = split(props);
  const { limit, value, ...attrs } = rest;
  return (
    <div class={frameClass("field", f.wrap)}>
      <Label for={f.id} required={f.required}>
        {f.label}
      </Label>
      <textarea
        {...wiring(f, attrs["aria-describedby"])}
        {...attrs}
        maxlength={limit ?? attrs.maxlength}
        aria-describedby={describedBy(f, attrs["aria-describedby"])}
      >
        {value}
      </textarea>
      <Below f={f} />
    </div>
  );
}

export function Select(props: SelectProps) {
  const { f, rest } = split(props);
  const { children, ...attrs } = rest;
  return (
    <div class={frameClass("field", f.wrap)}>
      <Label for={f.id} required={f.required}>
        {f.label}
      </Label>
      <select
        {...wiring(f, attrs["aria-describedby"])}
        {...attrs}
        aria-describedby={describedBy(f, attrs["aria-describedby"])}
      >
        {children}
      </select>
      <Below f={f} />
    </div>
  );
}

/** `<option>`s from a value → label table, the current value selected. */
export function Options(props: { labels: Record<string, string>; value: string | undefined }) {
  return (
    <>
      {Object.entries(props.labels).map(([value, label]) => (
        <option value={value} selected={props.value === value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** A checkbox (or radio) with its label after it; `wrap` adds classes to the `.check` row. */
export function Check(props: InputProps) {
  const { f, rest: all } = split(props);
  const { limit: _, ...rest } = all;
  return (
    <div class={frameClass("check", f.wrap)}>
      <input
        {...wiring(f, rest["aria-describedby"])}
        type="checkbox"
        {...rest}
        aria-describedby={describedBy(f, rest["aria-describedby"])}
      />
      <Label for={f.id} required={f.required}>
        {f.label}
      </Label>
      <Below f={f} />
    </div>
  );
}

/** A password: the schema's maximum, and the browser's current-password fill unless told. */
export function Password(props: InputProps) {
  return (
    <Input
      type="password"
      autocomplete="current-password"
      limit={ACCOUNT_LIMITS.password}
      {...props}
    />
  );
}
