/**
 * The committee opens export.csv in a spreadsheet: LibreOffice (headless) reads the exported CSV
 * into cells and writes them back out, and every Chinese cell comes through intact (issue 4).
 * LibreOffice ignores the UTF-8 BOM unless told the encoding, so it is told (filter option 76 =
 * UTF-8); Excel relies on the BOM, which the export always starts with.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../src/domain/csv";

const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "dev-admin-token-change-me";
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

test("LibreOffice opens the exported CSV with the Chinese cells intact", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "Pixel 7", "no browser involved: once is enough");
  test.skip(!SOFFICE && !process.env.CI, "LibreOffice is not installed (CI installs it)");
  test.setTimeout(120_000);
  const res = await request.get("/api/admin/campaigns/zuimei-xinfang/export.csv", {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status()).toBe(200);
  const exported = await res.body();
  expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const dir = mkdtempSync(join(tmpdir(), "bangyang-lo-"));
  writeFileSync(join(dir, "results.csv"), exported);
  const run = (args: string[]) =>
    execFileSync(
      SOFFICE ?? "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, ...args],
      {
        cwd: dir,
        timeout: 90_000,
        stdio: "pipe",
      },
    );
  // CSV → a real spreadsheet → CSV again: what comes back is what the spreadsheet's cells held.
  run([
    "--infilter=CSV:44,34,76,1",
    "--convert-to",
    "ods",
    "--outdir",
    join(dir, "ods"),
    join(dir, "results.csv"),
  ]);
  run([
    "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1",
    "--outdir",
    join(dir, "back"),
    join(dir, "ods", "results.ods"),
  ]);
  const back = parseCsv(readFileSync(join(dir, "back", "results.csv"), "utf8"));
  const original = parseCsv(exported.toString("utf8"));

  expect(back[0]).toEqual(["名次", "编号", "姓名", "职务", "单位", "分组", "票数"]);
  expect(back).toHaveLength(original.length);
  expect(back.map((r) => r.slice(2, 6))).toEqual(original.map((r) => r.slice(2, 6)));
  expect(back.map((r) => r[2])).toContain("王瀚东");
  expect(back.flat().join("")).not.toContain("\uFFFD");
});
