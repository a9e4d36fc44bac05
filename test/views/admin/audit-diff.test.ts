import { describe, expect, it } from "vitest";
import { auditDiff } from "../../../src/views/admin/audit-diff";

const TZ = "Asia/Shanghai";
const nominees = new Map([[12, { number: 2, name: "王瀚东" }]]);
const ctx = { timeZone: TZ, nominees };
/** Every text the log shows for an entry. */
const texts = (lines: ReturnType<typeof auditDiff>) =>
  lines.flatMap((l) => [l.label, l.before, l.after, l.value].filter((x) => x !== undefined));

describe("the audit log's readable changes", () => {
  it("shows a void's reason and filter as facts, the nominee by number, nothing struck", () => {
    const lines = auditDiff(
      { filter: { nomineeId: 12, from: Date.UTC(2026, 10, 20, 4) }, reason: "核查为脚本刷票" },
      { voided: 3 },
      ctx,
    );
    expect(lines.every((l) => l.before === undefined && l.after === undefined)).toBe(true);
    expect(lines.find((l) => l.key === "reason")?.value).toBe("核查为脚本刷票");
    expect(lines.find((l) => l.key === "filter")?.value).toBe(
      "候选人 2号 王瀚东，起 2026-11-20 12:00:00",
    );
    expect(lines.find((l) => l.key === "voided")?.value).toBe("3");
    expect(texts(lines).join()).not.toContain("内部编号");
  });

  it("shows a flag decision with its kind and statuses in Chinese", () => {
    const lines = auditDiff(
      { flag: 7, kind: "machine_timing", subject: "ab12cd34", status: "open" },
      { status: "voided", reason: "间隔一致，判定为脚本", voided: 5 },
      ctx,
    );
    expect(lines.find((l) => l.key === "status")).toMatchObject({
      before: "待处理",
      after: "已核减",
    });
    expect(lines.find((l) => l.key === "flag")?.value).toBe("#7");
    expect(lines.find((l) => l.key === "kind")?.value).toBe("机器般的点赞节奏");
    expect(lines.find((l) => l.key === "reason")?.value).toBe("间隔一致，判定为脚本");
    expect(texts(lines).join()).not.toMatch(/machine_timing|voided|open/);
  });

  it("shows a nomination decision's statuses in Chinese", () => {
    const lines = auditDiff(
      { id: 4, name: "陈顺", unit: "临县", status: "submitted" },
      { id: 4, name: "陈顺", status: "accepted", comment: "" },
      ctx,
    );
    expect(lines.find((l) => l.key === "status")).toMatchObject({
      before: "待初选",
      after: "已通过（已列为候选人）",
    });
    expect(texts(lines).join()).not.toMatch(/submitted|accepted/);
  });

  it("shows times as dates, not epoch milliseconds", () => {
    const at = Date.UTC(2026, 11, 31, 10, 0);
    const lines = [
      ...auditDiff(null, { name: "评委甲", expiresAt: at }, ctx),
      ...auditDiff({ unit: "临县", revokedAt: null }, { unit: "临县", revokedAt: at }, ctx),
      ...auditDiff({ nominationsCloseAt: null }, { nominationsCloseAt: at }, ctx),
    ];
    expect(texts(lines).join()).not.toMatch(/\d{12,}/);
    expect(lines.filter((l) => l.after === "2026-12-31 18:00:00")).toHaveLength(3);
  });

  it("shows photo changes as counts and captions, not JSON", () => {
    const photo = (n: number, caption = "") => ({ url: `/media/x/2/${n}.jpg`, caption });
    const lines = auditDiff(
      { number: 2, photos: [photo(1, "走访群众")] },
      { number: 2, photos: [photo(1, "走访群众"), photo(2)] },
      ctx,
    );
    expect(lines).toEqual([
      { key: "photos", label: "照片", before: "1 张：走访群众", after: "2 张：走访群众、2.jpg" },
    ]);
  });

  it("still strikes what a delete removed and marks what a create added", () => {
    expect(auditDiff({ name: "陈顺" }, null, ctx)).toEqual([
      { key: "name", label: "姓名", before: "陈顺" },
    ]);
    expect(auditDiff(null, { name: "陈顺" }, ctx)).toEqual([
      { key: "name", label: "姓名", after: "陈顺" },
    ]);
  });

  it("names zones in Chinese (北京时间 for the default), as the rest of the console does", () => {
    const zone = (timeZone: string) => texts(auditDiff(null, { timeZone }, ctx));
    expect(zone("Asia/Shanghai")).toEqual(["时区", "北京时间"]);
    expect(zone("Asia/Urumqi")).toEqual(["时区", "乌鲁木齐时间"]);
    // A zone the form does not suggest keeps its IANA name.
    expect(zone("America/New_York")).toEqual(["时区", "America/New_York"]);
  });

  it("shows the ingest setting and the shards' retention purge in Chinese", () => {
    const since = Date.UTC(2026, 11, 6, 6, 7);
    const update = auditDiff(
      { ingest: "sharded", shards: 16, ingestSince: 0 },
      { ingest: "direct", shards: 16, ingestSince: since },
      ctx,
    );
    expect(update).toEqual([
      {
        key: "ingest",
        label: "点赞写入方式",
        before: "分片写入（默认，适合大规模投票）",
        after: "直接写入数据库（小型活动）",
      },
      {
        key: "ingestSince",
        label: "写入方式变更于",
        before: "（未变更）",
        after: "2026-12-06 14:07:00",
      },
    ]);
    const purge = auditDiff(null, { shards: 16, likes: 1200 }, ctx);
    expect(texts(purge)).toEqual(["分片数", "16", "票数", "1200"]);
  });
});
