/**
 * The largest request bodies accepted, in bytes: a few KB for the public (a like's proof), more
 * for the console's forms and a unit's nomination, an import file, a photo. Routes declare which
 * applies (routes/shared/body-limit.ts); the import also refuses a bigger file by this same number.
 */
export const BODY_BYTES = {
  public: 4 * 1024,
  console: 256 * 1024,
  import: 2 * 1024 * 1024,
  /** Phones' JPEGs are 2–4 MB. */
  photo: 5 * 1024 * 1024,
} as const;
