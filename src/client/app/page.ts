/** What the server put into the public page for this script (views/layout.tsx `page-data`). */
import type { ClientMessages } from "../../views/i18n";
import { pageData } from "../dom";

export interface PageData {
  page?: string;
  slug?: string;
  group?: string | null;
  /** Profile pages: what the poster draws (public/poster.js). */
  poster?: Record<string, string | null> & { failed: string; making: string };
  /** Every public page: its share card (views/layout.tsx) and the WeChat hint's words. */
  share?: { title: string; desc: string; link: string; img: string };
  wx?: { hint: string; close: string };
  /** The strings the server ships with the page (views/i18n.ts `clientMessages`). */
  m: ClientMessages;
}

export const data = pageData<PageData>({ m: {} as ClientMessages });
export const m = data.m;
