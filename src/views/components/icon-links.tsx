/**
 * The site icons every layout links: the 16/32/48 px ICO and a 192 px PNG. No SVG icon: in
 * Chromium an SVG image is a document of its own, laid out during the first view
 * (docs/benchmarks.md, "Lighthouse on this machine").
 */
export function IconLinks() {
  return (
    <>
      <link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48" />
      <link rel="icon" href="/icon-192.png" sizes="192x192" type="image/png" />
    </>
  );
}
