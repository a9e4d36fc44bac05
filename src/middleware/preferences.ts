import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../types";
import { type Locale, MESSAGES } from "../views/i18n";
import { isLocalHost } from "./voter";

const YEAR = 60 * 60 * 24 * 365;

/**
 * Reads the reader's language (zh-CN by default, `?lang=en` or the toggle) and text size
 * (`?text=large`, the 适老化 toggle) and remembers a choice made by query in a cookie, so the
 * toggles are plain links that work without JavaScript.
 */
export const preferences = createMiddleware<AppEnv>(async (c, next) => {
  const cookieOptions = {
    path: "/",
    maxAge: YEAR,
    sameSite: "Lax" as const,
    httpOnly: true,
    secure: !isLocalHost(c.req.url),
  };
  const langQuery = c.req.query("lang");
  let locale: Locale = getCookie(c, "by_lang") === "en" ? "en" : "zh-CN";
  if (langQuery === "en" || langQuery === "zh") {
    locale = langQuery === "en" ? "en" : "zh-CN";
    setCookie(c, "by_lang", langQuery, cookieOptions);
  }
  const textQuery = c.req.query("text");
  let largeText = getCookie(c, "by_text") === "large";
  if (textQuery === "large" || textQuery === "normal") {
    largeText = textQuery === "large";
    setCookie(c, "by_text", textQuery, cookieOptions);
  }
  c.set("prefs", { locale, largeText, m: MESSAGES[locale], nonce: c.get("secureHeadersNonce") });
  await next();
});
