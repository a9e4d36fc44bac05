import * as v from "valibot";
import { describe, expect, it } from "vitest";
import * as accounts from "../../src/validators/accounts";
import * as campaign from "../../src/validators/campaign";
import * as candidates from "../../src/validators/candidates";
import * as certificate from "../../src/validators/certificate";
import * as ledger from "../../src/validators/ledger";
import * as ledgerStatus from "../../src/validators/ledger-status";
import { issueEntries, summary, zhMessage } from "../../src/validators/messages";
import * as nominee from "../../src/validators/nominee";
import * as review from "../../src/validators/review";
import * as selection from "../../src/validators/selection";

const modules = {
  accounts,
  campaign,
  candidates,
  certificate,
  ledgerStatus,
  ledger,
  nominee,
  review,
  selection,
};

/** Every request schema the validators export (objects, possibly piped). */
function schemas(): [string, v.GenericSchema][] {
  const out: [string, v.GenericSchema][] = [];
  for (const [mod, exports] of Object.entries(modules))
    for (const [name, value] of Object.entries(exports))
      if (value && typeof value === "object" && "kind" in value && value.kind === "schema")
        out.push([`${mod}.${name}`, value as v.GenericSchema]);
  return out;
}

function entriesOf(schema: v.GenericSchema): Record<string, v.GenericSchema> {
  const s = schema as { entries?: Record<string, v.GenericSchema>; pipe?: v.GenericSchema[] };
  return s.entries ?? (s.pipe?.[0] ? entriesOf(s.pipe[0]) : {});
}

/** Wrong values for every field: missing, wrong type, far too long, out of range. */
function badInputs(schema: v.GenericSchema): unknown[] {
  const keys = Object.keys(entriesOf(schema));
  const each = (value: unknown) => Object.fromEntries(keys.map((k) => [k, value]));
  return [
    undefined,
    {},
    each(12.5),
    each("x".repeat(30_000)),
    each([{ url: 1 }]),
    each(-1),
    each(""),
  ];
}

/** Latin words a zh message may hold: examples and protocol names a reader types as they are. */
const allowed = (m: string) =>
  m.replace(/https:\/\/|JSON|IANA|Asia\/Shanghai|\d{4}-\d\d-\d\dT[\d:+]+|XXXX-XXXX-XXXX/g, "");

describe("issue messages", () => {
  it("writes zh-CN for every issue of every request schema, with no English and a label", () => {
    let count = 0;
    for (const [name, schema] of schemas()) {
      for (const input of badInputs(schema)) {
        const result = v.safeParse(schema, input, { lang: "zh-CN" });
        if (result.success) continue;
        for (const entry of issueEntries(result.issues, "zh-CN")) {
          count++;
          expect(allowed(entry.message), `${name} ${entry.path}`).not.toMatch(/[A-Za-z]{3,}/);
          expect(entry.message, `${name} ${entry.path}`).toMatch(/[\u3400-\u9fff]/);
          expect(entry.message, `${name} ${entry.path}: a field without a label`).not.toContain(
            "该项",
          );
        }
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  it("keeps the schema's English for API callers, with dotted paths", () => {
    const result = v.safeParse(nominee.NomineeInput, {
      name: "王芳",
      photos: [{ url: "/ok.jpg" }, { url: "javascript:x" }],
    });
    expect(result.success).toBe(false);
    const entries = issueEntries(result.issues ?? [], "en");
    expect(entries).toEqual([
      {
        path: "photos.1.url",
        message: "photo url must be a path on this site or an https:// address",
      },
    ]);
    expect(summary(entries, "en")).toBe(
      "photos.1.url: photo url must be a path on this site or an https:// address",
    );
  });

  it("says what each kind of issue means in Chinese", () => {
    const zh = (schema: v.GenericSchema, input: unknown) => {
      const result = v.safeParse(schema, input, { lang: "zh-CN" });
      return result.success ? "" : zhMessage(result.issues[0]);
    };
    const Body = v.object({
      name: v.pipe(v.string(), v.minLength(1)),
      story: v.pipe(v.array(v.string()), v.maxLength(2)),
      quota: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
      showCounts: v.picklist(["always", "never"]),
    });
    const ok = { name: "王", story: [], quota: 3, showCounts: "always" };
    expect(zh(Body, { ...ok, name: undefined })).toBe("请填写姓名。");
    expect(zh(Body, { ...ok, name: "" })).toBe("请填写姓名。");
    expect(zh(Body, { ...ok, story: ["a", "b", "c"] })).toBe("事迹最多 2 项。");
    expect(zh(Body, { ...ok, quota: 1.5 })).toBe("名额应为整数。");
    expect(zh(Body, { ...ok, quota: 0 })).toBe("名额不能小于 1。");
    expect(zh(Body, { ...ok, quota: 51 })).toBe("名额不能大于 50。");
    expect(zh(Body, { ...ok, quota: "3" })).toBe("名额应为数字。");
    expect(zh(Body, { ...ok, showCounts: "sometimes" })).toBe(
      "票数公开方式的取值无效，请从给定选项中选择。",
    );
    // A rule across fields reports at the field to fix, in the schema's own Chinese.
    const closed = v.safeParse(
      campaign.CampaignPatch,
      { opensAt: "2026-12-02T00:00:00+08:00", closesAt: "2026-12-01T00:00:00+08:00" },
      { lang: "zh-CN" },
    );
    expect(issueEntries(closed.issues ?? [], "zh-CN")).toEqual([
      { path: "closesAt", message: "结束时间须晚于开始时间。" },
    ]);
  });
});
