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
          <div class="field">
            <label for="copy-slug">新活动的网址标识</label>
            <input
              id="copy-slug"
              name="slug"
              type="text"
              required
              pattern="[a-z0-9][a-z0-9\-]{1,62}"
              maxlength={63}
              autocapitalize="none"
              spellcheck={false}
              value={`${props.slug}-2`.slice(0, 63)}
            />
          </div>
          <div class="field">
            <label for="copy-title-input">新活动的标题</label>
            <input
              id="copy-title-input"
              name="title"
              type="text"
              required
              maxlength={200}
              value={`${props.title}（副本）`}
            />
          </div>
        </div>
        <div class="check">
          <input id="copy-nominees" name="includeNominees" type="checkbox" />
          <label for="copy-nominees">同时复制候选人（不含点赞和“当选”）</label>
        </div>
        <p class="form-error" role="alert" data-form-error />
        <p>
          <button type="submit" class="button secondary">
            复制为新活动
          </button>
        </p>
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
