import { MAX_NOMINEE_PHOTOS } from "../../domain/media";
import type { Organizer } from "../../types";
import { NOMINEE_LIMITS as L } from "../../validators/nominee";
import { Check, Input, NumberInput, named, TextArea } from "./components/field";
import { FormEnd } from "./components/form";
import { count } from "./format";
import { ImportSection } from "./import-section";
import { type CampaignHead, CampaignLayout } from "./layout";

export interface NomineeView {
  number: number;
  name: string;
  position: string;
  unit: string;
  group: string;
  headline: string;
  story: string[];
  photos: { url: string; caption: string }[];
  honoree: boolean;
  nominatingUnit: string;
  likes: number;
  voidedLikes: number;
}

const EMPTY: NomineeView = {
  number: 0,
  name: "",
  position: "",
  unit: "",
  group: "",
  headline: "",
  story: [],
  photos: [],
  honoree: false,
  nominatingUnit: "",
  likes: 0,
  voidedLikes: 0,
};

/** Add (POST) or edit (PATCH) one nominee; `story` is one paragraph per line. */
function NomineeForm(props: {
  mode: "create" | "edit";
  n: NomineeView;
  numberLocked: boolean;
  /** Published: 当选 follows the published list until 撤回公布 (issue 14). */
  honoreeLocked?: boolean;
}) {
  const { n, mode } = props;
  const p = mode === "create" ? "new" : `n${n.number}`;
  const text = (name: keyof typeof L & keyof NomineeView, label: string, attrs = {}) => (
    <Input
      id={`${p}-${name}`}
      name={name}
      label={label}
      limit={L[name]}
      value={String(n[name])}
      {...attrs}
    />
  );
  return (
    <form
      class="stack nominee-form"
      method="post"
      data-form="nominee"
      data-mode={mode}
      data-number={mode === "edit" ? String(n.number) : undefined}
      novalidate
    >
      <div class="row-2">
        <NumberInput
          {...named(p, "number")}
          label="编号"
          min={1}
          value={mode === "edit" ? String(n.number) : ""}
          readonly={props.numberLocked}
          hint={
            mode === "create"
              ? "留空则自动使用下一个编号。"
              : props.numberLocked
                ? "已有点赞，编号不能再修改（编号在已分享的链接里）。"
                : "编号用于公开网址，开始投票后请勿修改。"
          }
        />
        {text("name", "姓名", { required: true })}
      </div>
      <div class="row-2">
        {text("position", "职务")}
        {text("unit", "单位")}
      </div>
      <div class="row-2">
        {text("group", "分组", { list: "known-groups" })}
        {text("nominatingUnit", "推荐单位")}
      </div>
      {text("headline", "事迹标题")}
      <TextArea
        {...named(p, "story")}
        label="事迹"
        rows={6}
        value={n.story.join("\n\n")}
        hint="每行一段，段落之间可以空一行。文中涉及的群众只写姓氏加“某”。"
      />
      <Check
        {...named(p, "honoree")}
        label="当选（一般在“公布结果”时统一勾选）"
        checked={n.honoree}
        disabled={props.honoreeLocked}
        hint={
          props.honoreeLocked
            ? "结果已公布，当选名单已锁定：在这里勾选不会改变已公布的名单。如需更改，请在“实时看板”撤回公布（填写理由），再重新公布。"
            : undefined
        }
        hintData={{ "data-honoree-locked": true }}
      />
      <FormEnd submit={mode === "create" ? "添加候选人" : "保存"} />
    </form>
  );
}

function Photos(props: { n: NomineeView; admin: boolean }) {
  const { n, admin } = props;
  return (
    <div class="photos">
      <h3>照片</h3>
      {n.photos.length === 0 ? (
        <p class="muted">还没有照片。</p>
      ) : (
        <ul class="photo-list" data-photos={JSON.stringify(n.photos)}>
          {n.photos.map((photo, i) => (
            <li>
              <img
                src={photo.url}
                alt={photo.caption || `${n.name}的照片 ${i + 1}`}
                loading="lazy"
                width={96}
                height={128}
              />
              <span class="caption">{photo.caption || "（无说明）"}</span>
              {admin && (
                <button
                  type="button"
                  class="button secondary small"
                  data-remove-photo={String(i)}
                  data-number={String(n.number)}
                >
                  删除照片
                  {/* The spoken name starts with the visible words (WCAG 2.5.3). */}
                  <span class="visually-hidden">
                    （{n.name}的第 {i + 1} 张）
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {admin && (
        <form
          class="stack photo-form"
          method="post"
          data-form="photo"
          data-number={String(n.number)}
        >
          <Input
            id={`n${n.number}-photo`}
            name="file"
            type="file"
            label={`上传照片（JPEG、PNG 或 WebP，不超过 5 MB；每位候选人最多 ${MAX_NOMINEE_PHOTOS} 张）`}
            accept="image/jpeg,image/png,image/webp"
            required
          />
          <Input id={`n${n.number}-caption`} name="caption" label="照片说明" limit={L.caption} />
          <FormEnd submit="上传照片" kind="secondary" />
        </form>
      )}
    </div>
  );
}

export function NomineesPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  nominees: NomineeView[];
  hasLikes: boolean;
  flash?: string;
}) {
  const { campaign: c, nominees } = props;
  const admin = props.organizer.role === "admin";
  const groups = [...new Set(nominees.map((n) => n.group).filter((g) => g !== ""))];
  const canReorder = admin && !props.hasLikes && nominees.length > 1;
  return (
    <CampaignLayout {...props} tab="nominees" data={{ numbers: nominees.map((n) => n.number) }}>
      <h1>候选人（{count(nominees.length)} 位）</h1>
      {!admin && <p class="notice">您以观察员身份登录，只能查看。</p>}
      {admin && props.hasLikes && (
        <p class="notice">已有点赞记录：编号不能再调整，有点赞的候选人不能删除。</p>
      )}
      <datalist id="known-groups">
        {groups.map((g) => (
          <option value={g} />
        ))}
      </datalist>
      {admin && (
        <details class="panel" open={nominees.length === 0}>
          <summary>
            <h2>添加候选人</h2>
          </summary>
          <NomineeForm
            mode="create"
            n={EMPTY}
            numberLocked={false}
            honoreeLocked={c.status === "published"}
          />
        </details>
      )}
      {admin && <ImportSection />}
      {nominees.length === 0 ? (
        <p class="empty">还没有候选人。</p>
      ) : (
        <ol class="nominee-list" data-nominee-list>
          {nominees.map((n, i) => (
            <li class="panel nominee" data-number={String(n.number)}>
              <div class="nominee-head">
                {n.photos[0] ? (
                  <img
                    class="thumb"
                    src={n.photos[0].url}
                    alt=""
                    width={60}
                    height={80}
                    loading="lazy"
                  />
                ) : (
                  <span class="thumb thumb-empty" aria-hidden="true" />
                )}
                <div class="nominee-info">
                  <h2 id={`n-${n.number}`} tabindex={-1}>
                    <span class="card-number">{n.number}号</span> {n.name}
                    {n.honoree && <span class="badge badge-honoree">当选</span>}
                  </h2>
                  <p class="meta">
                    {[n.position, n.unit, n.group].filter((x) => x !== "").join(" · ") ||
                      "（未填写职务和单位）"}
                  </p>
                  <p class="meta">
                    <strong>{count(n.likes)}</strong> 票
                    {n.voidedLikes > 0 && ` · 已核减 ${count(n.voidedLikes)}`} · {n.photos.length}{" "}
                    张照片
                  </p>
                </div>
                {canReorder && (
                  <div class="reorder">
                    <button
                      type="button"
                      class="button secondary small"
                      data-move="up"
                      disabled={i === 0}
                      aria-label={`上移 ${n.number}号 ${n.name}`}
                    >
                      ↑ 上移
                    </button>
                    <button
                      type="button"
                      class="button secondary small"
                      data-move="down"
                      disabled={i === nominees.length - 1}
                      aria-label={`下移 ${n.number}号 ${n.name}`}
                    >
                      ↓ 下移
                    </button>
                  </div>
                )}
              </div>
              <details class="nominee-details">
                <summary>{admin ? `编辑 ${n.name}` : `查看 ${n.name} 的详情`}</summary>
                {admin ? (
                  <>
                    <NomineeForm
                      mode="edit"
                      n={n}
                      numberLocked={props.hasLikes}
                      honoreeLocked={c.status === "published"}
                    />
                    <Photos n={n} admin />
                    <div class="delete-nominee">
                      {n.likes + n.voidedLikes > 0 ? (
                        <p class="muted">该候选人已有点赞记录，不能删除。</p>
                      ) : (
                        <>
                          <p class="form-error" role="alert" data-delete-error />
                          <button
                            type="button"
                            class="button danger"
                            data-delete-nominee={String(n.number)}
                            data-name={n.name}
                          >
                            删除 {n.name}
                          </button>
                        </>
                      )}
                    </div>
                  </>
                ) : (
                  <>
                    <dl class="facts">
                      <dt>事迹标题</dt>
                      <dd>{n.headline || "—"}</dd>
                      <dt>推荐单位</dt>
                      <dd>{n.nominatingUnit || "—"}</dd>
                    </dl>
                    <div class="story">
                      {n.story.map((para) => (
                        <p>{para}</p>
                      ))}
                    </div>
                    <Photos n={n} admin={false} />
                  </>
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
    </CampaignLayout>
  );
}
