/** Bulk import of nominees: file preview and commit. */

import type { CheckedPreview as Preview } from "../../domain/import-duplicates";
import { chineseOnly } from "../../views/admin/messages";
import { $, api, apiBase, busy, data, done, explain, field, say, submitButton } from "./shared";

function cell(tr: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = tr.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

export function setupImport(): void {
  const section = $("[data-import]");
  const form = section && $<HTMLFormElement>('form[data-form="import"]', section);
  const preview = section && $("[data-import-preview]", section);
  if (!section || !form || !preview) return;
  const error = $("[data-form-error]", form);
  const summary = $("[data-import-summary]", preview);
  const rowsEl = $("[data-import-rows]", preview);
  const commitError = $("[data-import-error]", preview);
  const commit = $<HTMLButtonElement>("[data-import-commit]", preview);
  const existing = new Set(data.numbers ?? []);
  let upload: { bytes: ArrayBuffer; type: string; name: string } | null = null;
  let pendingDuplicates = 0;

  const render = (p: Preview) => {
    if (!rowsEl) return;
    rowsEl.textContent = "";
    let clashes = 0;
    for (const r of p.rows) {
      const errors = r.errors.map(chineseOnly);
      // Guard against numbers already in the campaign, in case the server did not flag them.
      if (r.nominee && errors.length === 0 && existing.has(r.nominee.number)) {
        errors.push(`编号 ${r.nominee.number} 已被本活动的现有候选人使用`);
        clashes++;
      }
      const warnings = errors.length ? [] : (r.warnings ?? []);
      const tr = (rowsEl as HTMLTableSectionElement).insertRow();
      tr.className = errors.length ? "row-bad" : warnings.length ? "row-warn" : "row-ok";
      cell(tr, r.row === 0 ? "文件" : String(r.row), "num");
      cell(
        tr,
        errors.length ? "✗ 有误" : warnings.length ? "⚠ 可能重复" : "✓ 可导入",
        errors.length ? "bad" : warnings.length ? "warn" : "ok",
      );
      const td = tr.insertCell();
      if (r.nominee) {
        const who = document.createElement("strong");
        who.textContent = `${r.nominee.number}号 ${r.nominee.name}`;
        td.append(who);
        const detail = [r.nominee.position, r.nominee.unit, r.nominee.group].filter((x) => x);
        if (detail.length) {
          const sub = document.createElement("span");
          sub.className = "sub";
          sub.textContent = detail.join(" · ");
          td.append(sub);
        }
      }
      if (errors.length || warnings.length) {
        const ul = document.createElement("ul");
        ul.className = errors.length ? "errors" : "warnings";
        for (const e of errors.length ? errors : warnings) {
          const li = document.createElement("li");
          li.textContent = e;
          ul.append(li);
        }
        td.append(ul);
      }
    }
    const invalid = p.invalid + clashes;
    const valid = p.valid - clashes;
    const duplicates = p.duplicates ?? 0;
    pendingDuplicates = duplicates;
    const format =
      p.format === "json" ? "JSON" : `CSV（${p.encoding === "gbk" ? "GBK" : "UTF-8"} 编码）`;
    say(
      summary,
      invalid > 0
        ? `${format}：${valid} 行可导入，${invalid} 处有误。请修改文件后重新选择并预览；有错误时不会导入任何一行。`
        : valid > 0 && duplicates > 0
          ? `${format}：${valid} 行可导入，但其中 ${duplicates} 行与现有候选人同名同单位，可能是重复导入（见下表标“⚠”的行）。确认不是重复后再点击“导入 ${valid} 行”。`
          : valid > 0
            ? `${format}：${valid} 行全部可导入。确认无误后点击“导入 ${valid} 行”。`
            : `${format}：文件中没有候选人。`,
    );
    if (commit) {
      commit.hidden = !(invalid === 0 && valid > 0);
      commit.textContent = `导入 ${valid} 行`;
    }
    preview.hidden = false;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(error, "");
    say(commitError, "");
    const file = (field(form, "file") as HTMLInputElement).files?.[0];
    if (!file) {
      say(error, "请选择 CSV 或 JSON 文件。");
      field(form, "file").focus();
      return;
    }
    if (file.size > 2 * 1024 * 1024) {
      say(error, "文件超过 2 MB。请分成几个文件导入。");
      return;
    }
    const type =
      file.type && /csv|json|text/.test(file.type)
        ? file.type
        : /\.json$/i.test(file.name)
          ? "application/json"
          : "text/csv";
    upload = { bytes: await file.arrayBuffer(), type, name: file.name };
    const u = upload;
    const res = await busy(submitButton(form), () =>
      api(
        "POST",
        `${apiBase}/nominees/import?dryRun=1&filename=${encodeURIComponent(u.name)}`,
        undefined,
        { bytes: u.bytes, type: u.type },
      ),
    );
    if (res.ok && Array.isArray(res.body.rows)) {
      render(res.body as Preview);
      summary?.focus();
    } else {
      preview.hidden = true;
      say(error, explain(res.error ?? { code: "unknown", message: "" }));
    }
  });

  commit?.addEventListener("click", async () => {
    if (!upload) return;
    const u = upload;
    if (
      pendingDuplicates > 0 &&
      !confirm(`${pendingDuplicates} 行与现有候选人同名同单位，可能是重复导入。仍要导入吗？`)
    )
      return;
    say(commitError, "");
    const res = await busy(commit, () =>
      api("POST", `${apiBase}/nominees/import?filename=${encodeURIComponent(u.name)}`, undefined, {
        bytes: u.bytes,
        type: u.type,
      }),
    );
    if (res.ok) {
      done("imported", "", `&n=${Number(res.body.imported) || 0}`);
      return;
    }
    if (res.status === 422 && Array.isArray(res.body.rows)) render(res.body as Preview);
    say(commitError, explain(res.error ?? { code: "unknown", message: "" }));
  });

  $("[data-import-cancel]", preview)?.addEventListener("click", () => {
    preview.hidden = true;
    upload = null;
    form.reset();
    field(form, "file").focus();
  });
}
