import { env } from "cloudflare:workers";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/db/schema";

/**
 * The drizzle schema (src/db/schema.ts, what every query is typed against) and the migrations
 * (what D1 really has) are written by hand, side by side. This holds them together: every table,
 * column and declared index of the schema exists in the migrated database, and the database has
 * no table or column the schema does not know. (`npm run db:generate` diffs against
 * migrations/meta's latest snapshot; this test is what tells a drift.)
 */

const tables = Object.values(schema).filter((t) => is(t, SQLiteTable));

async function all<T>(sql: string): Promise<T[]> {
  return (await env.DB.prepare(sql).all<T>()).results;
}

describe("schema.ts and the migrations", () => {
  it("declare the same tables", async () => {
    const inDb = (
      await all<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'`,
      )
    )
      .map((r) => r.name)
      .sort();
    const declared = tables.map((t) => getTableConfig(t).name).sort();
    expect(declared).toEqual(inDb);
  });

  it("declare the same columns, nullability and primary keys, table by table", async () => {
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = await all<{ name: string; notnull: number; pk: number }>(
        `PRAGMA table_info(\`${config.name}\`)`,
      );
      const inDb = columns.map((c) => `${c.name}${c.notnull || c.pk ? " not null" : ""}`).sort();
      const declared = config.columns
        .map((c) => `${c.name}${c.notNull || c.primary ? " not null" : ""}`)
        .sort();
      expect(declared, config.name).toEqual(inDb);
      const pkInDb = columns
        .filter((c) => c.pk > 0)
        .map((c) => c.name)
        .sort();
      const pkDeclared = [
        ...config.columns.filter((c) => c.primary).map((c) => c.name),
        ...config.primaryKeys.flatMap((k) => k.columns.map((c) => c.name)),
      ].sort();
      expect(pkDeclared, `${config.name} primary key`).toEqual(pkInDb);
    }
  });

  it("has every index the schema declares, with the same uniqueness and columns", async () => {
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const index of config.indexes) {
        const name = index.config.name;
        const list = await all<{ name: string; unique: number }>(
          `PRAGMA index_list(\`${config.name}\`)`,
        );
        const found = list.find((i) => i.name === name);
        expect(found, `${config.name}.${name}`).toBeDefined();
        expect(found?.unique === 1, `${name} unique`).toBe(index.config.unique);
        const cols = (await all<{ name: string }>(`PRAGMA index_info(\`${name}\`)`)).map(
          (c) => c.name,
        );
        const declared = index.config.columns.map((c) => ("name" in c ? c.name : String(c)));
        expect(declared, `${name} columns`).toEqual(cols);
      }
    }
  });
});
