/*
 * The drizzle tables, one file per area under schema/ (drizzle.config.ts reads this file, and
 * every query imports from it). A new table goes into the file of its area and is re-exported
 * here; migrations stay hand-written (docs/architecture.md).
 */
export * from "./schema/campaigns";
export * from "./schema/ceremony";
export type { StoredPhoto } from "./schema/columns";
export * from "./schema/ledger";
export * from "./schema/organizers";
export * from "./schema/oversight";
export * from "./schema/selection";
