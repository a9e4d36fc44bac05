/**
 * Time zones in Chinese, for the pages and the console: the campaign form's suggestions and
 * wherever a zone is named next to a time. A zone outside the list keeps its IANA name.
 */
export const ZONE_ZH: Record<string, string> = {
  "Asia/Shanghai": "北京时间",
  "Asia/Urumqi": "乌鲁木齐时间",
  "Asia/Hong_Kong": "香港时间",
  "Asia/Macau": "澳门时间",
  "Asia/Taipei": "台北时间",
  "Asia/Tokyo": "东京时间",
  "Europe/London": "伦敦时间",
  UTC: "协调世界时（UTC）",
};

/** 北京时间 for the default zone, the Chinese name of a listed one, the IANA name otherwise. */
export function zoneName(timeZone: string): string {
  return ZONE_ZH[timeZone] ?? timeZone;
}
