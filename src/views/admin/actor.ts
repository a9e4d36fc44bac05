import { ROLE_LABEL } from "./text";

/** The words of an actor label's bracket ("admin, session"), in the console's words. */
const ACTOR_WORD: Record<string, string> = {
  admin: "管理员",
  observer: "观察员",
  // "account": a named account (issue 14); "session": a built-in password, then or now.
  account: "个人账号",
  session: "内置口令登录",
  token: "API 令牌",
  unit: "推荐单位",
  link: "邀请链接",
};

/**
 * "王主任 (admin, session)" or "临县 (unit, link)", as the queries write who did something, → the
 * name and a Chinese detail ("管理员 · 内置口令登录"). A label in another shape is shown as it is.
 * The audit log's table names the role as the accounts page does (`ROLE_LABEL`: 观察员（只读）).
 */
export function actorParts(actor: string): { name: string; detail: string } {
  return parts(actor, (w) => ROLE_LABEL[w] ?? ACTOR_WORD[w] ?? w);
}

function parts(actor: string, word: (w: string) => string): { name: string; detail: string } {
  const m = /^(.*) \(([a-z_]+(?:, [a-z_]+)*)\)$/.exec(actor);
  if (!m) return { name: actor, detail: "" };
  const [, name = "", words = ""] = m;
  return { name, detail: words.split(", ").map(word).join(" · ") };
}

/** One line: "王主任（管理员 · 内置口令登录）" (short role words: no brackets inside brackets). */
export function actorText(actor: string): string {
  const { name, detail } = parts(actor, (w) => ACTOR_WORD[w] ?? w);
  return detail ? `${name}（${detail}）` : name;
}
