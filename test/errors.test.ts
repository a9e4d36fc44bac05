import { describe, expect, it } from "vitest";
import { transientOutage } from "../src/errors";

/** Errors as Durable Objects raise them (Cloudflare's "Error handling" page: the flags on them). */
const infra = (message: string, flags: { overloaded?: boolean; retryable?: boolean }) =>
  Object.assign(new Error(message), flags);

describe("transientOutage", () => {
  it("asks for a longer wait when an object is overloaded, a short one when it was unreachable", () => {
    expect(
      transientOutage(
        infra("Durable Object is overloaded. Too many requests queued.", {
          overloaded: true,
          retryable: false,
        }),
      ),
    ).toEqual({ retryAfter: 5 });
    expect(transientOutage(infra("Network connection lost.", { retryable: true }))).toEqual({
      retryAfter: 1,
    });
  });

  it("leaves every other error a 500: our own bugs, and errors thrown inside an object", () => {
    expect(transientOutage(new Error("boom"))).toBeNull();
    expect(
      transientOutage(Object.assign(new Error("thrown by LikeShard"), { remote: true })),
    ).toBeNull();
    expect(transientOutage(infra("not retryable", { retryable: false }))).toBeNull();
    expect(transientOutage("a string")).toBeNull();
    expect(transientOutage(null)).toBeNull();
  });
});
