import { Hono } from "hono";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ApiError, errorBody } from "../../src/errors";
import { VALIDATES, validate } from "../../src/validators/hook";
import { NomineeInput } from "../../src/validators/nominee";

interface Envelope {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

const Query = v.object({ page: v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number)) });
const Param = v.object({ number: v.pipe(v.string(), v.regex(/^[1-9]\d*$/), v.transform(Number)) });

const app = new Hono()
  .post("/api/nominees", validate("json", NomineeInput, "invalid_body"), (c) =>
    c.json({ got: c.req.valid("json").name }),
  )
  .get("/api/list", validate("query", Query, "invalid_query"), (c) =>
    c.json({ page: c.req.valid("query").page }),
  )
  .get(
    "/api/n/:number",
    validate("param", Param, "candidate_not_found", { status: 404, message: "No such nominee." }),
    (c) => c.json({ number: c.req.valid("param").number }),
  );
app.onError((err, c) => {
  if (err instanceof ApiError)
    return c.json(errorBody(err.code, err.message, err.extra), err.status);
  return c.json(errorBody("internal_error", String(err)), 500);
});

const post = (body: string, lang?: string) =>
  app.request("/api/nominees", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(lang ? { "Accept-Language": lang } : {}) },
    body,
  });

/** A nominee with four bad fields: empty, wrong type, too long, and a bad nested URL. */
const BAD_NOMINEE = JSON.stringify({
  name: "",
  position: 5,
  unit: "x".repeat(500),
  photos: [{ url: "ftp://nope" }],
});

describe("validate()", () => {
  it("hands the handler the parsed output", async () => {
    const res = await post(
      JSON.stringify({ name: "  王芳 ", position: "科长", unit: "临县信访局" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: "王芳" });
    const list = await app.request("/api/list?page=3");
    expect(await list.json()).toEqual({ page: 3 });
  });

  it("lists every issue with its dotted path, in English for an API caller", async () => {
    const res = await post(BAD_NOMINEE);
    expect(res.status).toBe(400);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe("invalid_body");
    const paths = error.issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "position", "unit", "photos.0.url"]));
    // The summary names the first issues' fields; the issues carry the schema's English.
    expect(error.message).toMatch(/^name is required; position must be text; /);
    for (const issue of error.issues ?? []) expect(issue.message).not.toMatch(/[\u3400-\u9fff]/);
  });

  it("answers zh-CN when the caller prefers Chinese, with no English in the messages", async () => {
    const res = await post(BAD_NOMINEE, "zh-CN,zh;q=0.9,en;q=0.5");
    const { error } = await res.json<Envelope>();
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries((error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath.name).toBe("请填写姓名。");
    expect(byPath.position).toBe("职务应为文字。");
    expect(byPath.unit).toMatch(/^单位不能超过 \d+ 个字。$/);
    expect(byPath["photos.0.url"]).toMatch(/^照片第 1 项的地址格式不正确/);
    // "https://" is the one Latin word a Chinese reader needs here.
    for (const message of [error.message, ...Object.values(byPath)])
      expect(message.replaceAll("https://", "")).not.toMatch(/[A-Za-z]{3,}/);
    expect(error.message).toContain("请填写姓名。");
  });

  it("caps the list of issues", async () => {
    const Many = v.object(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, v.string()])),
    );
    const many = new Hono().post("/api", validate("json", Many, "invalid_body"), (c) =>
      c.text("ok"),
    );
    many.onError((err, c) =>
      c.json(errorBody((err as ApiError).code, err.message, (err as ApiError).extra), 400),
    );
    const res = await many.request("/api", { method: "POST", body: "{}" });
    const { error } = await res.json<Envelope>();
    expect(error.issues).toHaveLength(20);
  });

  it("refuses malformed JSON with invalid_body", async () => {
    const res = await post("{nope");
    expect(res.status).toBe(400);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe("invalid_body");
    expect(error.message).toBe("The body must be valid JSON.");
    const zh = await (await post("{nope", "zh-CN")).json<Envelope>();
    expect(zh.error.message).toBe("提交的内容不是有效的 JSON。");
  });

  it("keeps the route's code for a query", async () => {
    const res = await app.request("/api/list?page=x");
    expect(res.status).toBe(400);
    const { error } = await res.json<Envelope>();
    expect(error.code).toBe("invalid_query");
    expect(error.issues?.[0]?.path).toBe("page");
  });

  it("turns a bad path parameter into the route's refusal", async () => {
    const res = await app.request("/api/n/abc");
    expect(res.status).toBe(404);
    const { error } = await res.json<Envelope>();
    expect(error).toEqual({ code: "candidate_not_found", message: "No such nominee." });
    expect(await (await app.request("/api/n/7")).json()).toEqual({ number: 7 });
  });

  it("carries its target and schema for the OpenAPI document", () => {
    const mw = validate("query", Query, "invalid_query");
    expect(mw[VALIDATES]).toEqual({ target: "query", schema: Query });
  });
});
