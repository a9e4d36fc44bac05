import { describe, expect, it } from "vitest";
import { parseNomineeImport } from "../../../src/domain/nominee-import";
import { chineseOnly } from "../../../src/views/admin/messages";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** English words (three letters or more) left in a message the console shows. */
const ENGLISH = /[A-Za-z]{3,}/;

describe("chineseOnly", () => {
  it("drops the English part of the import's bilingual row errors", () => {
    const long = "很".repeat(201);
    const preview = parseNomineeImport(
      {
        bytes: utf8(`编号,姓名,事迹标题,爱好\n1,陈顺,好,x\n两,,${long},y\n1,康峰,好,z\n`),
        filename: "nominees.csv",
      },
      new Set([1]),
    );
    const messages = preview.rows.flatMap((r) => r.errors);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      const shown = chineseOnly(m);
      expect(shown, m).not.toMatch(ENGLISH);
      expect(shown, m).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(chineseOnly("第3行：缺少姓名 (name is required)")).toBe("第3行：缺少姓名");
  });

  it("keeps the Chinese of a message whose brackets are Chinese", () => {
    expect(
      chineseOnly("编号 3 在文件中重复（第2、4行） (number 3 appears more than once: rows 2, 4)"),
    ).toBe("编号 3 在文件中重复（第2、4行）");
    expect(chineseOnly("文件：CSV（UTF-8 编码）")).toBe("文件：CSV（UTF-8 编码）");
  });

  it("shows nothing of an English-only API message", () => {
    expect(chineseOnly("Only submitted nominations can be reviewed (this one is accepted).")).toBe(
      "",
    );
    expect(chineseOnly("title: title must be at most 200 characters")).toBe("");
  });
});
