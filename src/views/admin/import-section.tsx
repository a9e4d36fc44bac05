import { Input, named } from "./components/field";
import { FormEnd } from "./components/form";

/** 批量导入: the file, its preview (rows and their problems, filled by client/admin/import.ts). */
export function ImportSection() {
  return (
    <section class="panel import" aria-labelledby="import-title" data-import>
      <h2 id="import-title">批量导入</h2>
      <p>
        支持 CSV（Excel / WPS“另存为 CSV”，UTF-8 或 GBK 编码均可）和 JSON。第一行是表头，可用的列：
        编号、姓名（必填）、职务、单位、分组、事迹标题、事迹、推荐单位、照片、照片说明。编号留空则自动编号。{" "}
        <a href="/admin/import-template.csv">下载 CSV 模板</a>
      </p>
      <form class="stack" method="post" data-form="import" novalidate>
        <Input
          {...named("import", "file")}
          type="file"
          label="选择文件（不超过 2 MB）"
          accept=".csv,.json,.txt,text/csv,application/json"
          required
        />
        <FormEnd submit="预览" kind="secondary" />
      </form>
      <div data-import-preview hidden>
        <p role="status" tabindex={-1} data-import-summary />
        <section class="table-wrap" aria-label="导入预览" tabindex={0}>
          <table class="data preview-table">
            <caption class="visually-hidden">导入预览：每一行及其问题</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  行
                </th>
                <th scope="col">检查结果</th>
                <th scope="col">候选人 / 问题</th>
              </tr>
            </thead>
            <tbody data-import-rows />
          </table>
        </section>
        <p class="form-error" role="alert" data-import-error />
        <div class="button-row">
          <button type="button" class="button" data-import-commit hidden>
            导入
          </button>
          <button type="button" class="button secondary" data-import-cancel>
            取消
          </button>
        </div>
      </div>
    </section>
  );
}
