import type { Child } from "hono/jsx";

/**
 * The Chinese-only frames' top (the console, the API reference): the skip link, then the bar with
 * the brand; `children` follow the brand inside the bar.
 */
export function BrandBar(props: { class: string; home: string; brand: string; children?: Child }) {
  return (
    <>
      <a class="skip" href="#main">
        跳到正文
      </a>
      <header class={props.class}>
        <a class="brand" href={props.home}>
          {props.brand}
        </a>
        {props.children}
      </header>
    </>
  );
}
