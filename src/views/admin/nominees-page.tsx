import { MAX_NOMINEE_PHOTOS } from "../../domain/media";
import type { Organizer } from "../../types";
import { count } from "./format";
import { AdminLayout, type CampaignHead } from "./layout";

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
  const id = (f: string) => `${p}-${f}`;
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
        <div class="field">
          <label for={id("number")}>编号</label>
          <input
            id={id("number")}
            name="number"
            type="number"
            inputmode="numeric"
            min={1}
            step={1}
            value={mode === "edit" ? String(n.number) : ""}
            readonly={props.numberLocked}
            aria-describedby={id("number-hint")}
          />
          <p class="hint" id={id("number-hint")}>
            {mode === "create"
              ? "留空则自动使用下一个编号。"
              : props.numberLocked
                ? "已有点赞，编号不能再修改（编号在已分享的链接里）。"
                : "编号用于公开网址，开始投票后请勿修改。"}
          </p>
        </div>
        <div class="field">
          <label for={id("name")}>姓名</label>
          <input id={id("name")} name="name" type="text" required maxlength={50} value={n.name} />
        </div>
      </div>
      <div class="row-2">
        <div class="field">
          <label for={id("position")}>职务</label>
          <input
            id={id("position")}
            name="position"
            type="text"
            maxlength={100}
            value={n.position}
          />
        </div>
        <div class="field">
          <label for={id("unit")}>单位</label>
          <input id={id("unit")} name="unit" type="text" maxlength={100} value={n.unit} />
        </div>
      </div>
      <div class="row-2">
        <div class="field">
          <label for={id("group")}>分组</label>
          <input
            id={id("group")}
            name="group"
            type="text"
            maxlength={100}
            list="known-groups"
            value={n.group}
          />
        </div>
        <div class="field">
          <label for={id("nominatingUnit")}>推荐单位</label>
          <input
            id={id("nominatingUnit")}
            name="nominatingUnit"
            type="text"
            maxlength={100}
            value={n.nominatingUnit}
          />
        </div>
      </div>
      <div class="field">
        <label for={id("headline")}>事迹标题</label>
        <input id={id("headline")} name="headline" type="text" maxlength={200} value={n.headline} />
      </div>
      <div class="field">
        <label for={id("story")}>事迹</label>
        <textarea id={id("story")} name="story" rows={6} aria-describedby={id("story-hint")}>
          {n.story.join("\n\n")}
        </textarea>
        <p class="hint" id={id("story-hint")}>
          每行一段，段落之间可以空一行。文中涉及的群众只写姓氏加“某”。
        </p>
      </div>
      <div class="check">
        <input
          id={id("honoree")}
          name="honoree"
          type="checkbox"
          checked={n.honoree}
          disabled={props.honoreeLocked}
          aria-describedby={props.honoreeLocked ? id("honoree-hint") : undefined}
        />
        <label for={id("honoree")}>当选（一般在“公布结果”时统一勾选）</label>
        {props.honoreeLocked && (
          <p class="hint" id={id("honoree-hint")} data-honoree-locked>
            结果已公布，当选名单已锁定：在这里勾选不会改变已公布的名单。如需更改，请在“实时看板”撤回公布（填写理由），再重新公布。
          </p>
        )}
      </div>
      <p class="form-error" role="alert" data-form-error />
      <p>
        <button type="submit" class="button">
          {mode === "create" ? "添加候选人" : "保存"}
        </button>
      </p>
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
          <div class="field">
            <label for={`n${n.number}-photo`}>
              上传照片（JPEG、PNG 或 WebP，不超过 5 MB；每位候选人最多 {MAX_NOMINEE_PHOTOS} 张）
            </label>
            <input
              id={`n${n.number}-photo`}
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
            />
          </div>
          <div class="field">
            <label for={`n${n.number}-caption`}>照片说明</label>
            <input id={`n${n.number}-caption`} name="caption" type="text" maxlength={200} />
          </div>
          <p class="form-error" role="alert" data-form-error />
          <p>
            <button type="submit" class="button secondary">
              上传照片
            </button>
          </p>
        </form>
      )}
    </div>
  );
}

function ImportSection() {
  return (
    <section class="panel import" aria-labelledby="import-title" data-import>
      <h2 id="import-title">批量导入</h2>
      <p>
        支持 CSV（Excel / WPS“另存为 CSV”，UTF-8 或 GBK 编码均可）和 JSON。第一行是表头，可用的列：
        编号、姓名（必填）、职务、单位、分组、事迹标题、事迹、推荐单位、照片、照片说明。编号留空则自动编号。{" "}
        <a href="/admin/import-template.csv">下载 CSV 模板</a>
      </p>
      <form class="stack" method="post" data-form="import" novalidate>
        <div class="field">
          <label for="import-file">选择文件（不超过 2 MB）</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            required
          />
        </div>
        <p class="form-error" role="alert" data-form-error />
        <p>
          <button type="submit" class="button secondary">
            预览
          </button>
        </p>
      </form>
      <div data-import-preview hidden>
        <p role="status" tabindex={-1} data-import-summary />
        <section class="table-wrap" aria-label="导入预览" tabindex={0}>
          <table class="data preview-table">
            <caption class="visually-hidden">导入预览：每一行及其问题</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  行
                </th>
                <th scope="col">检查结果</th>
                <th scope="col">候选人 / 问题</th>
              </tr>
            </thead>
            <tbody data-import-rows />
          </table>
        </section>
        <p class="form-error" role="alert" data-import-error />
        <div class="button-row">
          <button type="button" class="button" data-import-commit hidden>
            导入
          </button>
          <button type="button" class="button secondary" data-import-cancel>
            取消
          </button>
        </div>
      </div>
    </section>
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
    <AdminLayout
      title={`${c.title} · 候选人`}
      organizer={props.organizer}
      page="nominees"
      campaign={c}
      tab="nominees"
      flash={props.flash}
      data={{ numbers: nominees.map((n) => n.number) }}
    >
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
    </AdminLayout>
  );
}
