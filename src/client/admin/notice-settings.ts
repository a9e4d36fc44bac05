/** The 公示 block of the campaign settings form (issue 14): the `notice` object the API takes. */

import { localToIso as toIso } from "../../domain/time";
import { changed, field } from "./shared";

const NAMES = [
  "noticeStartsAt",
  "noticeEndsAt",
  "objectionUnit",
  "objectionPhone",
  "objectionEmail",
];

/** Whether the form has the block (observers' and older pages may not). */
const hasBlock = (form: HTMLFormElement) => form.elements.namedItem("objectionUnit") !== null;

/** `notice` for the body, or a message naming what to fix (a time that does not parse). */
export function noticeBody(
  form: HTMLFormElement,
  timeZone: string,
): { notice?: Record<string, unknown>; error?: string; field?: string } {
  if (!hasBlock(form)) return {};
  const time = (name: string) => {
    const raw = field(form, name).value;
    return raw === "" ? null : toIso(raw, timeZone);
  };
  const startsAt = time("noticeStartsAt");
  const endsAt = time("noticeEndsAt");
  if ((startsAt === null) !== (endsAt === null))
    return {
      error: "请同时填写公示开始和结束时间，或都留空。",
      field: startsAt === null ? "noticeStartsAt" : "noticeEndsAt",
    };
  return {
    notice: {
      startsAt,
      endsAt,
      objectionUnit: field(form, "objectionUnit").value.trim(),
      objectionPhone: field(form, "objectionPhone").value.trim(),
      objectionEmail: field(form, "objectionEmail").value.trim(),
    },
  };
}

/** Whether any field of the block changed (edit mode sends only what changed). */
export function noticeChanged(form: HTMLFormElement): boolean {
  return hasBlock(form) && NAMES.some((name) => changed(field(form, name)));
}
