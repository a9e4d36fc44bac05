import { Hono } from "hono";
import type { AppEnv } from "../../types";

/** The organizer console's pages under /admin. */
export const adminPages = new Hono<AppEnv>();
