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

/** A frame with the caller's own `aria-describedby`, named before the hint and the error slot. */
type Wired = Frame & { describedBy?: string };

type Attrs<T> = Omit<T, "id" | "name" | "required" | "children">;
export type InputProps = Frame & Attrs<JSX.IntrinsicElements["input"]> & { limit?: number };
export type TextAreaProps = Frame &
  Attrs<JSX.IntrinsicElements["textarea"]> & { limit?: number; value?: string };
export type SelectProps = Frame & Attrs<JSX.IntrinsicElements["select"]> & { children: Child };

const issuePath = (f: Wired) => (f.path === false ? undefined : (f.path ?? f.name));

/** The control's own attributes: id, name, required, issue path, and what describes it. */
function wiring(f: Wired) {
  const ids = [
    f.describedBy,
    f.hint === undefined ? undefined : `${f.id}-hint`,
    f.path === false ? undefined : `${f.id}-error`,
  ].filter((x) => x !== undefined);
  return {
    id: f.id,
    name: f.name,
    required: f.required === true,
    "aria-required": f.required === "aria" ? "true" : undefined,
    "data-path": issuePath(f),
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

/**
 * The label; a required field's gets a red asterisk from CSS (`label[data-required]::after`,
 * with empty alternative text: the control's `required` is what assistive technology says).
 */
function Label(props: { f: Wired }) {
  return (
    <label for={props.f.id} data-required={props.f.required ? true : undefined}>
      {props.f.label}
    </label>
  );
}

/** The hint and the (hidden) error slot under a control. */
function Below(props: { f: Wired }) {
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

/** A `.field`: label, control, hint, error slot. */
function FieldFrame(props: { f: Wired; children: Child }) {
  return (
    <div class={props.f.wrap ? `field ${props.f.wrap}` : "field"}>
      <Label f={props.f} />
      {props.children}
      <Below f={props.f} />
    </div>
  );
}

function split<T extends Frame>(props: T) {
  const { id, name, label, hint, hintData, path, required, wrap, ...all } = props;
  const { "aria-describedby": describedBy, ...rest } = all as typeof all & {
    "aria-describedby"?: string;
  };
  const f: Wired = { id, name, label, hint, hintData, path, required, wrap, describedBy };
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

export function Input(props: InputProps) {
  const { f, rest } = split(props);
  const { limit, ...attrs } = rest;
  return (
    <FieldFrame f={f}>
      <input {...wiring(f)} type="text" {...attrs} maxlength={limit ?? attrs.maxlength} />
    </FieldFrame>
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
    <FieldFrame f={f}>
      <textarea {...wiring(f)} {...attrs} maxlength={limit ?? attrs.maxlength}>
        {value}
      </textarea>
    </FieldFrame>
  );
}

export function Select(props: SelectProps) {
  const { f, rest } = split(props);
  const { children, ...attrs } = rest;
  return (
    <FieldFrame f={f}>
      <select {...wiring(f)} {...attrs}>
        {children}
      </select>
    </FieldFrame>
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
    <div class={f.wrap ? `check ${f.wrap}` : "check"}>
      <input {...wiring(f)} type="checkbox" {...rest} />
      <Label f={f} />
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
