/**
 * Runs before `npm run dev` (npm's predev hook) and on `npm run db:seed`: creates .dev.vars from the
 * example on first run, applies the D1 migrations to the local database and loads the seed campaign
 * idempotently. Safe to run any number of times; it never removes likes.
 *
 * `--persist-to <dir>` sets up a separate local state directory instead of wrangler's default
 * (.wrangler/state), for a server started with `wrangler dev --persist-to <dir>` (the crash test).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { seedStatements } from "../src/db/queries/seed";
import { zuimeiXinfang } from "../src/db/seed/zuimei-xinfang";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_LOG_PATH: join(root, ".wrangler", "logs"),
};

function persistDir(): string | undefined {
  const i = process.argv.indexOf("--persist-to");
  if (i === -1) return undefined;
  const dir = process.argv[i + 1];
  if (!dir) throw new Error("--persist-to needs a directory");
  return resolve(dir);
}
const persistTo = persistDir();
const local = persistTo ? ["--local", `--persist-to=${persistTo}`] : ["--local"];

function run(args: string[]): void {
  execFileSync(wrangler, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}

const devVars = join(root, ".dev.vars");
if (!existsSync(devVars)) {
  copyFileSync(join(root, ".dev.vars.example"), devVars);
  console.log("setup: created .dev.vars from .dev.vars.example (local secrets; git-ignored)");
}

run(["d1", "migrations", "apply", "DB", ...local]);
console.log(`setup: local D1 migrated${persistTo ? ` (in ${persistTo})` : ""}`);

const seedFile = join(persistTo ?? join(root, ".wrangler"), "seed.sql");
mkdirSync(dirname(seedFile), { recursive: true });
writeFileSync(seedFile, seedStatements(zuimeiXinfang, Date.now()).join("\n"));
run(["d1", "execute", "DB", ...local, `--file=${seedFile}`]);
console.log(`setup: seed campaign "${zuimeiXinfang.slug}" loaded (existing rows and likes kept)`);
