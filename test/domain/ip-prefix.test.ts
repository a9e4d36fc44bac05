import { describe, expect, it } from "vitest";
import { ipPrefix } from "../../src/domain/ip-prefix";

describe("ipPrefix", () => {
  it("takes the /24 of an IPv4 address", () => {
    expect(ipPrefix("203.0.113.7")).toBe("203.0.113.0/24");
    expect(ipPrefix("203.0.113.250")).toBe("203.0.113.0/24");
    expect(ipPrefix("203.0.114.7")).toBe("203.0.114.0/24");
  });

  it("takes the /64 of an IPv6 address, however it is written", () => {
    expect(ipPrefix("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(ipPrefix("2001:0db8:0001:0002::9")).toBe("2001:db8:1:2::/64");
    expect(ipPrefix("2001:DB8:1:2::")).toBe("2001:db8:1:2::/64");
    expect(ipPrefix("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipPrefix("::1")).toBe("0:0:0:0::/64");
  });

  it("treats IPv4-mapped IPv6 as the IPv4 client it is", () => {
    expect(ipPrefix("::ffff:198.51.100.9")).toBe("198.51.100.0/24");
  });

  it("keeps anything it cannot parse as it is (its own prefix)", () => {
    expect(ipPrefix("0.0.0.0")).toBe("0.0.0.0/24");
    expect(ipPrefix("not-an-ip")).toBe("not-an-ip");
    expect(ipPrefix("1:2:3")).toBe("1:2:3");
    expect(ipPrefix("1::2::3")).toBe("1::2::3");
    expect(ipPrefix("256.1.1.1")).toBe("256.1.1.1");
  });
});
