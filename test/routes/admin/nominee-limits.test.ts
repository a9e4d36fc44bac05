import { describe, expect, it } from "vitest";
import { NOMINEE_LIMITS as L } from "../../../src/validators/nominee";
import { makeCampaign } from "../../helpers";
import { asCall, json } from "./admin-helpers";

/**
 * One table of values at each limit, sent through both doors a nominee comes in by: the API
 * (POST …/nominees) and the import (a JSON upload, dry run). Both must accept and refuse the same.
 */

type Preview = { rows: { row: number; errors: string[] }[] };

const x = (n: number, ch = "字") => ch.repeat(n);
const url = (n: number) =>
  `https://img.example.cn/${"a".repeat(n - "https://img.example.cn/".length)}`;

/** field, value, accepted?; photo cases set the URL (and caption) of the one photo. */
const CASES: [string, string | number | string[], boolean][] = [
  ["name", x(L.name), true],
  ["name", x(L.name + 1), false],
  ["name", x(L.name, "𠮷"), true],
  ["name", x(L.name + 1, "𠮷"), false],
  ["name", "  ", false],
  ["position", x(L.position), true],
  ["position", x(L.position + 1), false],
  ["unit", x(L.unit), true],
  ["unit", x(L.unit + 1), false],
  ["group", x(L.group), true],
  ["group", x(L.group + 1), false],
  ["headline", x(L.headline), true],
  ["headline", x(L.headline + 1), false],
  ["nominatingUnit", x(L.nominatingUnit), true],
  ["nominatingUnit", x(L.nominatingUnit + 1), false],
  ["story", [x(L.story)], true],
  ["story", [x(L.story + 1)], false],
  ["story", [x(L.story / 2), x(L.story / 2 + 1)], false],
  ["story", Array.from({ length: L.storyParagraphs }, () => "段"), true],
  ["story", Array.from({ length: L.storyParagraphs + 1 }, () => "段"), false],
  ["photoUrl", url(L.photoUrl), true],
  ["photoUrl", url(L.photoUrl + 1), false],
  ["photoUrl", "/media/photos/a.jpg", true],
  ["photoUrl", "http://img.example.cn/a.jpg", false],
  ["photoUrl", "//evil.example/a.jpg", false],
  ["photoUrl", "/\\evil.example/a.jpg", false],
  ["photoUrl", "javascript:alert(1)", false],
  ["photoUrl", "https://img.example.cn/a b.jpg", false],
  ["photoCaption", x(L.caption), true],
  ["photoCaption", x(L.caption + 1), false],
  ["number", 1, true],
  ["number", 0, false],
  ["number", 1.5, false],
  ["number", L.number + 1, false],
  ["number", L.number, true],
];

/** The same case as the API's body and as an import entry. */
function asApi(field: string, value: unknown): Record<string, unknown> {
  if (field === "photoUrl") return { name: "甲", photos: [{ url: value }] };
  if (field === "photoCaption")
    return { name: "甲", photos: [{ url: "/media/a.jpg", caption: value }] };
  return { name: "甲", [field]: value };
}
/** Numbered (100 + the case's index) unless numbers are the case: none is left to assign. */
function asImport(field: string, value: unknown, i: number): Record<string, unknown> {
  if (field !== "number") return { number: 100 + i, ...asImportFields(field, value) };
  return asImportFields(field, value);
}
function asImportFields(field: string, value: unknown): Record<string, unknown> {
  if (field === "photoCaption")
    return { name: "甲", photoUrl: "/media/a.jpg", photoCaption: value };
  return { name: "甲", [field]: value };
}

describe("one nominee shape for the API and the import", () => {
  it("accepts and refuses the same values at every limit", async () => {
    const api = await makeCampaign({ count: 0 });
    // Numbers in a campaign of their own: the other cases take numbers as they are created.
    const numbers = await makeCampaign({ count: 0 });
    const imp = await makeCampaign({ count: 0 });
    const upload = await asCall(
      "admin",
      `/api/admin/campaigns/${imp.slug}/nominees/import?dryRun=1`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(CASES.map(([field, value], i) => asImport(field, value, i))),
      },
    );
    expect(upload.status).toBe(200);
    const preview = await upload.json<Preview>();
    const outcomes = [];
    for (const [i, [field, value, ok]] of CASES.entries()) {
      const res = await asCall(
        "admin",
        `/api/admin/campaigns/${(field === "number" ? numbers : api).slug}/nominees`,
        json(asApi(field, value)),
      );
      const errors = preview.rows.find((r) => r.row === i + 1)?.errors;
      const shown = Array.isArray(value)
        ? `${value.length} paragraphs`
        : String(value).slice(0, 30);
      outcomes.push({
        field,
        shown,
        expected: ok,
        api: res.status === 201,
        import: errors?.length === 0,
      });
      if (!ok) expect(res.status, `${field} ${shown}`).toBe(400);
    }
    expect(outcomes.filter((o) => o.api !== o.expected || o.import !== o.expected)).toEqual([]);
  });

  it("names the field and the row in the import's messages", async () => {
    const c = await makeCampaign({ count: 0 });
    const csv = `姓名,照片,照片说明\r\n${x(L.name + 1)},${url(L.photoUrl + 1)},\r\n乙,/media/a.jpg,${x(L.caption + 1)}\r\n`;
    const res = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/import?dryRun=1`, {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
    });
    const rows = (await res.json<Preview>()).rows;
    expect(rows.find((r) => r.row === 2)?.errors).toEqual([
      `第2行：姓名过长：${L.name + 1} 字，最多 ${L.name} 字 (name is too long: ${L.name + 1} characters, at most ${L.name})`,
      `第2行：照片过长：${L.photoUrl + 1} 字，最多 ${L.photoUrl} 字 (photoUrl is too long: ${L.photoUrl + 1} characters, at most ${L.photoUrl})`,
    ]);
    expect(rows.find((r) => r.row === 3)?.errors).toEqual([
      `第3行：照片说明过长：${L.caption + 1} 字，最多 ${L.caption} 字 (photoCaption is too long: ${L.caption + 1} characters, at most ${L.caption})`,
    ]);
  });
});

describe("a nominee imported with a long photo URL", () => {
  it("can be edited by a PATCH that resends its photos (the console resends the whole form)", async () => {
    const c = await makeCampaign({ count: 0 });
    const long = url(600);
    const imported = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify([{ number: 1, name: "陈顺", photoUrl: long, photoCaption: "走访群众" }]),
    });
    expect(imported.status).toBe(201);
    const list = await (await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees`)).json<{
      items: { number: number; photos: { url: string; caption: string }[] }[];
    }>();
    const photos = list.items[0]?.photos;
    expect(photos).toEqual([{ url: long, caption: "走访群众" }]);
    const patched = await asCall("admin", `/api/admin/campaigns/${c.slug}/nominees/1`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ headline: "把群众的事当自己的事", photos }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ headline: "把群众的事当自己的事", photos });
  });
});
