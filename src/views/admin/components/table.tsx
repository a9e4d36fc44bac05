import type { Child } from "hono/jsx";

/** One column: its header, how a row fills its cell, and how the cell aligns. */
export interface Column<T> {
  head: Child;
  cell: (row: T, index: number) => Child;
  /** Right-aligned figures (`class="num"`). */
  num?: boolean;
  /** The row's header cell (`<th scope="row">`), e.g. the name. */
  rowHeader?: boolean;
  /** More classes on the header and the cells: `wide-only`, `strong`… */
  class?: string;
  /** Classes on the cells only. */
  cellClass?: string;
  /** Attributes of a row's cell, e.g. `data-tie` or a `title`. */
  cellAttrs?: (row: T) => Record<string, string | boolean | undefined>;
}

const classes = (...parts: (string | false | undefined)[]) =>
  parts.filter((p) => p).join(" ") || undefined;

/**
 * The console's data table: a caption (hidden unless `captionShown`), column headers, one row a
 * record, numbers right-aligned; `empty` is said instead of an empty table. `wrap` puts it in a
 * horizontally scrolling `.table-wrap`.
 */
export function DataTable<T>(props: {
  rows: T[];
  columns: (Column<T> | false)[];
  empty: Child;
  caption?: Child;
  /** The caption printed above the table (the 公示), not only read out. */
  captionShown?: boolean;
  class?: string;
  /** Scroll sideways in a `.table-wrap`; a string also makes it a named, focusable region. */
  wrap?: boolean | string;
  /** A `<tfoot>` row's cells (totals). */
  foot?: Child;
  /** Attributes of a row's `<tr>`: `data-…`, an `id`, a `class`. */
  rowData?: (row: T) => Record<string, string | undefined>;
  /** Attributes of the `<table>`, e.g. `data-invites`. */
  data?: Record<string, string | boolean>;
}) {
  if (props.rows.length === 0) return <p class="empty">{props.empty}</p>;
  const columns = props.columns.filter((c): c is Column<T> => c !== false);
  const table = (
    <table class={classes("data", props.class)} {...props.data}>
      {props.caption !== undefined && (
        <caption class={props.captionShown ? undefined : "visually-hidden"}>
          {props.caption}
        </caption>
      )}
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" class={classes(c.num && "num", c.class)}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr {...props.rowData?.(row)}>
            {columns.map((c) => {
              const cls = classes(c.num && "num", c.class, c.cellClass);
              return c.rowHeader ? (
                <th scope="row" class={cls} {...c.cellAttrs?.(row)}>
                  {c.cell(row, i)}
                </th>
              ) : (
                <td class={cls} {...c.cellAttrs?.(row)}>
                  {c.cell(row, i)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {props.foot !== undefined && (
        <tfoot>
          <tr>{props.foot}</tr>
        </tfoot>
      )}
    </table>
  );
  if (typeof props.wrap === "string")
    return (
      <section class="table-wrap" aria-label={props.wrap} tabindex={0}>
        {table}
      </section>
    );
  return props.wrap ? <div class="table-wrap">{table}</div> : table;
}
