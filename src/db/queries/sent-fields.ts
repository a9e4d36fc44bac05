import type { StoredPhoto } from "../schema";

/*
 * From a request's fields to columns, for an INSERT or an UPDATE's SET: only what was sent
 * (undefined = not sent), so a PATCH changes what it names and keeps the rest.
 */

/** The fields of `input` named in `keys` that were sent, under the same names. */
export function sent<T extends object, K extends keyof T>(
  input: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: T[P] } = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out as { [P in K]?: Exclude<T[P], undefined> };
}

/** The profile a nominee and a unit's nomination share, as the API names it (`group`). */
export interface ProfileFields {
  name?: string;
  position?: string;
  unit?: string;
  group?: string;
  headline?: string;
  story?: string[];
  photos?: { url: string; caption?: string }[];
}

/**
 * Its columns (the nominee's and the nomination's are the same, schema/columns.ts
 * `profileColumns`), the fields sent only; a photo without a caption gets "".
 */
export function profileValues(p: ProfileFields) {
  return {
    ...sent(p, ["name", "position", "unit"]),
    ...(p.group !== undefined && { groupName: p.group }),
    ...sent(p, ["headline", "story"]),
    ...(p.photos !== undefined && {
      photos: p.photos.map((x): StoredPhoto => ({ url: x.url, caption: x.caption ?? "" })),
    }),
  };
}
