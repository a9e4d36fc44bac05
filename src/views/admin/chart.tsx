import { isoInZone } from "../../domain/time";
import { zoneName } from "../zones";
import { count } from "./format";

const HOUR = 3_600_000;
export const CHART_HOURS = 48;

/** Hourly buckets for the last 48 hours (the current hour last), zeros filled in. */
export function hourBuckets(
  hours: readonly { hour: number; likes: number }[],
  now: number,
): { hour: number; likes: number }[] {
  const last = Math.floor(now / HOUR) * HOUR;
  const byHour = new Map(hours.map((h) => [h.hour, h.likes]));
  return Array.from({ length: CHART_HOURS }, (_, i) => {
    const hour = last - (CHART_HOURS - 1 - i) * HOUR;
    return { hour, likes: byHour.get(hour) ?? 0 };
  });
}

/** A "nice" axis maximum: 1, 2, 5 × 10^k at or above `max`. */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const exp = 10 ** Math.floor(Math.log10(max));
  const nice =
    [1, 1.2, 1.6, 2, 2.5, 3, 4, 5, 6, 8, 10].map((s) => s * exp).find((v) => v >= max) ?? 10 * exp;
  // Even, so the middle grid line has a whole-number label.
  return nice % 2 === 0 ? nice : nice + 1;
}

const hourLabel = (ms: number, tz: string) => `${isoInZone(ms, tz).slice(11, 13)}时`;
const dayLabel = (ms: number, tz: string) => {
  const iso = isoInZone(ms, tz);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
};

/**
 * Likes per hour over the last 48 hours as an inline SVG bar chart, drawn on the server. For
 * screen readers: role="img" with a title and a summary, and the numbers as a table below.
 */
export function LikesChart(props: {
  hours: readonly { hour: number; likes: number }[];
  now: number;
  timeZone: string;
}) {
  const tz = props.timeZone;
  const buckets = hourBuckets(props.hours, props.now);
  const total = buckets.reduce((s, b) => s + b.likes, 0);
  const peak = buckets.reduce(
    (a, b) => (b.likes > a.likes ? b : a),
    buckets[0] ?? { hour: 0, likes: 0 },
  );
  const lastHour = buckets[buckets.length - 1]?.likes ?? 0;
  const top = niceMax(peak.likes);

  // Narrow on purpose: at a phone's 320 px the labels stay near their 12 px size.
  const W = 360;
  const H = 190;
  const left = 40;
  const right = 8;
  const topPad = 12;
  const bottom = 40;
  const plotW = W - left - right;
  const plotH = H - topPad - bottom;
  const slot = plotW / CHART_HOURS;
  const y = (v: number) => topPad + plotH - (v / top) * plotH;

  const summary =
    total === 0
      ? `最近 48 小时没有新的点赞（${zoneName(tz)}）。`
      : `最近 48 小时共 ${count(total)} 票；最多的一小时是 ${dayLabel(peak.hour, tz)}${hourLabel(peak.hour, tz)}，${count(peak.likes)} 票；最近一小时 ${count(lastHour)} 票（${zoneName(tz)}）。`;

  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="chart-title chart-desc"
        preserveAspectRatio="xMidYMid meet"
        focusable="false"
      >
        <title id="chart-title">每小时点赞数（最近 48 小时）</title>
        <desc id="chart-desc">{summary}</desc>
        {[0, 0.5, 1].map((f) => (
          <g class="grid">
            <line x1={left} x2={W - right} y1={y(top * f)} y2={y(top * f)} />
            <text x={left - 6} y={y(top * f) + 4} text-anchor="end">
              {count(top * f)}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const h = (b.likes / top) * plotH;
          return (
            <rect
              class="bar-rect"
              x={left + i * slot + 1}
              y={topPad + plotH - h}
              width={Math.max(slot - 2, 1)}
              height={h}
            />
          );
        })}
        {buckets.map((b, i) => {
          // Ticks at midnight and noon; the date under midnights and under the first tick.
          const label = hourLabel(b.hour, tz);
          if (label !== "00时" && label !== "12时") return null;
          const first = buckets.findIndex((x) => ["00时", "12时"].includes(hourLabel(x.hour, tz)));
          const x = left + (i + 0.5) * slot;
          return (
            <g class="tick">
              <line x1={x} x2={x} y1={topPad + plotH} y2={topPad + plotH + 5} />
              <text x={x} y={topPad + plotH + 18} text-anchor="middle">
                {label}
              </text>
              {(label === "00时" || i === first) && (
                <text x={x} y={topPad + plotH + 34} text-anchor="middle">
                  {dayLabel(b.hour, tz)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>{summary}</figcaption>
      {total > 0 && (
        <details class="chart-data">
          <summary>查看每小时数据</summary>
          <table class="data compact">
            <caption class="visually-hidden">每小时点赞数（{zoneName(tz)}）</caption>
            <thead>
              <tr>
                <th scope="col">时段</th>
                <th scope="col" class="num">
                  票数
                </th>
              </tr>
            </thead>
            <tbody>
              {buckets
                .filter((b) => b.likes > 0)
                .reverse()
                .map((b) => (
                  <tr>
                    <td>
                      {dayLabel(b.hour, tz)} {hourLabel(b.hour, tz)}
                    </td>
                    <td class="num">{count(b.likes)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
