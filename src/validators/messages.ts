import type * as v from "valibot";
import { FIELD_LABEL } from "../views/admin/text";

/**
 * A valibot issue as the API reports it (DESIGN §3 `error.issues`): the dotted path of the field
 * and a message in the caller's language. English is the schema's own message (what API callers
 * and tests read); zh-CN, for the console and the pages, is written here from the issue's kind and
 * the field's Chinese label, so no English leaks into the Chinese UI.
 */
export interface IssueEntry {
  path: string;
  message: string;
}

export type IssueLang = "zh-CN" | "en";

/** Most issues one answer lists. */
export const MAX_ISSUES = 20;

/**
 * Labels for request fields the console's labels (views/admin/text.ts) do not name: API-only
 * fields, the sign-in forms, the juror's and the nominating unit's bodies, query strings.
 */
const EXTRA_LABEL: Record<string, string> = {
  ingest: "点赞写入方式",
  shards: "分片数",
  challenge: "验证答案",
  turnstileToken: "人机验证凭据",
  username: "账号名",
  password: "密码",
  currentPassword: "当前密码",
  newPassword: "新密码",
  displayName: "姓名",
  role: "角色",
  campaigns: "限定活动",
  secret: "密钥",
  code: "动态验证码",
  token: "令牌",
  note: "评语",
  sort: "排序方式",
  after: "起始序号",
  limit: "条数",
  before: "截止",
  includeNominees: "是否复制候选人",
  startsAt: "公示开始时间",
  endsAt: "公示结束时间",
  notice: "公示",
  url: "地址",
  decision: "决定",
  id: "编号",
  dryRun: "试运行",
  filename: "文件名",
  group: "分组",
  top: "前几名",
  view: "视图",
  pow: "验证",
  turnstile: "人机验证",
  remark: "备注",
  email: "电子邮箱",
  phone: "电话",
  scoreNote: "评语",
  honourTitle: "荣誉称号",
  sealUrl: "公章",
  disabled: "停用",
  resetTotp: "重置两步验证",
  q: "搜索词",
  history: "历史",
};

/** What a text field must look like, for the regular expressions' and checks' zh messages. */
const FORMAT_HINT: Record<string, string> = {
  slug: "2–63 位小写字母、数字或连字符，以字母或数字开头",
  username: "3–32 位小写字母、数字、点、连字符或下划线，以字母或数字开头",
  objectionPhone: "只能包含数字、空格、+、括号、连字符和“转”",
  objectionEmail: "应为电子邮箱地址",
  receipt: "应为“XXXX-XXXX-XXXX”形式的凭证号",
  voterHash: "应为 32 位十六进制字符",
  ipHash: "应为 32 位十六进制字符",
  network: "应为网段哈希",
  timeZone: "应为 IANA 时区，如“亚洲/上海”（Asia/Shanghai）",
  url: "应为本站路径或 https:// 开头的地址",
  change: "应为处理记录编号",
  after: "应为检查点序号（0 或正整数）",
  limit: "应为正整数",
  number: "应为正整数编号",
};

const HAN = /[\u3400-\u9fff]/;

function label(key: string): string {
  return EXTRA_LABEL[key] ?? FIELD_LABEL[key] ?? "该项";
}

/** The dotted path of an issue: `photos.0.url`; "" for the body as a whole. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join(".");
}

/** The path in words: 照片第 1 项的地址. */
function pathLabel(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key);
  if (keys.length === 0) return "提交的内容";
  let text = "";
  for (const key of keys) {
    if (typeof key === "number") text += `第 ${key + 1} 项`;
    else text += text ? `的${label(String(key))}` : label(String(key));
  }
  return text;
}

function lastKey(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key).filter((k) => typeof k === "string");
  return String(keys.at(-1) ?? "");
}

/** A zh-CN message for an issue, from its kind and the field's label. */
export function zhMessage(issue: v.BaseIssue<unknown>): string {
  // A schema that wrote its own Chinese (a bilingual message, see `bilingual`) knows best.
  if (HAN.test(issue.message) && !/[A-Za-z]{3,}/.test(issue.message.replace(/\(.*?\)/g, "")))
    return issue.message;
  const name = pathLabel(issue);
  const req = issue.requirement;
  const isList = Array.isArray(issue.input);
  const hint = FORMAT_HINT[lastKey(issue)];
  switch (issue.type) {
    case "min_length":
      if (req === 1) return isList ? `${name}至少需要 1 项。` : `请填写${name}。`;
      return isList ? `${name}至少需要 ${req} 项。` : `${name}至少需要 ${req} 个字。`;
    case "max_length":
      return isList ? `${name}最多 ${req} 项。` : `${name}不能超过 ${req} 个字。`;
    case "min_value":
      return `${name}不能小于 ${String(req)}。`;
    case "max_value":
      return `${name}不能大于 ${String(req)}。`;
    case "integer":
      return `${name}应为整数。`;
    case "min_bytes":
    case "max_bytes":
      return `${name}长度超出限制。`;
    case "iso_date":
      return `${name}应为日期，例如 2026-12-01。`;
    case "uuid":
    case "regex":
    case "check":
    case "raw_check":
    case "email":
    case "url":
      return hint ? `${name}格式不正确：${hint}。` : `${name}格式不正确。`;
    case "picklist":
    case "literal":
    case "enum":
    case "union":
    case "variant":
      return `${name}的取值无效，请从给定选项中选择。`;
    case "string":
    case "number":
    case "boolean":
    case "array":
    case "object":
    case "strict_object":
    case "loose_object":
    case "nullable":
    case "optional":
      if (issue.input === undefined) return `请填写${name}。`;
      if (issue.type === "strict_object" && issue.expected === "never")
        return "提交的内容包含不认识的字段。";
      return `${name}${KIND_TEXT[issue.type] ?? "格式不正确"}。`;
    default:
      return `${name}格式不正确。`;
  }
}

const KIND_TEXT: Record<string, string> = {
  string: "应为文字",
  number: "应为数字",
  boolean: "应为“是”或“否”",
  array: "应为列表",
};

/** The schema's own English, or valibot's. */
export function enMessage(issue: v.BaseIssue<unknown>): string {
  return issue.message;
}

/** Issues as `error.issues` lists them (at most MAX_ISSUES). */
export function issueEntries(
  issues: readonly v.BaseIssue<unknown>[],
  lang: IssueLang,
): IssueEntry[] {
  return issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issuePath(issue),
    message: lang === "zh-CN" ? zhMessage(issue) : enMessage(issue),
  }));
}

/**
 * The envelope's one-line `message`: the first few issues, each with its field. English reads
 * "closesAt: must be an ISO 8601 time…; slug: 2–63 lowercase…", as it always has.
 */
export function summary(entries: readonly IssueEntry[], lang: IssueLang): string {
  const first = entries.slice(0, lang === "zh-CN" ? 3 : 5);
  if (lang === "zh-CN") return first.map((e) => e.message).join("");
  return first
    .map((e) => (e.path && !e.message.startsWith(e.path) ? `${e.path}: ${e.message}` : e.message))
    .join("; ");
}

/**
 * A message in both languages for a schema's own check (a rule across fields, say): valibot calls
 * it with the issue, whose `lang` the validator sets from the request.
 */
export function bilingual(en: string, zh: string) {
  return (issue: { lang?: string }) => (issue.lang === "zh-CN" ? zh : en);
}
