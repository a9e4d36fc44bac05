/**
 * The network a client IP belongs to, as the abuse rules see it: IPv4 /24, IPv6 /64. A whole office
 * behind one NAT shares one address; a mobile carrier hands a /64 to one phone; a flood from one
 * host or one rented block shows up as one busy prefix.
 */

function expandIpv6(ip: string): number[] | null {
  let s = ip;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes its two hex groups.
  if (s.includes(".")) {
    const cut = s.lastIndexOf(":");
    const g = ipv4Groups(s.slice(cut + 1));
    if (!g || cut < 0) return null;
    const [hi, lo] = g;
    s = `${s.slice(0, cut + 1)}${hi.toString(16)}:${lo.toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [
    ...head,
    ...new Array<string>(halves.length === 2 ? missing : 0).fill("0"),
    ...tail,
  ];
  const out: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    out.push(Number.parseInt(g, 16));
  }
  return out;
}

type Quad = [number, number, number, number];

function ipv4Octets(ip: string): Quad | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? (octets as Quad) : null;
}

function ipv4Groups(ip: string): [number, number] | null {
  const o = ipv4Octets(ip);
  return o ? [(o[0] << 8) | o[1], (o[2] << 8) | o[3]] : null;
}

/** "203.0.113.7" → "203.0.113.0/24"; "2001:db8:1:2:3::4" → "2001:db8:1:2::/64"; junk → itself. */
export function ipPrefix(ip: string): string {
  const v4 = ipv4Octets(ip);
  if (v4) return `${v4[0]}.${v4[1]}.${v4[2]}.0/24`;
  const v6 = expandIpv6(ip.trim().toLowerCase());
  if (!v6) return ip;
  // IPv4-mapped (::ffff:a.b.c.d) is an IPv4 client.
  if (v6.slice(0, 5).every((g) => g === 0) && v6[5] === 0xffff) {
    const a = v6[6] ?? 0;
    const b = v6[7] ?? 0;
    return ipPrefix(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`);
  }
  return `${v6
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
