import type { CampaignStatus } from "../../domain/campaign-status";
import type { Messages } from "../i18n";

/** Times shown to readers: "2026年11月29日 20:00" in the campaign's zone. */
export function formatLocal(ms: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(ms));
}

export function countdownText(m: Messages, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60000));
  return m.countdown(Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60);
}

/** Status badge with a live countdown to opening or closing. */
export function StatusLine(props: {
  m: Messages;
  status: CampaignStatus;
  opensAt: number;
  closesAt: number;
  now: number;
}) {
  const { m, status, opensAt, closesAt, now } = props;
  const target = status === "upcoming" ? opensAt : status === "open" ? closesAt : null;
  return (
    <p class="status-line">
      <span class={`badge badge-${status}`}>{m.status[status]}</span>
      {target !== null && (
        <span
          class="countdown"
          data-countdown={target}
          data-kind={status === "upcoming" ? "opens" : "closes"}
        >
          {status === "upcoming" ? m.opensIn : m.closesIn}{" "}
          <strong>{countdownText(m, target - now)}</strong>
        </span>
      )}
    </p>
  );
}
