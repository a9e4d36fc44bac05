import { encode, renderSVG } from "uqr";
import { monochromePng } from "./png";

/**
 * QR codes of our own URLs, drawn on the server: SVG for pages that scale it (the 大屏), PNG where
 * a phone must recognise it on long-press (WeChat's 识别图中二维码 reads images, not inline SVG).
 */
export function qrSvg(url: string, pixelSize = 6): string {
  return renderSVG(url, {
    ecc: "M",
    border: 2,
    pixelSize,
    blackColor: "#111",
    whiteColor: "#fff",
  });
}

/** The QR code of `url` as a PNG, `scale` pixels per module, 4 modules of quiet zone. */
export function qrPng(url: string, scale = 8) {
  const { data } = encode(url, { ecc: "M", border: 0 });
  return monochromePng(data, scale, 4);
}
