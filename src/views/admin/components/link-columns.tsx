import type { Child } from "hono/jsx";
import { type Column, DataTable } from "./table";

/** The columns the lists of units' and jurors' links share. */

interface LinkRow {
  state: string;
}

/** The link's state (链接); `revoked` says what revoking means on that page. */
export function linkStateColumn<T extends LinkRow>(revoked: string): Column<T> {
  const label: Record<string, string> = { ok: "有效", expired: "已过期", revoked };
  return { head: "链接", cell: (row) => label[row.state] ?? row.state };
}

/** An admin's actions (操作) on a link not revoked; no column for observers. */
export function linkActionsColumn<T extends LinkRow>(
  admin: boolean,
  actions: (row: T) => Child,
): Column<T> | false {
  return admin && { head: "操作", cell: (row) => row.state !== "revoked" && actions(row) };
}

/** A list of links, one row each: `data-<kind>s` on the table, `data-<kind>="<id>"` on a row. */
export function LinkTable<T extends LinkRow & { id: number }>(props: {
  kind: "juror" | "invite";
  rows: T[];
  empty: Child;
  columns: (Column<T> | false)[];
}) {
  return (
    <DataTable
      rows={props.rows}
      wrap
      data={{ [`data-${props.kind}s`]: true }}
      rowData={(row) => ({ [`data-${props.kind}`]: String(row.id) })}
      empty={props.empty}
      columns={props.columns}
    />
  );
}
