/**
 * A headline in Chinese quotation marks. Quotes inside it become the inner pair (‘’), as Chinese
 * typesetting nests them, and a headline already wrapped in “” is not wrapped again:
 * 大山里的“信访代办员” → “大山里的‘信访代办员’”, not “大山里的“信访代办员””.
 */
export function quoted(text: string): string {
  const t = text.trim();
  if (/^“[^“”]*”$/.test(t)) return t;
  return `“${t.replace(/“/g, "‘").replace(/”/g, "’")}”`;
}
