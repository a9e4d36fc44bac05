import { describe, expect, it } from "vitest";
import {
  IMPORT_LIMITS,
  type ImportPreview,
  type NomineeDraft,
  parseNomineeImport,
} from "../../src/domain/nominee-import";
import { NOMINEES_GBK_CSV, NOMINEES_UTF8_BOM_CSV } from "../fixtures/spreadsheets";

const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (text: string, existing?: ReadonlySet<number>) =>
  parseNomineeImport({ bytes: utf8(text), filename: "nominees.csv" }, existing);
const json = (value: unknown, existing?: ReadonlySet<number>) =>
  parseNomineeImport(
    { bytes: utf8(typeof value === "string" ? value : JSON.stringify(value)), filename: "n.json" },
    existing,
  );
const errorsOf = (p: ImportPreview, row: number) => p.rows.find((r) => r.row === row)?.errors;
const nominees = (p: ImportPreview) => p.rows.flatMap((r) => (r.nominee ? [r.nominee] : []));

const FIXTURE_NOMINEES: NomineeDraft[] = [
  {
    number: 1,
    name: "陈顺",
    position: "主任",
    unit: "临县信访局",
    group: "县市区",
    headline: "把群众的事当自己的事",
    story: ["扎根信访一线十余年，接待群众三千余人次。", '他常说："群众的事没有小事。"'],
    nominatingUnit: "临县",
  },
  {
    number: 2,
    name: "郭宣佑",
    position: "科员",
    unit: "市信访局",
    group: "市直单位",
    headline: "耐心倾听化解矛盾",
    story: ["坚持每周下乡走访，倾听群众诉求。"],
    nominatingUnit: "市信访局",
  },
];

describe("parseNomineeImport: CSV", () => {
  it("reads a GBK CSV as Excel saves it on Chinese Windows", () => {
    const preview = parseNomineeImport({
      bytes: NOMINEES_GBK_CSV,
      contentType: "application/vnd.ms-excel",
      filename: "候选人.csv",
    });
    expect(preview).toEqual({
      format: "csv",
      encoding: "gbk",
      rows: [
        { row: 2, nominee: FIXTURE_NOMINEES[0], errors: [] },
        { row: 3, nominee: FIXTURE_NOMINEES[1], errors: [] },
      ],
      valid: 2,
      invalid: 0,
    });
  });

  it("reads the same sheet saved as CSV UTF-8 (with BOM) to the same nominees", () => {
    const preview = parseNomineeImport({ bytes: NOMINEES_UTF8_BOM_CSV, filename: "a.csv" });
    expect(preview.encoding).toBe("utf-8");
    expect(nominees(preview)).toEqual(FIXTURE_NOMINEES);
  });

  it("reads UTF-8 without BOM, English headers in any case and spacing, columns in any order", () => {
    const preview = csv(
      " Name ,NOMINATING_UNIT,Number,photoUrl,Photo Caption,story\n" +
        '张瑞,临县,7,/media/7.jpg,走访群众,"第一段\n\n第二段"\n',
    );
    expect(preview.encoding).toBe("utf-8");
    expect(preview.rows).toEqual([
      {
        row: 2,
        errors: [],
        nominee: {
          number: 7,
          name: "张瑞",
          position: "",
          unit: "",
          group: "",
          headline: "",
          story: ["第一段", "第二段"],
          nominatingUnit: "临县",
          photoUrl: "/media/7.jpg",
          photoCaption: "走访群众",
        },
      },
    ]);
  });

  it("accepts 标题 as well as 事迹标题, and full-width digits in 编号", () => {
    const preview = csv("编号,姓名,标题\n１２,陈顺,一心为民\n");
    expect(nominees(preview)).toMatchObject([{ number: 12, headline: "一心为民" }]);
  });

  it("lists all three errors of one row, numbered as the sheet shows it", () => {
    const long = "很".repeat(201);
    const preview = csv(`编号,姓名,事迹标题\n1,陈顺,好\n两,,${long}\n`);
    expect(errorsOf(preview, 3)).toEqual([
      "第3行：编号“两”无效，应为 1 到 999999999 的整数 (number must be a whole number from 1 to 999999999)",
      "第3行：缺少姓名 (name is required)",
      "第3行：事迹标题过长：201 字，最多 200 字 (headline is too long: 201 characters, at most 200)",
    ]);
    expect(preview.rows[1]?.nominee).toBeUndefined();
    expect(preview.valid).toBe(1);
    expect(preview.invalid).toBe(1);
  });

  it("counts blank lines and multi-line cells as a spreadsheet does", () => {
    const preview = csv('姓名,事迹\r\n陈顺,"一\r\n二\r\n三"\r\n\r\n,缺名字\r\n');
    expect(preview.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(errorsOf(preview, 4)).toEqual(["第4行：缺少姓名 (name is required)"]);
  });

  it("skips rows of empty cells that Excel leaves behind", () => {
    const preview = csv("姓名,单位\r\n陈顺,临县\r\n,\r\n , \r\n");
    expect(preview.rows).toHaveLength(1);
    expect(preview.invalid).toBe(0);
  });

  it("skips a title row above the header", () => {
    const preview = csv("2026年度榜样候选人名单,,\r\n编号,姓名,单位\r\n5,陈顺,临县\r\n");
    expect(preview.rows).toEqual([
      { row: 3, errors: [], nominee: expect.objectContaining({ number: 5, name: "陈顺" }) },
    ]);
  });

  it("reports unknown columns on the header (row 0) and still checks the rows", () => {
    const preview = csv("序号,姓名,备注\r\n1,陈顺,x\r\n");
    expect(preview.rows[0]?.row).toBe(0);
    expect(preview.rows[0]?.errors).toHaveLength(2);
    expect(preview.rows[0]?.errors[0]).toMatch(/^表头：无法识别的列“序号”（第 1 列）/);
    expect(preview.rows[0]?.errors[1]).toMatch(/^表头：无法识别的列“备注”（第 3 列）/);
    expect(preview.rows[1]).toMatchObject({ row: 2, errors: [], nominee: { name: "陈顺" } });
    expect(preview.valid).toBe(1);
    expect(preview.invalid).toBe(1);
  });

  it("reports two columns meaning the same field", () => {
    const preview = csv("姓名,name\r\n陈顺,陈顺\r\n");
    expect(errorsOf(preview, 0)).toEqual([
      '表头：“姓名”和“name”是同一列 (columns "姓名" and "name" both mean name)',
    ]);
  });

  it("reports a missing name column instead of guessing", () => {
    const preview = csv("编号,单位\r\n1,临县\r\n");
    expect(preview.rows).toHaveLength(1);
    expect(errorsOf(preview, 0)?.[0]).toMatch(/^表头：找不到“姓名”列/);
    expect(preview.valid).toBe(0);
    expect(preview.invalid).toBe(1);
  });

  it("reports cells outside the header's columns", () => {
    const preview = csv("姓名,单位\r\n陈顺,临县,多余\r\n");
    expect(errorsOf(preview, 2)).toEqual([
      "第2行：有 1 个单元格不在任何有表头的列下 (1 cells are outside the header's columns)",
    ]);
  });

  it("splits the story into paragraphs on every line break, trimming indentation", () => {
    const preview = csv('姓名,事迹\r\n陈顺,"　　第一段\r\n　　第二段\n\n\n第三段  "\r\n');
    expect(nominees(preview)[0]?.story).toEqual(["第一段", "第二段", "第三段"]);
  });

  it("folds line breaks in single-line fields into a space", () => {
    const preview = csv('姓名,单位\r\n陈顺,"临县\n信访局"\r\n');
    expect(nominees(preview)[0]?.unit).toBe("临县 信访局");
  });

  it("reports an unterminated quote on row 0 with its line", () => {
    const preview = csv('姓名,事迹\r\n陈顺,"没有闭合\r\n');
    expect(preview.rows).toEqual([
      {
        row: 0,
        errors: ["文件：第 2 行开始的引号没有闭合 (unterminated quote starting on line 2)"],
      },
    ]);
    expect(preview.invalid).toBe(1);
  });

  it("reports an empty file and a header without rows", () => {
    expect(csv("").rows).toEqual([{ row: 0, errors: ["文件：没有内容 (the file is empty)"] }]);
    expect(csv("姓名,单位\r\n").rows).toEqual([
      { row: 0, errors: ["文件：只有表头，没有候选人 (no nominees in the file)"] },
    ]);
  });

  it("flags characters that could not be decoded", () => {
    // 0xFF is neither UTF-8 nor GBK: decoded as U+FFFD.
    const bytes = new Uint8Array([...utf8("name\r\nA"), 0xff, ...utf8("B\r\n")]);
    const preview = parseNomineeImport({ bytes, filename: "x.csv" });
    expect(preview.encoding).toBe("gbk");
    expect(errorsOf(preview, 2)?.[0]).toMatch(/^第2行：姓名含无法识别的字符/);
  });
});

describe("parseNomineeImport: limits", () => {
  it("accepts a 50-character name and refuses 51", () => {
    const preview = csv(`姓名\r\n${"名".repeat(50)}\r\n${"名".repeat(51)}\r\n`);
    expect(errorsOf(preview, 2)).toEqual([]);
    expect(errorsOf(preview, 3)).toEqual([
      "第3行：姓名过长：51 字，最多 50 字 (name is too long: 51 characters, at most 50)",
    ]);
  });

  it("counts characters, not UTF-16 units", () => {
    const preview = csv(`姓名\r\n${"𠮷".repeat(50)}\r\n`);
    expect(errorsOf(preview, 2)).toEqual([]);
  });

  it("limits position, unit and group to 100 and the story to 20,000 characters", () => {
    const x = (n: number) => "字".repeat(n);
    const preview = csv(
      `姓名,职务,单位,分组,事迹\r\n甲,${x(101)},${x(101)},${x(101)},${x(20_001)}\r\n乙,${x(100)},${x(100)},${x(100)},${x(20_000)}\r\n`,
    );
    expect(errorsOf(preview, 2)).toEqual([
      "第2行：职务过长：101 字，最多 100 字 (position is too long: 101 characters, at most 100)",
      "第2行：单位过长：101 字，最多 100 字 (unit is too long: 101 characters, at most 100)",
      "第2行：分组过长：101 字，最多 100 字 (group is too long: 101 characters, at most 100)",
      "第2行：事迹过长：20001 字，最多 20000 字 (story is too long: 20001 characters, at most 20000)",
    ]);
    expect(errorsOf(preview, 3)).toEqual([]);
  });

  it("checks at most 1000 rows and says so on row 0", () => {
    const lines = Array.from({ length: 1001 }, (_, i) => `候选人${i + 1}`);
    const preview = csv(`姓名\r\n${lines.join("\r\n")}\r\n`);
    expect(preview.rows).toHaveLength(IMPORT_LIMITS.rows + 1);
    expect(errorsOf(preview, 0)?.[0]).toMatch(/^文件：最多 1000 位候选人，本文件有 1001 位/);
    expect(preview.valid).toBe(1000);
    expect(preview.invalid).toBe(1);
  });

  it("accepts exactly 1000 rows", () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `候选人${i + 1}`);
    const preview = csv(`姓名\r\n${lines.join("\r\n")}\r\n`);
    expect(preview.valid).toBe(1000);
    expect(preview.invalid).toBe(0);
  });
});

describe("parseNomineeImport: numbers", () => {
  it("assigns blank numbers after the highest existing or given number, in row order", () => {
    const preview = csv("编号,姓名\r\n,甲\r\n10,乙\r\n,丙\r\n", new Set([1, 2, 7]));
    expect(nominees(preview).map((n) => [n.name, n.number])).toEqual([
      ["甲", 11],
      ["乙", 10],
      ["丙", 12],
    ]);
  });

  it("numbers from 1 without a number column or existing nominees", () => {
    const preview = csv("姓名\r\n甲\r\n乙\r\n");
    expect(nominees(preview).map((n) => n.number)).toEqual([1, 2]);
  });

  it("flags every row sharing a number within the file", () => {
    const preview = csv("编号,姓名\r\n3,甲\r\n4,乙\r\n3,丙\r\n");
    const message = "编号 3 在文件中重复（第2、4行） (number 3 appears more than once: rows 2, 4)";
    expect(errorsOf(preview, 2)).toEqual([`第2行：${message}`]);
    expect(errorsOf(preview, 3)).toEqual([]);
    expect(errorsOf(preview, 4)).toEqual([`第4行：${message}`]);
  });

  it("flags numbers already used in the campaign", () => {
    const preview = csv("编号,姓名\r\n5,甲\r\n6,乙\r\n", new Set([5]));
    expect(errorsOf(preview, 2)).toEqual([
      "第2行：编号 5 已被本活动的现有候选人使用 (number 5 is already used in this campaign)",
    ]);
    expect(errorsOf(preview, 3)).toEqual([]);
  });

  it.each(["0", "-1", "1.5", "1000000000", "1e3", "abc"])("refuses number %j", (value) => {
    const preview = csv(`编号,姓名\r\n${value},甲\r\n`);
    expect(errorsOf(preview, 2)?.[0]).toMatch(/^第2行：编号“.+”无效/);
    expect(preview.valid).toBe(0);
  });

  it("accepts 999999999", () => {
    expect(nominees(csv("编号,姓名\r\n999999999,甲\r\n"))[0]?.number).toBe(999_999_999);
  });
});

describe("parseNomineeImport: photos", () => {
  it.each(["https://img.example.cn/a.jpg", "/media/a.jpg"])("accepts %s", (url) => {
    expect(errorsOf(csv(`姓名,照片\r\n甲,${url}\r\n`), 2)).toEqual([]);
  });

  it.each([
    "javascript:alert(1)",
    "http://img.example.cn/a.jpg",
    "//evil.example/a.jpg",
    "data:image/png;base64,AAAA",
    "a.jpg",
  ])("refuses %s", (url) => {
    expect(errorsOf(csv(`姓名,照片\r\n甲,"${url}"\r\n`), 2)).toEqual([
      "第2行：照片地址应以 https:// 或 / 开头 (photoUrl must be an https URL or a path on this site)",
    ]);
  });

  it("refuses a caption without a photo", () => {
    expect(errorsOf(csv("姓名,照片说明\r\n甲,走访\r\n"), 2)).toEqual([
      "第2行：有照片说明但没有照片 (photoCaption given without photoUrl)",
    ]);
  });
});

describe("parseNomineeImport: JSON", () => {
  it("reads an array of objects; story as a string or an array", () => {
    const preview = json([
      { number: 3, name: "陈顺", group: "县市区", story: "第一段\n\n第二段" },
      { name: "郭宣佑", nominatingUnit: "市信访局", story: ["甲", " 乙 ", ""] },
    ]);
    expect(preview.format).toBe("json");
    expect(nominees(preview)).toEqual([
      {
        number: 3,
        name: "陈顺",
        position: "",
        unit: "",
        group: "县市区",
        headline: "",
        story: ["第一段", "第二段"],
        nominatingUnit: "",
      },
      {
        number: 4,
        name: "郭宣佑",
        position: "",
        unit: "",
        group: "",
        headline: "",
        story: ["甲", "乙"],
        nominatingUnit: "市信访局",
      },
    ]);
  });

  it("reads { nominees: [...] }", () => {
    expect(nominees(json({ campaign: "x", nominees: [{ name: "甲" }] }))).toHaveLength(1);
  });

  it("turns malformed JSON into one row-0 error, not an exception", () => {
    const preview = json('[{"name": "甲",]');
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]?.row).toBe(0);
    expect(preview.rows[0]?.errors[0]).toMatch(/^文件：JSON 格式错误/);
    expect(preview.invalid).toBe(1);
  });

  it("refuses JSON that is not a list of nominees", () => {
    expect(errorsOf(json({ name: "甲" }), 0)?.[0]).toMatch(/^文件：JSON 应为候选人数组/);
  });

  it("reports each entry's problems, numbered as entries (第N条)", () => {
    const preview = json([
      "甲",
      { name: 5, nmae: "乙" },
      { name: "丙", number: "7", story: [1, 2] },
      { name: "丁", number: 1.5, unit: null },
      { name: "戊", constructor: "x" },
      { name: null },
    ]);
    expect(errorsOf(preview, 1)).toEqual(["第1条：应为一个对象 (each nominee must be an object)"]);
    expect(errorsOf(preview, 2)).toEqual([
      '第2条：未知字段“nmae” (unknown field "nmae")',
      "第2条：姓名应为文本 (name must be a string)",
    ]);
    expect(errorsOf(preview, 3)).toEqual([
      "第3条：事迹应为文本或文本数组 (story must be a string or an array of strings)",
    ]);
    expect(errorsOf(preview, 4)).toEqual([
      "第4条：编号“1.5”无效，应为 1 到 999999999 的整数 (number must be a whole number from 1 to 999999999)",
    ]);
    expect(errorsOf(preview, 5)).toEqual([
      '第5条：未知字段“constructor” (unknown field "constructor")',
    ]);
    expect(errorsOf(preview, 6)).toEqual(["第6条：缺少姓名 (name is required)"]);
    expect(preview.valid).toBe(0);
    expect(preview.invalid).toBe(6);
  });

  it("reports duplicate numbers as entries", () => {
    const preview = json([
      { number: 2, name: "甲" },
      { number: 2, name: "乙" },
    ]);
    expect(errorsOf(preview, 1)).toEqual([
      "第1条：编号 2 在文件中重复（第1、2条） (number 2 appears more than once: entries 1, 2)",
    ]);
  });
});

describe("parseNomineeImport: detecting the upload", () => {
  const body = utf8('[{"name":"甲"}]');

  it("trusts a JSON content type", () => {
    expect(parseNomineeImport({ bytes: body, contentType: "application/json" }).format).toBe(
      "json",
    );
  });

  it("sniffs JSON when nothing says otherwise", () => {
    expect(parseNomineeImport({ bytes: utf8('  {"nominees":[]}') }).format).toBe("json");
    expect(parseNomineeImport({ bytes: utf8("姓名\r\n甲\r\n") }).format).toBe("csv");
  });

  it("uses the extension when the browser sends Excel's content type for a .csv", () => {
    const preview = parseNomineeImport({
      bytes: utf8("姓名\r\n甲\r\n"),
      contentType: "application/vnd.ms-excel",
      filename: "名单.CSV",
    });
    expect(preview.format).toBe("csv");
    expect(preview.valid).toBe(1);
  });

  it("refuses an Excel workbook with advice", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const preview = parseNomineeImport({ bytes: xlsx, filename: "名单.xlsx" });
    expect(preview.encoding).toBeUndefined();
    expect(errorsOf(preview, 0)?.[0]).toMatch(/^文件：这是 Excel\/WPS 工作簿/);
  });

  it("refuses UTF-16 text with advice", () => {
    const preview = parseNomineeImport({ bytes: new Uint8Array([0xff, 0xfe, 0x53, 0x59]) });
    expect(errorsOf(preview, 0)?.[0]).toMatch(/^文件：这是 UTF-16/);
  });

  it("refuses an oversized upload unread", () => {
    const preview = parseNomineeImport({ bytes: new Uint8Array(IMPORT_LIMITS.bytes + 1) });
    expect(preview.rows).toEqual([
      { row: 0, errors: ["文件：超过 2 MB (the file is larger than 2 MB)"] },
    ]);
  });

  it("never throws, whatever the bytes", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = utf8('",\r\n[]{}:姓名name编号1 ');
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(random() * 200) }, () =>
        random() < 0.7
          ? (alphabet[Math.floor(random() * alphabet.length)] ?? 0)
          : Math.floor(random() * 256),
      );
      const preview = parseNomineeImport({ bytes });
      expect(preview.valid + preview.invalid).toBeLessThanOrEqual(preview.rows.length);
    }
  });
});

describe("parseNomineeImport: every field checked by the nominee schema", () => {
  const long = (n: number) => "字".repeat(n);
  it.each([
    [
      "headline",
      long(201),
      "第1条：事迹标题过长：201 字，最多 200 字 (headline is too long: 201 characters, at most 200)",
    ],
    [
      "nominatingUnit",
      long(101),
      "第1条：推荐单位过长：101 字，最多 100 字 (nominatingUnit is too long: 101 characters, at most 100)",
    ],
    ["unit", 5, "第1条：单位应为文本 (unit must be a string)"],
    [
      "story",
      { a: 1 },
      "第1条：事迹应为文本或文本数组 (story must be a string or an array of strings)",
    ],
    [
      "story",
      [long(10_000), long(10_001)],
      "第1条：事迹过长：20001 字，最多 20000 字 (story is too long: 20001 characters, at most 20000)",
    ],
    [
      "story",
      Array.from({ length: 201 }, () => "段"),
      "第1条：事迹段落过多：201 段，最多 200 段 (story has 201 paragraphs, at most 200)",
    ],
    [
      "photoUrl",
      `https://a.cn/${"a".repeat(2036)}`,
      "第1条：照片过长：2049 字，最多 2048 字 (photoUrl is too long: 2049 characters, at most 2048)",
    ],
    ["photoUrl", 7, "第1条：照片应为文本 (photoUrl must be a string)"],
    [
      "photoUrl",
      "/\\evil.example/a.jpg",
      "第1条：照片地址应以 https:// 或 / 开头 (photoUrl must be an https URL or a path on this site)",
    ],
    ["photoCaption", 7, "第1条：有照片说明但没有照片 (photoCaption given without photoUrl)"],
  ])("refuses %s %j with its own message", (field, value, message) => {
    const preview = json([{ name: "甲", [field]: value }]);
    expect(errorsOf(preview, 1)).toEqual([message]);
    expect(preview.valid).toBe(0);
  });

  it("accepts a photo URL of 2,048 characters, as the API does", () => {
    const url = `https://a.cn/${"a".repeat(2035)}`;
    expect(nominees(json([{ name: "甲", photoUrl: url }]))[0]?.photoUrl).toBe(url);
  });
});
