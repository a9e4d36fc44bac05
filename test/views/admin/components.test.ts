import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { NOMINEE_LIMITS } from "../../../src/validators/nominee";
import { Check, Input, Select, TextArea } from "../../../src/views/admin/components/field";
import { DataTable } from "../../../src/views/admin/components/table";

const html = (node: unknown) => String(node);
const doc = (markup: string) => {
  // A tiny query helper: the attributes of the first tag matching `tag` with `id`.
  return (tag: string, id: string) => {
    const m = markup.match(new RegExp(`<${tag}\\b[^>]*\\bid="${id}"[^>]*>`));
    if (!m) throw new Error(`no <${tag} id="${id}"> in ${markup}`);
    return m[0];
  };
};

describe("Field components (issue 15 contract 3)", () => {
  it("an input carries its label, limit, data-path and a hidden error slot it names", () => {
    const out = html(
      jsx(Input, {
        id: "new-name",
        name: "name",
        label: "姓名",
        limit: NOMINEE_LIMITS.name,
        required: true,
        value: "李",
      }),
    );
    const find = doc(out);
    const input = find("input", "new-name");
    expect(input).toContain('name="name"');
    expect(input).toContain(`maxlength="${NOMINEE_LIMITS.name}"`);
    expect(input).toContain('data-path="name"');
    expect(input).toContain('aria-describedby="new-name-error"');
    expect(input).toContain("required");
    expect(find("p", "new-name-error")).toMatch(/class="field-error"[^>]*hidden/);
    // The marker comes from CSS, outside the label's text and accessible name.
    expect(out).toContain('<label for="new-name" data-required="true">姓名</label>');
  });

  it("names the hint before the error slot, and takes a nested issue path", () => {
    const out = html(
      jsx(Input, {
        id: "edit-x",
        name: "likesPerVoterPerDay",
        path: "rules.likesPerVoterPerDay",
        label: "每人每天最多点赞",
        hint: "留空表示不限总次数。",
      }),
    );
    const input = doc(out)("input", "edit-x");
    expect(input).toContain('data-path="rules.likesPerVoterPerDay"');
    expect(input).toContain('aria-describedby="edit-x-hint edit-x-error"');
    expect(out).toContain('<p class="hint" id="edit-x-hint">留空表示不限总次数。</p>');
    expect(out).not.toContain("data-required");
  });

  it("leaves out the error slot where no schema field answers, and keeps a given describedby", () => {
    const out = html(
      jsx(Input, { id: "q", name: "q", label: "查找", path: false, "aria-describedby": "other" }),
    );
    expect(out).not.toContain("field-error");
    expect(out).not.toContain("data-path");
    expect(doc(out)("input", "q")).toContain('aria-describedby="other"');
  });

  it("textarea, select and checkbox share the wiring", () => {
    const area = html(
      jsx(TextArea, { id: "r", name: "reason", label: "理由", limit: 500, value: "a<b" }),
    );
    expect(doc(area)("textarea", "r")).toContain('maxlength="500"');
    expect(area).toContain("a&lt;b</textarea>");
    const select = html(
      jsx(Select, {
        id: "s",
        name: "role",
        label: "角色",
        children: jsx("option", { value: "admin" }, "管理员"),
      }),
    );
    expect(doc(select)("select", "s")).toContain('aria-describedby="s-error"');
    const check = html(jsx(Check, { id: "c", name: "draft", label: "草稿", checked: true }));
    expect(check).toMatch(/^<div class="check"><input [^>]*type="checkbox"/);
    expect(doc(check)("input", "c")).toContain("checked");
    expect(doc(check)("input", "c")).toContain('data-path="draft"');
  });
});

describe("DataTable", () => {
  const rows = [
    { name: "李亚利", likes: 12 },
    { name: "王<强>", likes: 3 },
  ];
  const columns = [
    { head: "姓名", cell: (r: (typeof rows)[number]) => r.name, rowHeader: true },
    { head: "票数", cell: (r: (typeof rows)[number]) => String(r.likes), num: true },
  ];

  it("renders a caption, column headers, row headers and right-aligned figures", () => {
    const out = html(jsx(DataTable, { rows, columns, empty: "暂无数据。", caption: "排名" }));
    expect(out).toContain('<caption class="visually-hidden">排名</caption>');
    expect(out).toContain('<th scope="col">姓名</th><th scope="col" class="num">票数</th>');
    expect(out).toContain('<th scope="row">李亚利</th><td class="num">12</td>');
    expect(out).toContain("王&lt;强&gt;");
  });

  it("says the empty text instead of an empty table", () => {
    const out = html(jsx(DataTable, { rows: [], columns, empty: "暂无数据。" }));
    expect(out).toBe('<p class="empty">暂无数据。</p>');
  });
});
