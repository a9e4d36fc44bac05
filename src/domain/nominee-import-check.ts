import * as v from "valibot";
import { chars } from "../validators/common";
import { NOMINEE_LIMITS, NomineeInput } from "../validators/nominee";
import type { NomineeDraft } from "./nominee-import";
import { FIELD_LABELS, type Field, type RawRow } from "./nominee-import-read";

/**
 * Checking one imported row: its cells become the API's nominee input (validators/nominee.ts)
 * and are validated by the same schema with `safeParse`, so the import accepts and refuses
 * exactly what POST …/nominees does. The schema's issues become the row's Chinese messages
 * (English in brackets). What stays here is what only a spreadsheet needs: a cell to a number
 * (full-width digits), line breaks folded or split into paragraphs, the one photo column, and
 * characters the file's encoding lost.
 */

/** One row after checking: `number` undefined is still to be assigned, null is invalid. */
export interface CheckedRow {
  raw: RawRow;
  errors: string[];
  number: number | undefined | null;
  /** The nominee, when the schema accepted the row. */
  draft?: Omit<NomineeDraft, "number">;
}

/** Collapses line breaks (Alt+Enter in Excel) in single-line fields into a space. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** Paragraphs: every line break (blank line or not) starts one; blank lines vanish. */
const paragraphs = (s: string) =>
  s
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

const TEXT_FIELDS = ["name", "position", "unit", "group", "headline", "nominatingUnit"] as const;

/** A cell's number: full-width digits (１２, typed with a Chinese IME) read as ASCII; NaN if not digits. */
function cellNumber(value: unknown): unknown {
  if (typeof value !== "string") return value ?? undefined;
  const s = value.normalize("NFKC").trim();
  if (s === "") return undefined;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

function cellStory(value: unknown): unknown {
  if (typeof value === "string") return paragraphs(value);
  if (Array.isArray(value) && value.every((p) => typeof p === "string")) {
    return value.flatMap(paragraphs);
  }
  return value ?? undefined;
}

const cellText = (value: unknown) => (typeof value === "string" ? oneLine(value) : value);

/** The row's cells as the API's nominee input; blank cells are left out (the schema's defaults). */
function toInput(values: RawRow["values"]): Record<string, unknown> {
  const input: Record<string, unknown> = { name: cellText(values.name) ?? "" };
  for (const field of TEXT_FIELDS) {
    const value = cellText(values[field]);
    if (value !== undefined && value !== null) input[field] = value;
  }
  const number = cellNumber(values.number);
  if (number !== undefined) input.number = number;
  const story = cellStory(values.story);
  if (story !== undefined) input.story = story;
  const url = cellText(values.photoUrl);
  if (url !== undefined && url !== null && url !== "") {
    const caption = cellText(values.photoCaption);
    input.photos = [{ url, ...(caption !== undefined && caption !== null && { caption }) }];
  }
  return input;
}

// ---------------------------------------------------------------------------------------------
// Issues to messages

function tooLong(field: Field, length: number | string, max: number): string {
  return `${FIELD_LABELS[field]}过长：${length} 字，最多 ${max} 字 (${field} is too long: ${length} characters, at most ${max})`;
}

function undecodable(field: Field): string {
  return `${FIELD_LABELS[field]}含无法识别的字符，文件可能既不是 UTF-8 也不是 GBK 编码 (${field} contains characters that could not be decoded; save the file as CSV UTF-8)`;
}

/** Which import column an issue is about (`photos.0.url` is the 照片 column). */
function fieldOf(issue: v.BaseIssue<unknown>): Field | undefined {
  const keys = (issue.path ?? []).map((p) => p.key);
  if (keys[0] === "photos") return keys[2] === "caption" ? "photoCaption" : "photoUrl";
  const key = keys[0];
  return typeof key === "string" && key in FIELD_LABELS ? (key as Field) : undefined;
}

function storyLength(input: Record<string, unknown>): number {
  const story = input.story;
  return Array.isArray(story) ? story.reduce((n: number, p) => n + chars(String(p)), 0) : 0;
}

/** The message for one issue of the schema, in the import's terms. */
function message(
  issue: v.BaseIssue<unknown>,
  input: Record<string, unknown>,
  raw: RawRow["values"],
): string {
  const field = fieldOf(issue);
  if (field === undefined) return `${issue.message}`;
  const label = FIELD_LABELS[field];
  if (field === "number") {
    const v = raw.number;
    const shown = typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v);
    const max = NOMINEE_LIMITS.number;
    return `编号“${shown}”无效，应为 1 到 ${max} 的整数 (number must be a whole number from 1 to ${max})`;
  }
  if (field === "story") {
    if (issue.kind === "schema") {
      return "事迹应为文本或文本数组 (story must be a string or an array of strings)";
    }
    if (issue.type === "max_length" && issue.path?.length === 1) {
      const max = NOMINEE_LIMITS.storyParagraphs;
      return `事迹段落过多：${issue.received} 段，最多 ${max} 段 (story has ${issue.received} paragraphs, at most ${max})`;
    }
    // A paragraph over the limit, or the paragraphs together: the story's length is what to cut.
    return tooLong("story", storyLength(input), NOMINEE_LIMITS.story);
  }
  if (issue.kind === "schema") return `${label}应为文本 (${field} must be a string)`;
  if (issue.type === "max_length") {
    return tooLong(field, issue.received, Number((issue as { requirement: unknown }).requirement));
  }
  if (field === "name" && issue.type === "min_length") return "缺少姓名 (name is required)";
  if (field === "photoUrl" && issue.type === "regex") {
    return "照片地址应以 https:// 或 / 开头 (photoUrl must be an https URL or a path on this site)";
  }
  return `${label}无效 (${issue.message})`;
}

const UNDECODABLE = "\uFFFD";

/** Fields whose text still carries U+FFFD: bytes that were neither UTF-8 nor GBK. */
function undecodableFields(values: RawRow["values"]): Field[] {
  return (Object.keys(FIELD_LABELS) as Field[]).filter((field) => {
    const value = values[field];
    const texts = Array.isArray(value) ? value : [value];
    return texts.some((t) => typeof t === "string" && t.includes(UNDECODABLE));
  });
}

/** Checks one row against the nominee schema; every problem becomes a message. */
export function checkRow(raw: RawRow): CheckedRow {
  const errors = [...raw.errors];
  if (raw.unreadable) return { raw, errors, number: null };
  const { values } = raw;
  const input = toInput(values);
  const result = v.safeParse(NomineeInput, input);
  const messages = new Set(result.issues?.map((issue) => message(issue, input, values)));
  errors.push(...messages);
  errors.push(...undecodableFields(values).map(undecodable));
  const caption = cellText(values.photoCaption);
  if (input.photos === undefined && caption !== undefined && caption !== null && caption !== "")
    errors.push("有照片说明但没有照片 (photoCaption given without photoUrl)");
  if (!result.success) {
    const numberBad = result.issues.some((issue) => fieldOf(issue) === "number");
    const number = numberBad ? null : (input.number as number | undefined);
    return { raw, errors, number };
  }
  const { number, honoree: _, photos, ...fields } = result.output;
  const photo = photos[0];
  const draft: Omit<NomineeDraft, "number"> = {
    ...fields,
    ...(photo && { photoUrl: photo.url }),
    ...(photo?.caption && { photoCaption: photo.caption }),
  };
  return { raw, errors, number, draft };
}
