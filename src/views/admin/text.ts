/**
 * The organizer console's words, Chinese only (the console is for 联席办 staff). Shared by the
 * server-rendered pages and the browser script (src/client/admin.ts bundles this module), so a
 * label is written once. Pure data: no imports, nothing that needs a runtime.
 */

export const ROLE_LABEL: Record<string, string> = {
  admin: "管理员",
  observer: "观察员（只读）",
};

/** Campaign statuses as the console shows them; `draft` is the console's own. */
export const STATUS_LABEL: Record<string, string> = {
  draft: "草稿（未公开）",
  upcoming: "未开始",
  open: "投票中",
  paused: "已暂停",
  closed: "投票已结束",
  published: "结果已公布",
};

/** Why likes were refused, by the API's error code. */
export const REJECTION_LABEL: Record<string, string> = {
  already_liked: "重复点赞",
  daily_quota_exhausted: "超出每日次数",
  rate_limited: "触发流量限制",
  voting_not_open: "投票未开始",
  voting_paused: "投票暂停中",
  voting_closed: "投票已结束",
  candidate_not_found: "候选人不存在",
  challenge_required: "要求安全验证（多数随后验证通过）",
  cross_site: "来自其他网站",
  idempotency_key_reused: "重复提交（同一请求标识用于不同点赞）",
};

/** A unit's nomination, by status. */
export const NOMINATION_STATUS_LABEL: Record<string, string> = {
  draft: "草稿",
  submitted: "待初选",
  returned: "已退回修改",
  accepted: "已通过（已列为候选人）",
  declined: "未通过",
};

/** An anomaly flag, by status. */
export const FLAG_STATUS_LABEL: Record<string, string> = {
  open: "待处理",
  voided: "已核减",
  cleared: "已排除",
};

/** Audit actions. */
export const ACTION_LABEL: Record<string, string> = {
  "campaign.create": "新建活动",
  "campaign.update": "修改活动设置",
  "campaign.delete": "删除活动",
  "campaign.open": "开始投票",
  "campaign.pause": "暂停投票",
  "campaign.resume": "继续投票",
  "campaign.close": "结束投票",
  "campaign.publish": "公布结果",
  "campaign.withdraw": "撤回公布",
  "campaign.republish": "重新公布结果",
  "campaign.copy": "复制为新活动",
  "nominee.create": "添加候选人",
  "nominee.update": "修改候选人",
  "nominee.delete": "删除候选人",
  "nominee.reorder": "调整编号顺序",
  "nominee.import": "批量导入候选人",
  "nominee.photo": "上传照片",
  "votes.void": "核减点赞",
  "votes.void_held": "核减待核验的点赞",
  "votes.release": "计入待核验的点赞",
  "votes.reinstate": "恢复已核减的点赞",
  "flags.void": "异常标记：核减",
  "flags.clear": "异常标记：排除",
  "ledger.seal": "封存哈希链",
  "retention.purge": "删除过期投票明细",
  "retention.shards": "删除点赞分片中的过期投票明细",
  "selection.update": "修改提名或综合计分设置",
  "invitation.create": "生成推荐单位邀请链接",
  "invitation.revoke": "停用推荐单位邀请链接",
  "nomination.submit": "单位提交提名",
  "nomination.accept": "初选通过（列为候选人）",
  "nomination.return": "初选退回修改",
  "nomination.decline": "初选不通过",
  "nomination.reopen": "重新进入初选",
  "juror.create": "添加评委",
  "juror.link": "重新生成评委链接",
  "juror.revoke": "移出评委",
  "scoring.close": "结束评审",
  "scoring.reopen": "重新开放评审",
};

/** The anomaly review's flag kinds, in the console's words. */
export const FLAG_KIND_LABEL: Record<string, { title: string; explain: string }> = {
  nominee_burst: {
    title: "候选人票数突增",
    explain: "这位候选人 10 分钟内的点赞远高于平时。",
  },
  prefix_burst: {
    title: "同一网段集中点赞",
    explain:
      "同一网段（IPv4 /24、IPv6 /64）10 分钟内点赞很多。单位集中组织投票也会出现，请核实后再决定。",
  },
  voter_burst: { title: "同一投票人频繁点赞", explain: "同一投票人 10 分钟内点赞很多。" },
  no_page_load: {
    title: "未打开页面直接点赞",
    explain: "这些点赞来自从未打开过本站页面的客户端（没有访问凭据），常见于脚本。",
  },
  machine_timing: {
    title: "机器般的点赞节奏",
    explain: "同一投票人当天多次点赞的间隔极短或极其规律。",
  },
};

/** Field names in audit snapshots and forms. */
export const FIELD_LABEL: Record<string, string> = {
  slug: "网址标识",
  honourTitle: "荣誉称号",
  issuer: "颁发单位",
  issuedOn: "颁发日期",
  title: "标题",
  organizer: "主办单位",
  description: "编者按",
  timeZone: "时区",
  noticeStartsAt: "公示开始时间",
  noticeEndsAt: "公示结束时间",
  objectionUnit: "异议受理单位",
  objectionPhone: "受理电话",
  objectionEmail: "受理邮箱",
  opensAt: "开始时间",
  closesAt: "结束时间",
  rules: "点赞规则",
  likesPerCandidatePerDay: "每人每天对每位候选人可点赞",
  likesPerVoterPerDay: "每人每天最多点赞",
  protection: "防刷与隐私",
  challengePrefixPerMinute: "同一网段每分钟需验证阈值",
  challengeVoterPerMinute: "同一投票人每分钟需验证阈值",
  challengeDifficulty: "验证强度",
  holdFlagged: "异常时暂存待核验",
  retentionDays: "投票明细保留天数",
  ingest: "点赞写入方式",
  ingestSince: "写入方式变更于",
  shards: "分片数",
  showCounts: "票数公开方式",
  nomineeOrder: "候选人排列",
  identityMode: "投票身份",
  draft: "草稿",
  paused: "暂停",
  closedAt: "手动结束于",
  publishedAt: "公布于",
  number: "编号",
  name: "姓名",
  position: "职务",
  unit: "单位",
  group: "分组",
  groupName: "分组",
  headline: "事迹标题",
  story: "事迹",
  photos: "照片",
  honoree: "当选",
  honorees: "当选名单",
  nominatingUnit: "推荐单位",
  likes: "票数",
  voidedLikes: "已核减",
  order: "新顺序（原编号）",
  count: "数量",
  numbers: "编号",
  filter: "条件",
  reason: "原因",
  voided: "核减票数",
  released: "计入票数",
  reinstated: "恢复票数",
  network: "网段",
  change: "处理记录",
  receipt: "点赞凭证",
  voterHash: "投票人哈希",
  ipHash: "IP 哈希",
  from: "起",
  to: "止",
  nomineeId: "候选人",
  flag: "异常标记",
  kind: "类型",
  subject: "对象",
  checkpoints: "检查点",
  seq: "序号",
  hash: "哈希",
  caption: "说明",
  url: "文件",
  submittedAt: "提交于",
  decidedAt: "决定于",
  nominationsCloseAt: "提名截止时间",
  defaultQuota: "默认名额",
  quota: "名额",
  weightPublic: "大众权重（%）",
  publicMethod: "大众得分计算方法",
  scoringClosedAt: "评审结束于",
  comment: "初选意见",
  contact: "联系人",
  expiresAt: "有效期至",
  revokedAt: "停用于",
  score: "分数",
  status: "状态",
};

/** 点赞写入方式 (issue 16): the campaign form's options and the audit log's values. */
export const INGEST_LABEL: Record<string, string> = {
  sharded: "分片写入（默认，适合大规模投票）",
  direct: "直接写入数据库（小型活动）",
};

export const SHOW_COUNTS_LABEL: Record<string, string> = {
  always: "始终公开",
  after_close: "投票结束后公开",
  never: "不公开",
};

export const IDENTITY_MODE_LABEL: Record<string, string> = {
  cookie: "浏览器标识（默认）",
  wechat: "微信账号（一个微信号一票）",
};

export const NOMINEE_ORDER_LABEL: Record<string, string> = {
  number: "按编号",
  shuffle: "每位访客随机排列（更公平）",
};

/** The API's error codes in the console's words (explain() adds a message's Chinese part, if any). */
export const ERROR_TEXT: Record<string, string> = {
  unauthorized: "登录已失效，请重新登录。",
  forbidden: "观察员只能查看，不能修改。",
  cross_site: "请从本站后台页面操作。",
  invalid_body: "请检查填写的内容",
  invalid_query: "请求参数有误",
  invalid_state: "当前状态下不能这样操作",
  invalid_import: "文件中有错误，未导入任何数据",
  slug_taken: "网址标识已被其他活动使用",
  number_taken: "该编号已被使用",
  campaign_has_likes: "已有点赞记录，不能这样修改",
  nominee_has_likes: "该候选人已有点赞记录，不能删除",
  campaign_not_found: "找不到该评选活动",
  candidate_not_found: "找不到该候选人",
  payload_too_large: "文件太大",
  unsupported_media_type: "文件类型不支持",
  rate_limited: "尝试次数过多，请一分钟后再试。",
  not_found: "找不到该页面或接口",
  comment_required: "退回修改时请填写意见",
  scoring_open: "评审尚未结束",
  invitation_not_found: "找不到该邀请链接",
  nomination_not_found: "找不到该提名",
  juror_not_found: "找不到该评委",
  wechat_not_configured:
    "尚未配置微信公众号（WECHAT_APP_ID / WECHAT_APP_SECRET），不能使用微信投票身份",
  honorees_frozen: "结果已公布，当选名单已锁定：请先在实时看板“撤回公布”，修改后再重新公布",
  too_many_photos: "照片数量已达上限，请先删除不用的照片",
  offline: "网络连接失败，请检查网络后重试。",
  unknown: "操作没有成功，请稍后重试。",
};
