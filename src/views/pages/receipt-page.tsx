import type { ReceiptRow } from "../../db/queries/like-reads";
import type { Campaign } from "../../db/schema";
import type { Preferences } from "../../types";
import { formatLocal } from "../components/campaign-header";
import { Layout } from "../layout";

/** What the lookup said, if a code was sent. */
export type ReceiptAnswer =
  | { kind: "found"; row: ReceiptRow }
  | { kind: "not_found"; code: string }
  | { kind: "malformed" }
  | { kind: "rate_limited" };

export interface ReceiptPageProps {
  campaign: Campaign;
  /** The code as the voter typed it (kept in the field), or empty. */
  typed: string;
  answer: ReceiptAnswer | null;
  prefs: Preferences;
  url: string;
  origin: string;
}

/** Where a voter checks a receipt: the campaign's page, with the code filled in. */
export const receiptPath = (slug: string, code?: string) =>
  `/c/${slug}/receipt${code ? `?code=${encodeURIComponent(code)}` : ""}`;

/**
 * 查询点赞凭证: a voter types the code their like gave them and sees whether it is counted, held
 * for review, or voided and why (DESIGN §3: "a receipt code that the voter can look up later").
 * A GET form, so it works without JavaScript; the answer names the nominee, never the voter.
 */
export function ReceiptPage(p: ReceiptPageProps) {
  const { campaign: c, prefs, answer } = p;
  const m = prefs.m;
  const t = m.receipt;
  const fmt = (ms: number) => formatLocal(ms, c.timeZone, prefs.locale);
  const problem =
    answer?.kind === "malformed"
      ? t.malformed
      : answer?.kind === "not_found"
        ? t.notFound(answer.code)
        : answer?.kind === "rate_limited"
          ? t.rateLimited
          : null;
  return (
    <Layout
      prefs={prefs}
      url={p.url}
      meta={{
        title: `${t.title} · ${c.title}`,
        description: t.intro,
        canonical: `${p.origin}${receiptPath(c.slug)}`,
        image: `${p.origin}/icon-512.png`,
      }}
      data={{ page: "receipt", slug: c.slug }}
    >
      <nav class="crumbs" aria-label={m.backToList}>
        <a href={`/c/${c.slug}`}>← {c.title}</a>
      </nav>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form class="receipt-form" method="get" action={receiptPath(c.slug)}>
        <div class="field">
          <label for="code">{t.label}</label>
          <input
            id="code"
            name="code"
            type="text"
            value={p.typed}
            maxlength={40}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            enterkeyhint="search"
            aria-describedby={problem ? "code-hint code-problem" : "code-hint"}
            aria-invalid={answer?.kind === "malformed" ? "true" : undefined}
          />
          <p id="code-hint" class="hint">
            {t.hint}
          </p>
        </div>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
      {problem && (
        <p id="code-problem" class="notice" role="alert">
          {problem}
        </p>
      )}
      {answer?.kind === "found" && (
        <section class={`receipt-result ${answer.row.status}`} aria-labelledby="receipt-result">
          <h2 id="receipt-result">{t.result}</h2>
          <p class="receipt-status">
            <b>{t.status[answer.row.status]}</b>
            <span class="receipt-code">{answer.row.receipt}</span>
          </p>
          <p>{t.statusNote[answer.row.status]}</p>
          <dl>
            <dt>{t.nominee}</dt>
            <dd>
              <a href={`/c/${c.slug}/${answer.row.number}`}>
                {m.number(answer.row.number)} {answer.row.name}
              </a>
            </dd>
            <dt>{t.likedAt}</dt>
            <dd>{fmt(answer.row.createdAt)}</dd>
            {answer.row.status === "voided" && (
              <>
                <dt>{t.voidReason}</dt>
                <dd>{answer.row.voidReason ?? "—"}</dd>
                {answer.row.voidedAt !== null && (
                  <>
                    <dt>{t.voidedAt}</dt>
                    <dd>{fmt(answer.row.voidedAt)}</dd>
                  </>
                )}
              </>
            )}
          </dl>
        </section>
      )}
      <p class="hint">{t.privacy}</p>
    </Layout>
  );
}
