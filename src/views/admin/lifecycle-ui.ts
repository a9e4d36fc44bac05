/**
 * Which lifecycle buttons make sense in which status, shared by the dashboard page and its
 * script (which re-evaluates it when a poll sees the status change). The API decides in the end
 * (domain/lifecycle.ts); this only avoids offering buttons that would be refused.
 */

export type LifecycleButton = "open" | "reopen" | "pause" | "resume" | "close" | "publish";

export const LIFECYCLE_BUTTONS: {
  button: LifecycleButton;
  action: "open" | "pause" | "resume" | "close" | "publish";
  label: string;
  /** Asked with confirm() before sending; null sends at once. */
  confirm: string | null;
}[] = [
  {
    button: "open",
    action: "open",
    label: "开始投票",
    confirm: "现在开始投票？活动将对公众可见。",
  },
  {
    button: "reopen",
    action: "open",
    label: "重新开始投票",
    confirm: "重新开始投票？公众将可以继续点赞。",
  },
  { button: "pause", action: "pause", label: "暂停", confirm: null },
  { button: "resume", action: "resume", label: "继续", confirm: null },
  {
    button: "close",
    action: "close",
    label: "结束投票",
    confirm: "现在结束投票？结束后公众不能再点赞。",
  },
  { button: "publish", action: "publish", label: "公布结果", confirm: null },
];

export function lifecycleButtons(status: string, closesAt: number, now: number): LifecycleButton[] {
  switch (status) {
    case "draft":
      return closesAt > now ? ["open"] : [];
    case "upcoming":
      return closesAt > now ? ["open", "close"] : [];
    case "open":
      return ["pause", "close"];
    case "paused":
      return ["resume", "close"];
    case "closed":
      return closesAt > now ? ["publish", "reopen"] : ["publish"];
    default:
      return [];
  }
}
