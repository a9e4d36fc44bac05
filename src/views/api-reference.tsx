import type { Child } from "hono/jsx";
import { BrandBar } from "./components/brand-bar";
import { IconLinks } from "./components/icon-links";

/**
 * The API reference page (/docs/api): every operation of the OpenAPI document, server-rendered
 * from the document itself, with our own stylesheet (no CDN, no script). zh-CN headings; field
 * names, codes and the summaries' English halves as the document has them.
 */

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: unknown[];
  "x-role"?: string;
  parameters?: {
    name: string;
    in: string;
    required: boolean;
    schema: Json;
    description?: string;
  }[];
  requestBody?: {
    required?: boolean;
    description?: string;
    content: Record<string, { schema: Json }>;
  };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: Json }>; "x-error-codes"?: string[] }
  >;
}
export interface ReferenceDocument {
  info: { title: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

const WHERE: Record<string, string> = {
  path: "路径",
  query: "查询",
  header: "请求头",
  cookie: "Cookie",
};
const REF = "#/components/schemas/";

/** Text with `code` spans, as the document's prose writes them. */
function Prose(props: { text: string }) {
  const parts = props.text.split("`");
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** A JSON Schema in a few words: type, format, limits, choices; named shapes as links. */
function TypeOf(props: { schema: Json | undefined }): Child {
  const s = props.schema ?? {};
  if (typeof s.$ref === "string") {
    const name = s.$ref.replace(REF, "");
    return <a href={`#schema-${name}`}>{name}</a>;
  }
  const anyOf = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (anyOf) {
    return (
      <>
        {anyOf.map((x, i) => (
          <>
            {i > 0 && " | "}
            <TypeOf schema={x} />
          </>
        ))}
      </>
    );
  }
  if (s.allOf) return <TypeOf schema={(s.allOf as Json[])[0]} />;
  if ("const" in s) return <code>{JSON.stringify(s.const)}</code>;
  if (Array.isArray(s.enum)) return <>{s.enum.map((e) => JSON.stringify(e)).join(" | ")}</>;
  if (s.type === "array") {
    return (
      <>
        array&lt;
        <TypeOf schema={s.items as Json} />
        &gt;
      </>
    );
  }
  const limits = [
    typeof s.format === "string" && s.format,
    typeof s.minLength === "number" && `≥ ${s.minLength} 字`,
    typeof s.maxLength === "number" && `≤ ${s.maxLength} 字`,
    typeof s.minimum === "number" && `≥ ${s.minimum}`,
    typeof s.maximum === "number" && `≤ ${s.maximum}`,
    typeof s.minItems === "number" && `≥ ${s.minItems} 项`,
    typeof s.maxItems === "number" && `≤ ${s.maxItems} 项`,
    typeof s.pattern === "string" && `/${s.pattern}/`,
  ].filter(Boolean);
  const type = Array.isArray(s.type) ? s.type.join(" | ") : String(s.type ?? "any");
  return (
    <>
      {type}
      {limits.length > 0 && <span class="limits"> ({limits.join(", ")})</span>}
    </>
  );
}

/** A wide table that scrolls sideways on a phone, reachable by keyboard. */
function Scroll(props: { label: string; children: Child }) {
  return (
    <section class="scroll" aria-label={props.label} tabindex={0}>
      {props.children}
    </section>
  );
}

/** The fields of an object schema: name, type, required, description. */
function Fields(props: { schema: Json; label: string }) {
  const properties = (props.schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((props.schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  // The column only where some field says more than its name and type.
  const described = names.some((n) => typeof properties[n]?.description === "string");
  if (names.length === 0) {
    return (
      <p>
        类型 Type: <TypeOf schema={props.schema} />
      </p>
    );
  }
  return (
    <Scroll label={props.label}>
      <table>
        <thead>
          <tr>
            <th scope="col">字段 Field</th>
            <th scope="col">类型 Type</th>
            <th scope="col">必填</th>
            {described && <th scope="col">说明</th>}
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const s = properties[name] ?? {};
            return (
              <tr>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <TypeOf schema={s} />
                </td>
                <td>{required.has(name) ? "是" : "否"}</td>
                {described && <td>{typeof s.description === "string" ? s.description : ""}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scroll>
  );
}

const WHO = (op: Operation) =>
  op.security?.length === 0
    ? "公开 Public"
    : op["x-role"] === "admin"
      ? "管理员 admin"
      : "组织者 admin / observer";

function OperationEntry(props: { method: string; path: string; op: Operation }) {
  const { method, path, op } = props;
  const body = op.requestBody;
  const bodyMedia = body ? Object.keys(body.content)[0] : undefined;
  const bodySchema = bodyMedia ? body?.content[bodyMedia]?.schema : undefined;
  return (
    <article class="op" id={op.operationId} aria-labelledby={`${op.operationId}-h`}>
      <h3 id={`${op.operationId}-h`}>
        <span class={`method method-${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p class="summary">{op.summary}</p>
      {op.description && (
        <p>
          <Prose text={op.description} />
        </p>
      )}
      <p class="who">权限：{WHO(op)}</p>
      {op.parameters && op.parameters.length > 0 && (
        <>
          <h4>参数 Parameters</h4>
          <Scroll label={`${method.toUpperCase()} ${path} 参数`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">名称 Name</th>
                  <th scope="col">位置</th>
                  <th scope="col">类型 Type</th>
                  <th scope="col">必填</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr>
                    <th scope="row">
                      <code>{p.name}</code>
                    </th>
                    <td>{WHERE[p.in] ?? p.in}</td>
                    <td>
                      <TypeOf schema={p.schema} />
                    </td>
                    <td>{p.required ? "是" : "否"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
        </>
      )}
      {body && (
        <>
          <h4>请求体 Request body</h4>
          <p>
            <code>{bodyMedia}</code>
            {body.required ? "" : "（可省略 optional）"}
            {body.description ? ` — ${body.description}` : ""}
          </p>
          {bodyMedia === "application/json" && bodySchema && (
            <Fields schema={bodySchema} label={`${method.toUpperCase()} ${path} 请求体`} />
          )}
        </>
      )}
      <h4>响应 Responses</h4>
      <Scroll label={`${method.toUpperCase()} ${path} 响应`}>
        <table>
          <thead>
            <tr>
              <th scope="col">状态</th>
              <th scope="col">说明</th>
              <th scope="col">错误码 error.code</th>
              <th scope="col">结构 Shape</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(op.responses).map(([status, r]) => {
              const codes = r["x-error-codes"] ?? [];
              const media = r.content ? Object.keys(r.content)[0] : undefined;
              const schema = media ? r.content?.[media]?.schema : undefined;
              return (
                <tr>
                  <th scope="row">{status}</th>
                  <td>
                    <Prose
                      text={
                        codes.length ? r.description.replace(/ \(`[^()]*`\)$/, "") : r.description
                      }
                    />
                  </td>
                  <td>
                    {codes.map((c, i) => (
                      <>
                        {i > 0 && " "}
                        <code>{c}</code>
                      </>
                    ))}
                  </td>
                  <td>
                    {media === "application/json" && schema ? (
                      <TypeOf schema={schema} />
                    ) : (
                      (media ?? "—")
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
    </article>
  );
}

export function ApiReferencePage(props: { doc: ReferenceDocument }) {
  const { doc } = props;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags[0] ?? "";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const tags = doc.tags.map((t) => t.name).filter((t) => byTag.has(t));
  const count = [...byTag.values()].reduce((n, ops) => n + ops.length, 0);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>接口文档 · 榜样</title>
        <IconLinks />
        <link rel="stylesheet" href="/app.css" />
        <link rel="stylesheet" href="/api-reference.css" />
      </head>
      <body class="api-reference">
        <BrandBar class="site" home="/" brand="榜样 · 接口文档" />
        <main id="main">
          <h1>接口文档 API reference</h1>
          <p>
            共 {count} 个接口，由 <a href="/api/openapi.json">OpenAPI 3.1 文档</a> （
            <code>/api/openapi.json</code>）生成：请求结构来自校验请求的同一套 valibot 模式。
            错误一律为 <code>{'{"error":{"code","message"}}'}</code>，校验错误另有{" "}
            <code>issues</code>。规则、工作量证明与 curl 示例见仓库中的 <code>docs/api.md</code>。
          </p>
          <nav class="toc" aria-label="目录">
            <h2>目录</h2>
            <ul>
              {tags.map((tag, i) => (
                <li>
                  <a href={`#tag-${i}`}>{tag}</a> （{byTag.get(tag)?.length}）
                </li>
              ))}
              <li>
                <a href="#schemas">数据结构 Schemas</a>
              </li>
            </ul>
          </nav>
          {tags.map((tag, i) => (
            <section aria-labelledby={`tag-${i}`}>
              <h2 id={`tag-${i}`}>{tag}</h2>
              {(byTag.get(tag) ?? []).map((o) => (
                <OperationEntry {...o} />
              ))}
            </section>
          ))}
          <section aria-labelledby="schemas">
            <h2 id="schemas">数据结构 Schemas</h2>
            {Object.entries(doc.components.schemas).map(([name, schema]) => (
              <article class="schema" id={`schema-${name}`} aria-labelledby={`schema-${name}-h`}>
                <h3 id={`schema-${name}-h`}>
                  <code>{name}</code>
                </h3>
                <Fields schema={schema} label={`${name} 字段`} />
              </article>
            ))}
          </section>
        </main>
      </body>
    </html>
  );
}
