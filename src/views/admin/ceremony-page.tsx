import type { CertificateValues } from "../../db/queries/ceremony";
import { type CertificateText, nestedQuotes } from "../../domain/certificate";
import type { Organizer } from "../../types";
import { CERTIFICATE_LIMITS } from "../../validators/certificate";
import { Input, named } from "./components/field";
import { FormEnd } from "./components/form";
import { type CampaignHead, CampaignLayout } from "./layout";

/**
 * 颁奖 tab: the link to the 大屏 for the hall's projector, the 荣誉证书 settings (honour, issuer,
 * date, seal image) and the honorees' certificates to print, one or all.
 */
export function CeremonyPage(props: {
  organizer: Organizer;
  campaign: CampaignHead;
  settings: CertificateValues;
  /** What the certificates print with these settings (defaults filled in). */
  text: CertificateText;
  honorees: { number: number; name: string; unit: string }[];
  published: boolean;
  flash?: string;
}) {
  const { campaign: c, settings: s } = props;
  const admin = props.organizer.role === "admin";
  const screen = `/c/${c.slug}/screen`;
  return (
    <CampaignLayout tab="ceremony" organizer={props.organizer} campaign={c} flash={props.flash}>
      <h1>颁奖与展示</h1>
      <section class="panel" aria-labelledby="screen-title">
        <h2 id="screen-title">大屏实时排名</h2>
        <p>
          在会场投影仪或大屏电视上打开下面的链接，按 F 键全屏。排名每 3
          秒自动更新；票数不公开时只显示候选人姓名和投票二维码；结果公布后自动轮播当选者的先进事迹。
        </p>
        <ul class="link-list">
          {[
            [screen, "前 10 名"],
            [`${screen}?top=all`, "全部候选人"],
            [`${screen}?top=5`, "前 5 名"],
          ].map(([href, which], i) => (
            <li>
              <a href={href} target="_blank" rel="noopener" data-screen-link={i === 0 || undefined}>
                打开大屏（{which}）
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section class="panel" aria-labelledby="cert-title">
        <h2 id="cert-title">荣誉证书</h2>
        <p>
          每位当选者一页 A4
          横向证书。留空的项目使用默认值：荣誉称号取活动标题，颁发单位取主办单位，日期取结果公布日。
        </p>
        <form class="form" data-form="certificate" novalidate>
          <fieldset disabled={!admin} class="plain">
            <legend class="visually-hidden">证书设置</legend>
            <Input
              id="cert-honour"
              name="honourTitle"
              label="荣誉称号"
              limit={CERTIFICATE_LIMITS.honourTitle}
              value={s.honourTitle}
              placeholder={props.text.honour}
              hint={`证书写作：荣获“${nestedQuotes(props.text.honour)}”称号。`}
            />
            <Input
              {...named("cert", "issuer")}
              label="颁发单位"
              limit={CERTIFICATE_LIMITS.issuer}
              value={s.issuer}
              placeholder={props.text.issuer}
            />
            <Input id="cert-date" name="issuedOn" label="颁发日期" type="date" value={s.issuedOn} />
          </fieldset>
          {admin ? (
            <FormEnd submit="保存证书设置" />
          ) : (
            <p class="form-error" role="alert" data-form-error />
          )}
        </form>
        <h3>印章图片（可选）</h3>
        {s.sealUrl ? (
          <p>
            <img class="seal-preview" src={s.sealUrl} alt="当前印章图片" width="120" height="120" />
          </p>
        ) : (
          <p>尚未上传印章。证书上只打印颁发单位和日期，可打印后加盖实体印章。</p>
        )}
        {admin && (
          <form class="form" data-form="seal" novalidate>
            <Input
              {...named("seal", "file")}
              label="选择印章图片（PNG 透明背景最佳，不超过 5 MB）"
              type="file"
              accept="image/png,image/jpeg,image/webp"
            />
            <FormEnd
              submit="上传印章"
              kind="secondary"
              extra={
                s.sealUrl && (
                  <>
                    {" "}
                    <button type="button" class="button secondary" data-remove-seal>
                      删除印章
                    </button>
                  </>
                )
              }
            />
          </form>
        )}
        <h3>打印证书</h3>
        {!props.published ? (
          <p>结果公布后才能打印证书。</p>
        ) : props.honorees.length === 0 ? (
          <p>没有当选者。</p>
        ) : (
          <>
            <p>
              <a
                class="button"
                href={`/admin/c/${c.slug}/certificates`}
                target="_blank"
                rel="noopener"
              >
                全部打印（{props.honorees.length} 页）
              </a>
            </p>
            <ul class="link-list" data-certificates>
              {props.honorees.map((n) => (
                <li>
                  <a
                    href={`/admin/c/${c.slug}/certificates/${n.number}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {n.number}号 {n.name}（{n.unit}）
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </CampaignLayout>
  );
}
