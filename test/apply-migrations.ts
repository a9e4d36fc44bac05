import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    }
  }
}

// Storage is isolated per test file; applying is idempotent within one.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
