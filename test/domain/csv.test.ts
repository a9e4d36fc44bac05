import { describe, expect, it } from "vitest";
import {
  CsvError,
  csvCell,
  csvLine,
  decodeSpreadsheet,
  parseCsv,
  parseCsvRecords,
  UTF8_BOM,
} from "../../src/domain/csv";
import { NOMINEES_GBK_CSV, NOMINEES_UTF8_BOM_CSV } from "../fixtures/spreadsheets";

const hex = (s: string) => new Uint8Array(s.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? []);

describe("csvCell", () => {
  it("leaves plain text alone", () => {
    expect(csvCell("陈顺")).toBe("陈顺");
    expect(csvCell("")).toBe("");
  });

  it("quotes separators, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell("市信访局, 办公室")).toBe('"市信访局, 办公室"');
    expect(csvCell('他说："没有小事"')).toBe('"他说：""没有小事"""');
    expect(csvCell("第一段\n第二段")).toBe('"第一段\n第二段"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("quotes leading and trailing spaces so no reader trims them", () => {
    expect(csvCell(" 陈顺")).toBe('" 陈顺"');
    expect(csvCell("陈顺 ")).toBe('"陈顺 "');
  });

  it("neutralises text that starts like a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+86 138 0000 0000")).toBe("'+86 138 0000 0000");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell(" =1+1")).toBe("' =1+1");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it("does not neutralise those characters later in the text", () => {
    expect(csvCell("1+1=2")).toBe("1+1=2");
    expect(csvCell("a@b.cn")).toBe("a@b.cn");
  });

  it("writes numbers as numbers, negatives included, never prefixed", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(1024)).toBe("1024");
    expect(csvCell(3.5)).toBe("3.5");
  });

  it("writes null, undefined and non-finite numbers as empty", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("");
  });
});

describe("csvLine", () => {
  it("joins with commas and ends with CRLF", () => {
    expect(csvLine([1, "陈顺", "a,b", null, "=x"])).toBe('1,陈顺,"a,b",,\'=x\r\n');
  });

  it("writes an empty record as a bare CRLF", () => {
    expect(csvLine([])).toBe("\r\n");
  });
});

describe("UTF8_BOM", () => {
  it("is U+FEFF, EF BB BF in UTF-8", () => {
    expect([...new TextEncoder().encode(UTF8_BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","he said ""hi""","x\r\ny"\r\n')).toEqual([
      ["a", "b,c", 'he said "hi"', "x\r\ny"],
    ]);
  });

  it("accepts CRLF, LF and CR line ends", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f\rg,h")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ]);
  });

  it("makes no empty row from a trailing line end and skips empty lines", () => {
    expect(parseCsv("a\r\n\r\nb\r\n")).toEqual([["a"], ["b"]]);
    expect(parseCsv("a\n\n\n")).toEqual([["a"]]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\r\n")).toEqual([]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv(",a,,\r\n")).toEqual([["", "a", "", ""]]);
    expect(parseCsv('""')).toEqual([[""]]);
  });

  it("strips a leading BOM, and only a leading one", () => {
    expect(parseCsv(`${UTF8_BOM}姓名,单位\r\n`)).toEqual([["姓名", "单位"]]);
    expect(parseCsv(`a,${UTF8_BOM}b`)).toEqual([["a", `${UTF8_BOM}b`]]);
  });

  it("is lenient like spreadsheets with stray quotes", () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', "d"]]);
    expect(parseCsv('"a"b,c')).toEqual([["ab", "c"]]);
  });

  it("throws CsvError with the line of an unterminated quote", () => {
    const text = 'name,story\r\n陈顺,ok\r\n郭宣佑,"never closed\r\nmore';
    expect(() => parseCsv(text)).toThrow(CsvError);
    try {
      parseCsv(text);
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).line).toBe(3);
    }
  });

  it("reads back what csvLine writes", () => {
    const cells = ["陈顺", "a,b", 'q"q', "line1\nline2", " pad ", "", "末尾"];
    expect(parseCsv(csvLine(cells) + csvLine(["x"]))).toEqual([cells, ["x"]]);
  });
});

describe("parseCsvRecords", () => {
  it("numbers rows as a spreadsheet does: blank lines count, multi-line cells do not", () => {
    const records = parseCsvRecords('h1,h2\r\n1,"two\r\nlines"\r\n\r\n3,x\r\n');
    expect(records.map((r) => [r.row, r.line, r.cells[0]])).toEqual([
      [1, 1, "h1"],
      [2, 2, "1"],
      [4, 5, "3"],
    ]);
  });
});

describe("decodeSpreadsheet", () => {
  // Python: "姓名,单位\r\n陈顺,临县信访局".encode("gbk")
  const GBK = hex("d0d5c3fb2cb5a5cebb0d0ab3c2cbb32cc1d9cfd8d0c5b7c3bed6");

  it("decodes GBK bytes, as Excel saves CSV on Chinese Windows", () => {
    expect(decodeSpreadsheet(GBK)).toEqual({
      text: "姓名,单位\r\n陈顺,临县信访局",
      encoding: "gbk",
    });
  });

  it("accepts an ArrayBuffer", () => {
    expect(decodeSpreadsheet(GBK.slice().buffer).text).toBe("姓名,单位\r\n陈顺,临县信访局");
  });

  it("decodes GB18030 four-byte sequences (rare characters in names)", () => {
    // Python: "name\r\n王𠮷\r\n".encode("gb18030")
    expect(decodeSpreadsheet(hex("6e616d650d0acdf59534b2350d0a"))).toEqual({
      text: "name\r\n王𠮷\r\n",
      encoding: "gbk",
    });
  });

  it("decodes UTF-8 with a BOM, dropping the BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("姓名\r\n")]);
    expect(decodeSpreadsheet(bytes)).toEqual({ text: "姓名\r\n", encoding: "utf-8" });
  });

  it("decodes UTF-8 without a BOM", () => {
    expect(decodeSpreadsheet(new TextEncoder().encode("姓名,单位"))).toEqual({
      text: "姓名,单位",
      encoding: "utf-8",
    });
  });

  it("marks bytes that are neither UTF-8 nor GBK with U+FFFD", () => {
    const { text, encoding } = decodeSpreadsheet(new Uint8Array([0x41, 0xff, 0x42]));
    expect(encoding).toBe("gbk");
    expect(text).toBe("A\uFFFDB");
  });

  it("reads the committed fixtures to the same sheet", () => {
    const gbk = decodeSpreadsheet(NOMINEES_GBK_CSV);
    const utf8 = decodeSpreadsheet(NOMINEES_UTF8_BOM_CSV);
    expect(gbk.encoding).toBe("gbk");
    expect(utf8.encoding).toBe("utf-8");
    expect(gbk.text).toBe(utf8.text);
    const rows = parseCsv(gbk.text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      "编号",
      "姓名",
      "职务",
      "单位",
      "分组",
      "事迹标题",
      "事迹",
      "推荐单位",
    ]);
    expect(rows[1]?.[6]).toBe(
      '扎根信访一线十余年，接待群众三千余人次。\n他常说："群众的事没有小事。"',
    );
  });
});
