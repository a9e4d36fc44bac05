import { CAMPAIGN_LIMITS } from "../../validators/campaign";
import { LEDGER_LIMITS as L } from "../../validators/ledger-status";
import { zoneName } from "../zones";
import { CodeInput, Input, named, Select } from "./components/field";
import { localInputValue } from "./format";

/** What a link from the review queue fills into the void form. */
export interface VoidPrefill {
  number?: number;
  network?: string;
  voterHash?: string;
  from?: number;
  to?: number;
}

/**
 * The manual void form on the dashboard (admins): nominee, time range and network, filled in from
 * the review queue's links; a preview of how many likes match before it commits
 * (client/admin/dashboard.ts `setupVoid`).
 */
export function VoidPanel(props: {
  tz: string;
  nominees: { number: number; name: string }[];
  prefill?: VoidPrefill;
}) {
  const { tz } = props;
  const pre = props.prefill ?? {};
  const time = (ms: number | undefined) => (ms === undefined ? undefined : localInputValue(ms, tz));
  const hash = `[0-9a-f]{${L.hash}}`;
  return (
    <details class="panel void-panel" id="void-panel" open={props.prefill !== undefined}>
      <summary>
        <h2>核减可疑点赞</h2>
      </summary>
      <p class="muted">
        按候选人、时间段和网段核减（可组合，至少填时间段、网段或哈希之一）。从“异常审查”里的标记点“按此核减…”会自动填好。提交前先预览有多少条点赞符合条件；核减的点赞不删除，在明细中标为已核减并记录原因和操作人，之后可在“异常审查”中恢复；重复提交不会重复核减。
      </p>
      <form data-form="void" method="post" class="stack" novalidate>
        <Select {...named("void", "number")} label="候选人">
          <option value="">全部候选人</option>
          {[...props.nominees]
            .sort((a, b) => a.number - b.number)
            .map((r) => (
              <option value={String(r.number)} selected={pre.number === r.number}>
                {r.number}号 {r.name}
              </option>
            ))}
        </Select>
        <div class="row-2">
          <Input
            {...named("void", "from")}
            label={`从（${zoneName(tz)}）`}
            type="datetime-local"
            step={1}
            value={time(pre.from)}
          />
          <Input
            {...named("void", "to")}
            label="到（不含）"
            type="datetime-local"
            step={1}
            value={time(pre.to)}
          />
        </div>
        <CodeInput
          {...named("void", "network")}
          label="网段（异常审查中的网段标识）"
          limit={L.network}
          value={pre.network}
        />
        <details class="advanced">
          <summary>按投票人或 IP 哈希（见投票明细 votes.csv 的“投票人哈希”“IP哈希”列）</summary>
          <div class="row-2">
            <CodeInput
              {...named("void", "voterHash")}
              label="投票人哈希"
              pattern={hash}
              limit={L.hash}
              value={pre.voterHash}
            />
            <CodeInput {...named("void", "ipHash")} label="IP 哈希" pattern={hash} limit={L.hash} />
          </div>
        </details>
        <Input
          {...named("void", "reason")}
          label="原因（必填，记入明细和日志）"
          required
          limit={CAMPAIGN_LIMITS.reason}
        />
        <p class="void-preview" role="status" aria-live="polite" data-void-preview />
        <p class="form-error" role="alert" data-form-error />
        <p class="form-ok" role="status" data-form-ok />
        <p class="actions">
          <button type="button" class="button secondary" data-void-preview-button>
            预览符合条件的点赞
          </button>
          <button type="submit" class="button danger">
            核减
          </button>
        </p>
      </form>
    </details>
  );
}
