import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/domain/csv";
import {
  canonicalResultsCsv,
  EXPORT_HEADERS,
  type ExportRow,
  resultsCsv,
  sha256Hex,
} from "../../src/domain/results-export";

const ROWS: ExportRow[] = [
  {
    rank: 1,
    number: 3,
    name: "陈顺",
    position: "主任",
    unit: "临县信访局",
    group: "县市区",
    likes: 1024,
  },
  {
    rank: 2,
    number: 1,
    name: "=1+1",
    position: "-科员",
    unit: "市信访局, 办公室",
    group: "市直单位",
    likes: 0,
  },
];

const EXPECTED =
  "\uFEFF名次,编号,姓名,职务,单位,分组,票数\r\n" +
  "1,3,陈顺,主任,临县信访局,县市区,1024\r\n" +
  "2,1,'=1+1,'-科员,\"市信访局, 办公室\",市直单位,0\r\n";

describe("resultsCsv", () => {
  it("writes the exact sheet: BOM, Chinese header, contract column order, CRLF, neutralised cells", () => {
    expect(resultsCsv(ROWS)).toBe(EXPECTED);
  });

  it("starts with the bytes EF BB BF", () => {
    const bytes = new TextEncoder().encode(resultsCsv(ROWS));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // and the header follows at once: 名 is E5 90 8D
    expect([...bytes.slice(3, 6)]).toEqual([0xe5, 0x90, 0x8d]);
  });

  it("keeps the columns in the contract order: rank, number, name, position, unit, group, likes", () => {
    expect(EXPORT_HEADERS.en).toEqual([
      "rank",
      "number",
      "name",
      "position",
      "unit",
      "group",
      "likes",
    ]);
    expect(EXPORT_HEADERS.zh).toEqual(["名次", "编号", "姓名", "职务", "单位", "分组", "票数"]);
    const [header, first] = parseCsv(resultsCsv(ROWS));
    expect(header).toEqual([...EXPORT_HEADERS.zh]);
    expect(first).toEqual(["1", "3", "陈顺", "主任", "临县信访局", "县市区", "1024"]);
  });

  it("writes English headers on request", () => {
    expect(resultsCsv(ROWS, "en").split("\r\n")[0]).toBe(
      "\uFEFFrank,number,name,position,unit,group,likes",
    );
  });

  it("keeps the rows in the order given", () => {
    const reversed = parseCsv(resultsCsv([...ROWS].reverse()));
    expect(reversed.slice(1).map((r) => r[1])).toEqual(["1", "3"]);
  });

  it("writes only the BOM and header for no rows", () => {
    expect(resultsCsv([])).toBe("\uFEFF名次,编号,姓名,职务,单位,分组,票数\r\n");
  });

  it("uses one line per row even when a cell holds a line break", () => {
    const text = resultsCsv([{ ...ROWS[0], unit: "临县\n信访局" } as ExportRow]);
    expect(text).toContain('"临县\n信访局"');
    expect(parseCsv(text)).toHaveLength(2);
  });
});

describe("canonicalResultsCsv", () => {
  it("is the default export.csv, BOM included", () => {
    expect(canonicalResultsCsv(ROWS)).toBe(resultsCsv(ROWS, "zh"));
    expect(canonicalResultsCsv(ROWS)).toBe(EXPECTED);
  });
});

describe("sha256Hex", () => {
  it("matches the standard test vector", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("hashes the canonical CSV as UTF-8 bytes, as sha256sum export.csv would", async () => {
    // Python: hashlib.sha256(EXPECTED.encode("utf-8")).hexdigest()
    expect(await sha256Hex(canonicalResultsCsv(ROWS))).toBe(
      "6a1747a56491f28dbe71af19e606f47e08dad721d4d6acc58c1922f65b09705d",
    );
  });
});
