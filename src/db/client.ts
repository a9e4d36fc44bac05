import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/**
 * The drizzle handle over a D1 binding. Building one walks the whole schema (relational config),
 * which cost more than routing the request, so it is built once per binding and isolate: the handle
 * holds no per-request state.
 */
const handles = new WeakMap<D1Database, ReturnType<typeof build>>();

function build(d1: D1Database) {
  return drizzle(d1, { schema });
}

export function createDb(d1: D1Database) {
  let db = handles.get(d1);
  if (!db) {
    db = build(d1);
    handles.set(d1, db);
  }
  return db;
}

export type Database = ReturnType<typeof createDb>;
