import { localInputValue } from "./format";
import { NoticeFieldset, type NoticeValues } from "./notice-fields";
import { IDENTITY_MODE_LABEL, NOMINEE_ORDER_LABEL, SHOW_COUNTS_LABEL } from "./text";

export interface CampaignFormValues {
  slug: string;
  title: string;
  organizer: string;
  description: string;
  timeZone: string;
  opensAt: number;
  closesAt: number;
  likesPerCandidatePerDay: number;
  likesPerVoterPerDay: number | null;
  showCounts: string;
  nomineeOrder: string;
  draft: boolean;
  challengePrefixPerMinute: number | null;
  challengeVoterPerMinute: number | null;
  challengeDifficulty: number;
  holdFlagged: boolean;
  retentionDays: number | null;
  /** Issue 13 item 5: `cookie` (default) or `wechat`. */
  identityMode?: string;
  /** 公示期 and objection contact (issue 14); empty for a new campaign. */
  notice?: NoticeValues;
}

const optionalNumber = (n: number | null) => (n === null ? "" : String(n));

const ZONES = [
  "Asia/Shanghai",
  "Asia/Urumqi",
  "Asia/Hong_Kong",
  "Asia/Macau",
  "Asia/Taipei",
  "Asia/Tokyo",
  "Europe/London",
  "UTC",
];

/**
 * The campaign's settings, for a new campaign (POST /api/admin/campaigns) or an existing one
 * (PATCH /api/admin/campaigns/:slug). Times are entered as wall-clock times in the campaign's zone;
 * the script sends them as ISO 8601 with that zone's offset. Observers get it read-only.
 */
export function CampaignForm(props: {
  mode: "create" | "edit";
  values: CampaignFormValues;
  readOnly?: boolean;
  /** Whether likes exist (changing the slug then breaks links people have shared). */
  hasLikes?: boolean;
}) {
  const { mode, values: v, readOnly } = props;
  const id = (name: string) => `${mode}-${name}`;
  const hint = (name: string) => `${mode}-${name}-hint`;
  return (
    <form
      class="campaign-form stack"
      method="post"
      data-form="campaign"
      data-mode={mode}
      data-slug={mode === "edit" ? v.slug : undefined}
      novalidate
    >
      <fieldset disabled={readOnly} class="plain">
        <legend class="visually-hidden">{mode === "create" ? "新建活动" : "活动设置"}</legend>
        <div class="field">
          <label for={id("title")}>标题</label>
          <input
            id={id("title")}
            name="title"
            type="text"
            required
            maxlength={200}
            value={v.title}
          />
        </div>
        <div class="field">
          <label for={id("slug")}>网址标识</label>
          <input
            id={id("slug")}
            name="slug"
            type="text"
            required
            pattern="[a-z0-9][a-z0-9\-]{1,62}"
            maxlength={63}
            autocapitalize="none"
            spellcheck={false}
            aria-describedby={hint("slug")}
            value={v.slug}
          />
          <p class="hint" id={hint("slug")}>
            2–63 个小写字母、数字或连字符，例如 zuimei-xinfang；公开网址为 /c/网址标识。
            {props.hasLikes && " 已有点赞：修改后，已经分享出去的链接将失效。"}
          </p>
        </div>
        <div class="field">
          <label for={id("organizer")}>主办单位</label>
          <input
            id={id("organizer")}
            name="organizer"
            type="text"
            required
            maxlength={200}
            value={v.organizer}
          />
        </div>
        <div class="field">
          <label for={id("description")}>编者按</label>
          <textarea
            id={id("description")}
            name="description"
            rows={5}
            maxlength={20000}
            aria-describedby={hint("description")}
          >
            {v.description}
          </textarea>
          <p class="hint" id={hint("description")}>
            段落之间空一行。
          </p>
        </div>
        <div class="field">
          <label for={id("timeZone")}>时区</label>
          <input
            id={id("timeZone")}
            name="timeZone"
            type="text"
            list={id("zones")}
            required
            autocapitalize="none"
            spellcheck={false}
            aria-describedby={hint("timeZone")}
            value={v.timeZone}
          />
          <datalist id={id("zones")}>
            {ZONES.map((z) => (
              <option value={z} />
            ))}
          </datalist>
          <p class="hint" id={hint("timeZone")}>
            “每天”的点赞次数按该时区的零点计算；下面的时间也按该时区填写。默认
            Asia/Shanghai（北京时间）。
          </p>
        </div>
        <div class="row-2">
          <div class="field">
            <label for={id("opensAt")}>开始投票时间</label>
            <input
              id={id("opensAt")}
              name="opensAt"
              type="datetime-local"
              required
              value={localInputValue(v.opensAt, v.timeZone)}
            />
          </div>
          <div class="field">
            <label for={id("closesAt")}>结束投票时间</label>
            <input
              id={id("closesAt")}
              name="closesAt"
              type="datetime-local"
              required
              value={localInputValue(v.closesAt, v.timeZone)}
            />
          </div>
        </div>
        <div class="row-2">
          <div class="field">
            <label for={id("likesPerCandidatePerDay")}>每人每天对每位候选人可点赞（次）</label>
            <input
              id={id("likesPerCandidatePerDay")}
              name="likesPerCandidatePerDay"
              type="number"
              inputmode="numeric"
              min={1}
              max={100}
              step={1}
              required
              value={String(v.likesPerCandidatePerDay)}
            />
          </div>
          <div class="field">
            <label for={id("likesPerVoterPerDay")}>每人每天最多点赞（次）</label>
            <input
              id={id("likesPerVoterPerDay")}
              name="likesPerVoterPerDay"
              type="number"
              inputmode="numeric"
              min={1}
              max={10000}
              step={1}
              aria-describedby={hint("likesPerVoterPerDay")}
              value={v.likesPerVoterPerDay === null ? "" : String(v.likesPerVoterPerDay)}
            />
            <p class="hint" id={hint("likesPerVoterPerDay")}>
              留空表示不限总次数。
            </p>
          </div>
        </div>
        <div class="row-2">
          <div class="field">
            <label for={id("showCounts")}>票数公开方式</label>
            <select id={id("showCounts")} name="showCounts">
              {Object.entries(SHOW_COUNTS_LABEL).map(([value, label]) => (
                <option value={value} selected={v.showCounts === value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={id("nomineeOrder")}>候选人排列</label>
            <select id={id("nomineeOrder")} name="nomineeOrder">
              {Object.entries(NOMINEE_ORDER_LABEL).map(([value, label]) => (
                <option value={value} selected={v.nomineeOrder === value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="check">
          <input
            id={id("draft")}
            name="draft"
            type="checkbox"
            checked={v.draft}
            aria-describedby={hint("draft")}
          />
          <label for={id("draft")}>草稿</label>
          <p class="hint" id={hint("draft")}>
            草稿对公众不可见。“开始投票”会自动取消草稿。
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>防刷与隐私</legend>
        <div class="row-2">
          <div class="field">
            <label for={id("challengePrefixPerMinute")}>同一网段每分钟超过（次）需验证</label>
            <input
              id={id("challengePrefixPerMinute")}
              name="challengePrefixPerMinute"
              type="number"
              inputmode="numeric"
              min={0}
              max={1000}
              step={1}
              aria-describedby={hint("challengePrefixPerMinute")}
              value={optionalNumber(v.challengePrefixPerMinute)}
            />
            <p class="hint" id={hint("challengePrefixPerMinute")}>
              同一网段（IPv4 /24、IPv6
              /64）一分钟内点赞达到此数后，新的点赞需浏览器完成几秒钟的计算验证（不依赖境外服务）。整个单位共用一个出口
              IP 也能继续投票。留空表示从不验证。
            </p>
          </div>
          <div class="field">
            <label for={id("challengeVoterPerMinute")}>同一投票人每分钟超过（次）需验证</label>
            <input
              id={id("challengeVoterPerMinute")}
              name="challengeVoterPerMinute"
              type="number"
              inputmode="numeric"
              min={0}
              max={1000}
              step={1}
              aria-describedby={hint("challengeVoterPerMinute")}
              value={optionalNumber(v.challengeVoterPerMinute)}
            />
            <p class="hint" id={hint("challengeVoterPerMinute")}>
              留空表示从不验证。
            </p>
          </div>
        </div>
        <div class="row-2">
          <div class="field">
            <label for={id("challengeDifficulty")}>验证强度</label>
            <input
              id={id("challengeDifficulty")}
              name="challengeDifficulty"
              type="number"
              inputmode="numeric"
              min={1000}
              max={5000000}
              step={1000}
              required
              aria-describedby={hint("challengeDifficulty")}
              value={String(v.challengeDifficulty)}
            />
            <p class="hint" id={hint("challengeDifficulty")}>
              最多尝试次数，平均一半。默认 50000：电脑不到 1 秒，旧手机约 1–3
              秒。越大越能拖慢刷票脚本，也越费手机电量。
            </p>
          </div>
          <div class="field">
            <label for={id("retentionDays")}>公布后保留投票明细（天）</label>
            <input
              id={id("retentionDays")}
              name="retentionDays"
              type="number"
              inputmode="numeric"
              min={0}
              max={3650}
              step={1}
              aria-describedby={hint("retentionDays")}
              value={optionalNumber(v.retentionDays)}
            />
            <p class="hint" id={hint("retentionDays")}>
              到期后删除投票人与 IP 的哈希，票数、凭证和存证哈希链保留。留空表示一直保留。
            </p>
          </div>
        </div>
        <div class="check">
          <input
            id={id("holdFlagged")}
            name="holdFlagged"
            type="checkbox"
            checked={v.holdFlagged}
            aria-describedby={hint("holdFlagged")}
          />
          <label for={id("holdFlagged")}>异常时暂存待核验</label>
          <p class="hint" id={hint("holdFlagged")}>
            某个网段或某位候选人的点赞突然异常增多时，新的点赞先记录、发给凭证，但暂不计入公开票数，由主办方在“异常复核”中核验后计入或作废。投票人会看到“已记录，待核验”。
          </p>
        </div>
      </fieldset>
      <IdentityModeField
        id={id}
        hint={hint}
        value={v.identityMode ?? "cookie"}
        readOnly={readOnly}
      />
      <NoticeFieldset mode={mode} values={v.notice} timeZone={v.timeZone} readOnly={readOnly} />
      <p class="form-error" role="alert" data-form-error />
      {!readOnly && (
        <p>
          <button type="submit" class="button">
            {mode === "create" ? "创建活动" : "保存修改"}
          </button>
        </p>
      )}
    </form>
  );
}

/**
 * Who a voter is (issue 13 item 5): the browser's voter cookie, or one WeChat account per voter
 * through 微信网页授权. A block of its own, so other settings can be added around it.
 */
function IdentityModeField(props: {
  id: (name: string) => string;
  hint: (name: string) => string;
  value: string;
  readOnly?: boolean;
}) {
  const { id, hint } = props;
  return (
    <fieldset disabled={props.readOnly}>
      <legend>投票身份</legend>
      <div class="field">
        <label for={id("identityMode")}>一位投票人是</label>
        <select id={id("identityMode")} name="identityMode" aria-describedby={hint("identityMode")}>
          {Object.entries(IDENTITY_MODE_LABEL).map(([value, label]) => (
            <option value={value} selected={props.value === value}>
              {label}
            </option>
          ))}
        </select>
        <p class="hint" id={hint("identityMode")}>
          “微信账号”：点赞前需在微信中打开页面，由微信静默确认身份（snsapi_base，只取匿名 openid
          的加密摘要，不取昵称头像，不要求关注）；微信外的访客看到二维码。需先配置公众号
          WECHAT_APP_ID / WECHAT_APP_SECRET 和网页授权域名（见运维文档）。
        </p>
      </div>
    </fieldset>
  );
}
