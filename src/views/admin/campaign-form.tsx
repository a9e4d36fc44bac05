import { CAMPAIGN_LIMITS as L } from "../../validators/campaign";
import { zoneName } from "../zones";
import {
  Check,
  CodeInput,
  fieldAt,
  Input,
  NumberInput,
  Options,
  Select,
  TextArea,
} from "./components/field";
import { FormEnd } from "./components/form";
import { localInputValue } from "./format";
import { NoticeFieldset, type NoticeValues } from "./notice-fields";
import { IDENTITY_MODE_LABEL, INGEST_LABEL, NOMINEE_ORDER_LABEL, SHOW_COUNTS_LABEL } from "./text";

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
  ingest?: string;
  /** N like shards: chosen on create, shown (not editable) afterwards. */
  shards?: number;
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
  const at = fieldAt(mode);
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
        <Input {...at("title")} label="标题" required limit={L.title} value={v.title} />
        <CodeInput
          {...at("slug")}
          label="网址标识"
          required
          pattern="[a-z0-9][a-z0-9\-]{1,62}"
          limit={L.slug}
          value={v.slug}
          hint={
            <>
              2–63 个小写字母、数字或连字符，例如 zuimei-xinfang；公开网址为 /c/网址标识。
              {props.hasLikes && " 已有点赞：修改后，已经分享出去的链接将失效。"}
            </>
          }
        />
        <Input
          {...at("organizer")}
          label="主办单位"
          required
          limit={L.organizer}
          value={v.organizer}
        />
        <TextArea
          {...at("description")}
          label="编者按"
          rows={5}
          limit={L.description}
          value={v.description}
          hint="段落之间空一行。"
        />
        <CodeInput
          {...at("timeZone")}
          label="时区"
          list={`${mode}-zones`}
          required
          value={v.timeZone}
          hint="“每天”的点赞次数按该时区的零点计算；下面的时间也按该时区填写。默认 Asia/Shanghai（北京时间）。"
        />
        <datalist id={`${mode}-zones`}>
          {ZONES.map((z) => (
            <option value={z} label={zoneName(z)} />
          ))}
        </datalist>
        <div class="row-2">
          <Input
            {...at("opensAt")}
            label="开始投票时间"
            type="datetime-local"
            required
            value={localInputValue(v.opensAt, v.timeZone)}
          />
          <Input
            {...at("closesAt")}
            label="结束投票时间"
            type="datetime-local"
            required
            value={localInputValue(v.closesAt, v.timeZone)}
          />
        </div>
        <div class="row-2">
          <NumberInput
            {...at("likesPerCandidatePerDay", "rules.likesPerCandidatePerDay")}
            label="每人每天对每位候选人可点赞（次）"
            min={1}
            max={100}
            required
            value={String(v.likesPerCandidatePerDay)}
          />
          <NumberInput
            {...at("likesPerVoterPerDay", "rules.likesPerVoterPerDay")}
            label="每人每天最多点赞（次）"
            min={1}
            max={10000}
            value={optionalNumber(v.likesPerVoterPerDay)}
            hint="留空表示不限总次数。"
          />
        </div>
        <div class="row-2">
          <Select {...at("showCounts")} label="票数公开方式">
            <Options labels={SHOW_COUNTS_LABEL} value={v.showCounts} />
          </Select>
          <Select {...at("nomineeOrder")} label="候选人排列">
            <Options labels={NOMINEE_ORDER_LABEL} value={v.nomineeOrder} />
          </Select>
        </div>
        <Check
          {...at("draft")}
          label="草稿"
          checked={v.draft}
          hint="草稿对公众不可见。“开始投票”会自动取消草稿。"
        />
      </fieldset>
      <ProtectionFieldset at={at} values={v} />
      <fieldset disabled={readOnly}>
        <legend>投票身份</legend>
        {/* Issue 13 item 5: the browser's voter cookie, or one WeChat account per voter. */}
        <Select
          {...at("identityMode")}
          label="一位投票人是"
          hint="“微信账号”：点赞前需在微信中打开页面，由微信静默确认身份（snsapi_base，只取匿名 openid 的加密摘要，不取昵称头像，不要求关注）；微信外的访客看到二维码。需先配置公众号 WECHAT_APP_ID / WECHAT_APP_SECRET 和网页授权域名（见运维文档）。"
        >
          <Options labels={IDENTITY_MODE_LABEL} value={v.identityMode ?? "cookie"} />
        </Select>
      </fieldset>
      <fieldset disabled={readOnly}>
        <legend>点赞写入方式</legend>
        {/* Issue 16: the voters' like shards (default), or one D1 batch per like. */}
        <Select
          {...at("ingest")}
          label="点赞写入"
          hint="“分片写入”：每位投票人的点赞先在其分片中按规则确认，约一秒内成批写入账本，公开票数最多滞后约一秒；“直接写入”：每个点赞一次写入数据库，无滞后，但每秒上限约五百至一千个点赞。"
        >
          <Options labels={INGEST_LABEL} value={v.ingest ?? "sharded"} />
        </Select>
        {mode === "create" ? (
          <NumberInput
            {...at("shards")}
            label="分片数"
            min={1}
            max={256}
            required
            value={String(v.shards ?? 16)}
            hint="用于“分片写入”。每个分片每秒约可处理五百至一千个点赞，默认 16 个约可承受每秒一万个点赞；预计更多时设为 32 或更多。创建后不能修改。"
          />
        ) : (
          <p class="hint">分片数：{v.shards ?? 16}（创建活动时设定，不能修改）。</p>
        )}
      </fieldset>
      <NoticeFieldset mode={mode} values={v.notice} timeZone={v.timeZone} readOnly={readOnly} />
      {readOnly ? (
        <p class="form-error" role="alert" data-form-error />
      ) : (
        <FormEnd submit={mode === "create" ? "创建活动" : "保存修改"} />
      )}
    </form>
  );
}

/** 防刷与隐私: when likes need a proof of work, holding flagged likes, how long hashes stay. */
function ProtectionFieldset(props: { at: ReturnType<typeof fieldAt>; values: CampaignFormValues }) {
  const { at, values: v } = props;
  const perMinute = { min: 0, max: 1000 };
  return (
    <fieldset>
      <legend>防刷与隐私</legend>
      <div class="row-2">
        <NumberInput
          {...at("challengePrefixPerMinute", "protection.challengePrefixPerMinute")}
          label="同一网段每分钟超过（次）需验证"
          {...perMinute}
          value={optionalNumber(v.challengePrefixPerMinute)}
          hint="同一网段（IPv4 /24、IPv6 /64）一分钟内点赞达到此数后，新的点赞需浏览器完成几秒钟的计算验证（不依赖境外服务）。整个单位共用一个出口 IP 也能继续投票。留空表示从不验证。"
        />
        <NumberInput
          {...at("challengeVoterPerMinute", "protection.challengeVoterPerMinute")}
          label="同一投票人每分钟超过（次）需验证"
          {...perMinute}
          value={optionalNumber(v.challengeVoterPerMinute)}
          hint="留空表示从不验证。"
        />
      </div>
      <div class="row-2">
        <NumberInput
          {...at("challengeDifficulty", "protection.challengeDifficulty")}
          label="验证强度"
          min={1000}
          max={5000000}
          step={1000}
          required
          value={String(v.challengeDifficulty)}
          hint="最多尝试次数，平均一半。默认 50000：电脑不到 1 秒，旧手机约 1–3 秒。越大越能拖慢刷票脚本，也越费手机电量。"
        />
        <NumberInput
          {...at("retentionDays", "protection.retentionDays")}
          label="公布后保留投票明细（天）"
          min={0}
          max={3650}
          value={optionalNumber(v.retentionDays)}
          hint="到期后删除投票人与 IP 的哈希，票数、凭证和存证哈希链保留。留空表示一直保留。"
        />
      </div>
      <Check
        {...at("holdFlagged", "protection.holdFlagged")}
        label="异常时暂存待核验"
        checked={v.holdFlagged}
        hint="某个网段或某位候选人的点赞突然异常增多时，新的点赞先记录、发给凭证，但暂不计入公开票数，由主办方在“异常复核”中核验后计入或作废。投票人会看到“已记录，待核验”。"
      />
    </fieldset>
  );
}
