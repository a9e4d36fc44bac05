import type { Nominee } from "../../db/schema";
import { type CertificateText, nestedQuotes } from "../../domain/certificate";
import { IconLinks } from "../components/icon-links";
import { ConsoleHead } from "./layout";

/**
 * Printable 荣誉证书, one A4 landscape page per honoree (public/certificate.css: `@page` A4
 * landscape, each certificate exactly one page, a page break after each). On screen the pages
 * are shown one under another with a print button above them.
 */
export function CertificatePage(props: {
  title: string;
  honorees: Nominee[];
  text: CertificateText;
  sealUrl: string | null;
  backHref: string;
}) {
  const { text } = props;
  return (
    <html lang="zh-CN">
      <ConsoleHead title={`荣誉证书 · ${props.title}`}>
        <IconLinks />
        <link rel="stylesheet" href="/certificate.css" />
      </ConsoleHead>
      <body class="certificates">
        <header class="cert-toolbar">
          <a href={props.backHref}>← 返回颁奖设置</a>
          <span>
            共 {props.honorees.length} 页 · 打印时请选择 A4 横向、无页边距，并关闭页眉页脚。
          </span>
          <button type="button" data-print hidden>
            打印
          </button>
        </header>
        <main>
          {props.honorees.map((n) => (
            <article class="certificate" data-certificate={String(n.number)}>
              <div class="cert-frame">
                <h1 class="cert-heading">荣誉证书</h1>
                <p class="cert-recipient">
                  <span class="cert-unit">{n.unit}</span>
                  <span class="cert-name">{n.name}</span> 同志：
                </p>
                <p class="cert-body">
                  荣获“<strong>{nestedQuotes(text.honour)}</strong>”称号。
                </p>
                <p class="cert-body">特发此证，以资鼓励。</p>
                <footer class="cert-footer">
                  <p class="cert-issuer">{text.issuer}</p>
                  <p class="cert-date">{text.date}</p>
                  {props.sealUrl && (
                    <img
                      class="cert-seal"
                      src={props.sealUrl}
                      alt="印章"
                      width="160"
                      height="160"
                    />
                  )}
                </footer>
              </div>
            </article>
          ))}
        </main>
      </body>
    </html>
  );
}
