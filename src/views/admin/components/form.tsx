import type { Child } from "hono/jsx";
import { TextArea } from "./field";

/**
 * What the console's forms end with: the form's error line (`data-form-error`, filled by the
 * script) and the submit button; `extra` goes in the same row after it (cancel, a second action).
 */
export function FormEnd(props: {
  submit: Child;
  /** `button` classes after "button": "secondary", "danger"… */
  kind?: string;
  extra?: Child;
  /** The error line after the buttons instead of before them. */
  errorLast?: boolean;
  /** The row's class: `button-row`, `actions`; a plain `<p>` by default. */
  row?: string;
}) {
  const error = <p class="form-error" role="alert" data-form-error />;
  return (
    <>
      {!props.errorLast && error}
      <p class={props.row}>
        <button type="submit" class={props.kind ? `button ${props.kind}` : "button"}>
          {props.submit}
        </button>
        {props.extra}
      </p>
      {props.errorLast && error}
    </>
  );
}

/** A `.panel` section titled by its `<h2>`. */
export function Panel(props: {
  id: string;
  title: Child;
  class?: string;
  children: Child;
  [data: `data-${string}`]: string | boolean | undefined;
}) {
  const { id, title, children, class: cls, ...rest } = props;
  return (
    <section class={cls ? `panel ${cls}` : "panel"} aria-labelledby={id} {...rest}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A `<dl>` of term → value pairs, each pair in its own `<div>` (the console's fact grids). */
export function Facts(props: { class: string; facts: [Child, Child][] }) {
  return (
    <dl class={props.class}>
      {props.facts.map(([term, value]) => (
        <div>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * An action that needs a written reason (撤回公布, 重新初选): one required reason box and the
 * secondary submit button; `data` names the form for its script (`data-form`, `data-id`…).
 */
export function ReasonForm(props: {
  id: string;
  label: string;
  limit: number;
  submit: Child;
  data: Record<`data-${string}`, string>;
}) {
  return (
    <form class="stack" novalidate {...props.data}>
      <TextArea
        id={props.id}
        name="reason"
        label={props.label}
        rows={2}
        limit={props.limit}
        required
      />
      <FormEnd submit={props.submit} kind="secondary" />
    </form>
  );
}
