import * as v from "valibot";

/** Query of the nominee list: search across name, 编号 and unit; group filter; order. */
export const CandidateQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.maxLength(100, "q must be at most 100 characters"))),
  group: v.optional(v.pipe(v.string(), v.maxLength(100, "group must be at most 100 characters"))),
  sort: v.optional(v.picklist(["number", "likes"], "sort must be number or likes"), "number"),
});

/** 编号 in a URL: a positive integer without sign or leading zeros. */
export const NomineeNumber = v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/), v.transform(Number));
