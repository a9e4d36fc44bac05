import { describe, expect, it } from "vitest";
import { call } from "../helpers";
import { servedDocument } from "./documented";

describe("GET /docs/api", () => {
  it("lists every operation of the document with its error codes, from our own assets only", async () => {
    const res = await call("/docs/api");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/html");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    const doc = await servedDocument();
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const id = (op as unknown as { operationId: string }).operationId;
        expect(html, `${method} ${path}`).toContain(`id="${id}"`);
        expect(html).toContain(`<code>${path}</code>`);
        for (const answer of Object.values(op.responses)) {
          for (const code of (answer["x-error-codes"] as string[] | undefined) ?? [])
            expect(html, `${id} ${code}`).toContain(`<code>${code}</code>`);
        }
      }
    }
    expect(html).toContain(`共 ${operations} 个接口`);
    for (const name of Object.keys(doc.components.schemas))
      expect(html).toContain(`id="schema-${name}"`);
    // Nothing from another host: the page must work where CDNs do not load.
    expect(html.match(/(?:src|href)="(?:https?:)?\/\/[^"]*"/g) ?? []).toEqual([]);
  });

  it("serves its stylesheet from our assets", async () => {
    const { env } = await import("cloudflare:workers");
    const css = await env.ASSETS.fetch("http://localhost/api-reference.css");
    expect(css.status).toBe(200);
  });
});
