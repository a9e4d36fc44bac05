/**
 * The console shows people Chinese only. Some API messages are written "Chinese first with
 * English in brackets" for scripts (the import's row errors); others are English only (validation
 * and state errors, meant for developers). Shared by the server-rendered pages and src/client/admin.
 */

const CJK = /[\u3400-\u9fff]/;

/** A bilingual message without its English part; "" for an English-only message. */
export function chineseOnly(message: string): string {
  if (!CJK.test(message)) return "";
  // The English part is the last thing, in ASCII brackets after a space: " (name is required)".
  // It may quote the file's own Chinese ("unknown column \"爱好\""), so look for its start.
  for (let i = message.indexOf(" ("); i >= 0; i = message.indexOf(" (", i + 1)) {
    const tail = message.slice(i).trimEnd();
    if (tail.endsWith(")") && /[A-Za-z]{2}/.test(tail)) return message.slice(0, i);
  }
  return message;
}
