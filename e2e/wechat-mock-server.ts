/**
 * The local WeChat mock (test/mocks/wechat.ts) on a loopback port, for the e2e run: the browser
 * is redirected to its authorize endpoint and the dev server exchanges codes at its
 * `sns/oauth2/access_token`. `POST /__mock/fault` with a JSON MockFault makes the next exchange
 * fail that way. playwright.config.ts starts the dev server with WECHAT_* pointing here;
 * e2e/wechat.spec.ts starts and stops the mock.
 */
import { createServer, type Server } from "node:http";
import { type MockFault, MockWeChat } from "../test/mocks/wechat";

/** The Official Account the e2e dev server is configured with (not a real one). */
export const E2E_WECHAT = {
  appId: "wxe2e00000000mock",
  appSecret: "e2e-mock-secret-0123456789abcdef",
};

/** The mock's port: next to the dev server's (8787 → 9787), or E2E_WECHAT_MOCK_PORT. */
export function wechatMockPort(): number {
  return Number(process.env.E2E_WECHAT_MOCK_PORT ?? Number(process.env.E2E_PORT ?? 8787) + 1000);
}

export async function startWeChatMock(
  port = wechatMockPort(),
): Promise<{ mock: MockWeChat; server: Server }> {
  const mock = new MockWeChat(E2E_WECHAT);
  const server = createServer(async (req, res) => {
    const url = `http://localhost:${port}${req.url ?? "/"}`;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === "POST" && req.url === "/__mock/fault") {
      mock.faults.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as MockFault);
      res.writeHead(204).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const answer = await mock.fetch(new Request(url, { method: req.method, headers }));
    const out: Record<string, string | string[]> = {};
    answer.headers.forEach((value, key) => {
      if (key !== "set-cookie") out[key] = value;
    });
    const cookies = answer.headers.getSetCookie();
    if (cookies.length) out["set-cookie"] = cookies;
    res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { mock, server };
}
