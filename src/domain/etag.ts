/** A strong entity tag: the first 128 bits of the SHA-256 of `text`, quoted. */
export async function strongTag(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, "0"));
  return `"${hex.join("")}"`;
}

/** True when an If-None-Match header names `etag` (or is `*`); weak tags compare by value. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}
