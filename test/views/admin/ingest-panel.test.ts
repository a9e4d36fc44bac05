import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import type { IngestState } from "../../../src/contract/admin";
import { IngestPanel } from "../../../src/views/admin/ingest-panel";

const render = (s: IngestState) => String(jsx(IngestPanel, { s }));
const sharded: IngestState = {
  ingest: "sharded",
  shards: 16,
  pending: 0,
  flushes: 877,
  flushedLikes: 14514,
  lagP99Ms: 1020,
};

describe("the dashboard's 点赞写入 panel", () => {
  it("says how likes reach the database, in Chinese, with the shards' figures", () => {
    const out = render(sharded);
    expect(out).toContain("分片写入（16 个分片）");
    expect(out).toContain("尚未写入数据库的点赞");
    expect(out).toContain("1.0 秒");
    expect(out).toContain("877 批，共 14,514 票");
    expect(out).toContain("约 1 秒内写入数据库");
    expect(out).not.toContain("有延迟");
    expect(render({ ...sharded, flushes: 0, flushedLikes: 0, lagP99Ms: null })).toContain("尚无");
  });

  it("warns, without alarm, when likes wait and the lag has grown past 5 s", () => {
    const out = render({ ...sharded, pending: 320, lagP99Ms: 8000 });
    expect(out).toContain("有延迟");
    expect(out).toContain("不会丢失");
    expect(out).toContain('role="status"');
    // A long lag with nothing pending is history, not a present delay.
    expect(render({ ...sharded, pending: 0, lagP99Ms: 8000 })).not.toContain("有延迟");
  });

  it("shows only the path for a direct campaign", () => {
    const out = render({ ...sharded, ingest: "direct", flushes: 0, flushedLikes: 0 });
    expect(out).toContain("直接写入数据库（小型活动）");
    expect(out).not.toContain("分片");
    expect(out).not.toContain("尚未写入");
  });
});
