import type { IngestState } from "../../contract/admin";
import { Facts } from "./components/form";
import { count } from "./format";
import { INGEST_LABEL } from "./text";

/** A flush lag past this means the shards are not keeping up, or D1 refuses their flushes. */
const SLOW_MS = 5000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

/**
 * 点赞写入 on the dashboard (issue 16): how likes reach the database and whether any wait. Read
 * when the page loads (every shard answers), not in the 4-second refresh.
 */
export function IngestPanel(props: { s: IngestState }) {
  const { s } = props;
  const sharded = s.ingest === "sharded";
  const slow = sharded && s.pending > 0 && (s.lagP99Ms ?? 0) > SLOW_MS;
  return (
    <section class="panel" aria-labelledby="ingest-title">
      <h2 id="ingest-title">点赞写入</h2>
      <Facts
        class="ingest-meta"
        facts={[
          ["写入方式", sharded ? `分片写入（${s.shards} 个分片）` : INGEST_LABEL[s.ingest]],
          ...(sharded
            ? ([
                ["尚未写入数据库的点赞", count(s.pending)],
                [
                  "写入延迟（最近，99% 不超过）",
                  s.lagP99Ms === null ? "尚无" : seconds(s.lagP99Ms),
                ],
                ["已写入", `${count(s.flushes)} 批，共 ${count(s.flushedLikes)} 票`],
              ] as [string, string][])
            : []),
        ]}
      />
      {sharded && (
        <p class={slow ? "notice" : "muted small"} role={slow ? "status" : undefined}>
          {slow
            ? "点赞写入数据库有延迟。已确认的点赞不会丢失，会在恢复后自动写入；若几分钟后仍未恢复，请联系技术人员。"
            : "每票确认后约 1 秒内写入数据库；结束投票和导出前会先全部写入。刷新页面可更新这些数字。"}
        </p>
      )}
    </section>
  );
}
