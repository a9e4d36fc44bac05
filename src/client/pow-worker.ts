/**
 * Solves the like's proof-of-work challenge off the main thread (public/pow-worker.js, loaded only
 * when the server asks for a proof). Plain SHA-256 in JavaScript: no dependency on crypto.subtle,
 * which older in-app browsers lack, and fast on short inputs.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const W = new Uint32Array(64);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Hex SHA-256 of an ASCII string (salts and numbers are ASCII). */
export function sha256Hex(text: string): string {
  const len = text.length;
  const blocks = ((len + 9 + 63) >> 6) << 4;
  const words = new Uint32Array(blocks);
  const or = (i: number, bits: number) => {
    words[i] = (words[i] ?? 0) | bits;
  };
  for (let i = 0; i < len; i++) or(i >> 2, (text.charCodeAt(i) & 0xff) << (24 - (i & 3) * 8));
  or(len >> 2, 0x80 << (24 - (len & 3) * 8));
  words[blocks - 1] = len * 8;
  let h0 = 0x6a09e667;
  let h1 = 0xbb67ae85;
  let h2 = 0x3c6ef372;
  let h3 = 0xa54ff53a;
  let h4 = 0x510e527f;
  let h5 = 0x9b05688c;
  let h6 = 0x1f83d9ab;
  let h7 = 0x5be0cd19;
  for (let b = 0; b < blocks; b += 16) {
    for (let t = 0; t < 64; t++) {
      if (t < 16) W[t] = words[b + t] ?? 0;
      else {
        const w15 = W[t - 15] ?? 0;
        const w2 = W[t - 2] ?? 0;
        const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
        const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
        W[t] = (W[t - 16] ?? 0) + s0 + (W[t - 7] ?? 0) + s1;
      }
    }
    let a = h0;
    let bb = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + (K[t] ?? 0) + (W[t] ?? 0)) | 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  return [h0, h1, h2, h3, h4, h5, h6, h7]
    .map((x) => (x >>> 0).toString(16).padStart(8, "0"))
    .join("");
}

export interface PowTask {
  salt: string;
  challenge: string;
  maxnumber: number;
}

export function solve(task: PowTask): number | null {
  for (let n = 0; n <= task.maxnumber; n++) {
    if (sha256Hex(`${task.salt}${n}`) === task.challenge) return n;
  }
  return null;
}

interface WorkerScope {
  importScripts?: unknown;
  onmessage: ((e: { data: PowTask }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
// Only inside a dedicated worker (tests import the functions above).
if (typeof scope.importScripts === "function") {
  scope.onmessage = (e) => scope.postMessage({ number: solve(e.data) });
}
