import { encode } from "uqr";
import { describe, expect, it } from "vitest";
import { monochromePng } from "../../src/domain/png";
import { qrPng } from "../../src/domain/qr";

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads back what monochromePng wrote: chunks with CRCs checked, pixels unpacked. */
async function decode(png: Uint8Array) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset);
  const chunks: { type: string; data: Uint8Array }[] = [];
  let at = 8;
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
  const [head, idat] = chunks;
  if (!head || !idat) throw new Error("chunks missing");
  const ihdr = new DataView(head.data.buffer, head.data.byteOffset);
  const width = ihdr.getUint32(0);
  const height = ihdr.getUint32(4);
  const raw = await inflate(idat.data);
  const rowBytes = Math.ceil(width / 8);
  expect(raw.length).toBe((rowBytes + 1) * height);
  const black = (x: number, y: number) =>
    (((raw[y * (rowBytes + 1) + 1 + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 0;
  return { width, height, bitDepth: head.data[8], black };
}

describe("monochromePng", () => {
  it("writes a valid 1-bit grayscale PNG with the modules scaled and a white margin", async () => {
    const dark = [
      [true, false],
      [false, true],
    ];
    const { bytes, width } = await monochromePng(dark, 3, 1);
    expect(width).toBe(12);
    const img = await decode(bytes);
    expect(img).toMatchObject({ width: 12, height: 12, bitDepth: 1 });
    expect(img.black(0, 0)).toBe(false); // margin
    expect(img.black(3, 3)).toBe(true); // module (0,0)
    expect(img.black(5, 5)).toBe(true);
    expect(img.black(6, 3)).toBe(false); // module (1,0)
    expect(img.black(6, 6)).toBe(true); // module (1,1)
    expect(img.black(11, 11)).toBe(false);
  });

  it("is the QR code of the URL, module for module", async () => {
    const url = "https://example.gov.cn/c/zuimei-xinfang/7";
    const { data } = encode(url, { ecc: "M", border: 0 });
    const { bytes, width } = await qrPng(url, 4);
    const img = await decode(bytes);
    expect(width).toBe((data.length + 8) * 4);
    for (let y = 0; y < data.length; y++)
      for (let x = 0; x < data.length; x++)
        expect(img.black((x + 4) * 4 + 1, (y + 4) * 4 + 2)).toBe(data[y]?.[x]);
    expect(bytes.length).toBeLessThan(2000);
  });
});
