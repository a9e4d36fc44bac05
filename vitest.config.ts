import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // Tests get the example secrets, never a developer's .dev.vars.
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: "test-admin-token",
            ADMIN_PASSWORD: "test-admin-password",
            OBSERVER_PASSWORD: "test-observer-password",
            SESSION_SECRET: "test-session-secret-0123456789abcdef",
            IP_HASH_SALT: "test-ip-hash-salt-0123456789abcdef",
            // Public reads are fresh in tests; results.test.ts and pages tests turn the cache on to test it.
            PUBLIC_CACHE_MS: "0",
            // Like shards flush before they answer and every like reads fresh state, so tests that
            // read D1 right after a like see it; test/shards/*.test.ts turn the delay on per shard.
            LIKE_FLUSH_MS: "0",
            LIKE_STATE_CACHE_MS: "0",
          },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/apply-migrations.ts"],
      // Two cores in CI and D1 work in every test: generous limits, no timing assertions.
      testTimeout: 30_000,
    },
  };
});
