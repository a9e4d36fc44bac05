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
  // The Cron's retention purge ("system (retention)").
  retention: "到期删除投票明细",
};

/**
 * Actors that are not people, as the queries name them: a bearer-token call without a declared
 * name ("token (admin, token)"), the Cron ("system (retention)").
 */
function machineName(name: string, words: string[]): string {
  if (name === "token" && words.includes("token")) return "API 调用";
  if (name === "system" && words.includes("retention")) return "系统";
  return name;
}

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
  const list = words.split(", ");
  return { name: machineName(name, list), detail: list.map(word).join(" · ") };
}

/** One line: "王主任（管理员 · 内置口令登录）" (short role words: no brackets inside brackets). */
export function actorText(actor: string): string {
  const { name, detail } = parts(actor, (w) => ACTOR_WORD[w] ?? w);
  return detail ? `${name}（${detail}）` : name;
}
