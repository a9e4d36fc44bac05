import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { chars, maxChars, Text } from "../../src/validators/common";

describe("chars", () => {
  it("counts code points: a character outside the BMP is one", () => {
    expect(chars("")).toBe(0);
    expect(chars("吉a")).toBe(2);
    expect(chars("𠮷吉")).toBe(2);
    expect(chars("𠮷".repeat(50))).toBe(50);
    expect(chars("👍🏽")).toBe(2);
  });

  it("counts a lone surrogate as one", () => {
    expect(chars("\uD842")).toBe(1);
    expect(chars("a\uDFB7b")).toBe(3);
    expect(chars("\uD842\uD842\uDFB7")).toBe(2);
  });
});

describe("maxChars", () => {
  it("is valibot's max_length, counted in characters", () => {
    const schema = v.pipe(v.string(), maxChars(2, "too long"));
    expect(v.safeParse(schema, "𠮷𠮷").success).toBe(true);
    const result = v.safeParse(schema, "𠮷𠮷𠮷");
    expect(result.issues?.[0]).toMatchObject({
      type: "max_length",
      requirement: 2,
      received: "3",
      message: "too long",
    });
  });

  it("limits Text after trimming", () => {
    expect(v.parse(Text(3, "name"), "  𠮷吉a  ")).toBe("𠮷吉a");
    expect(v.safeParse(Text(3, "name"), "𠮷吉ab").issues?.[0]?.message).toBe(
      "name must be at most 3 characters",
    );
  });
});
