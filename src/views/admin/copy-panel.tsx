import { CAMPAIGN_LIMITS as L } from "../../validators/campaign";
import { Check, CodeInput, Input, named } from "./components/field";
import { FormEnd } from "./components/form";

/**
 * 复制为新活动 (issue 14): the settings page's form for POST …/copy, and the place where the
 * copied units' and jurors' new links are shown, once, by the script.
 */
export function CopyCampaignPanel(props: { slug: string; title: string; draft: boolean }) {
  return (
    <section class="panel" aria-labelledby="copy-title" data-copy-panel>
      <h2 id="copy-title">复制为新活动</h2>
      <p>
        新活动是草稿，沿用本活动的全部设置、提名与计分设置、推荐单位和评委（均生成新链接），不带点赞、评分和公布结果；候选人只在勾选时复制。
        {props.draft && (
          <>
            {" "}
            本活动是草稿：可先<a href={`/c/${props.slug}`}>预览公开页面</a>
            （只有登录的组织者能看到）。
          </>
        )}
      </p>
      <form class="stack" data-form="copy" novalidate>
        <div class="row-2">
          <CodeInput
            {...named("copy", "slug")}
            label="新活动的网址标识"
            required
            pattern="[a-z0-9][a-z0-9\-]{1,62}"
            limit={L.slug}
            value={`${props.slug}-2`.slice(0, L.slug)}
          />
          <Input
            id="copy-title-input"
            name="title"
            label="新活动的标题"
            required
            limit={L.title}
            value={`${props.title}（副本）`}
          />
        </div>
        <Check
          id="copy-nominees"
          name="includeNominees"
          label="同时复制候选人（不含点赞和“当选”）"
        />
        <FormEnd submit="复制为新活动" kind="secondary" />
      </form>
      <div data-copy-result hidden>
        <p class="notice" role="status" data-copy-done />
        <p>新链接只显示这一次，请现在复制发送给各单位和评委：</p>
        <ul class="link-list" data-copy-links />
        <p>
          <a class="button" data-copy-open href="/admin">
            打开新活动的设置
          </a>
        </p>
      </div>
    </section>
  );
}
