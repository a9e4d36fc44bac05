import { describe, expect, it } from "vitest";
import { receiptCode, receiptCodeCandidates } from "../../src/domain/identity";

describe("receiptCodeCandidates", () => {
  it("reads a code however a voter types it", () => {
    for (const typed of [
      "8DEM-EQ8C-3766",
      "8dem-eq8c-3766",
      " 8DEM EQ8C 3766 ",
      "8DEMEQ8C3766",
      "８ＤＥＭ－ＥＱ８Ｃ－３７６６", // full width, from a Chinese keyboard
      "8dem—eq8c—3766",
    ]) {
      expect(receiptCodeCandidates(typed)).toEqual(["8DEM-EQ8C-3766"]);
    }
  });

  it("also reads O, I and L as the digits the codes use instead", () => {
    expect(receiptCodeCandidates("8OEM-EQ8C-37I6")).toEqual(["8OEM-EQ8C-37I6", "80EM-EQ8C-3716"]);
    expect(receiptCodeCandidates("l0l0-0000-0000")).toEqual(["L0L0-0000-0000", "1010-0000-0000"]);
  });

  it("finds nothing in what cannot be a code", () => {
    for (const typed of ["", "8DEM-EQ8C-376", "8DEM-EQ8C-37666", "点赞凭证", "8DEM-EQ8C-376?"]) {
      expect(receiptCodeCandidates(typed)).toEqual([]);
    }
  });

  it("gives back every code the app issues as it is", () => {
    for (let i = 0; i < 200; i++) {
      const code = receiptCode();
      expect(receiptCodeCandidates(code.toLowerCase())).toEqual([code]);
    }
  });
});
