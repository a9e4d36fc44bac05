/**
 * Cloudflare Turnstile, an optional extra check outside mainland China (it does not load there).
 * On only when both keys are set; then a busy request needs a Turnstile token besides the proof of
 * work. Cloudflare's documented test keys: site key 1x00000000000000000000AA with secret
 * 1x0000000000000000000000000000000AA always pass; secret 2x0000000000000000000000000000000AA always
 * fails. Tests mock the verify call (it needs the internet).
 */

export const TURNSTILE_VERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

export interface TurnstileConfig {
  siteKey: string;
  secretKey: string;
}

export function turnstileConfig(env: {
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET_KEY?: string;
}): TurnstileConfig | null {
  const siteKey = env.TURNSTILE_SITE_KEY?.trim();
  const secretKey = env.TURNSTILE_SECRET_KEY?.trim();
  return siteKey && secretKey ? { siteKey, secretKey } : null;
}

/** Asks Cloudflare whether the token is good. Any failure to get an answer counts as "no". */
export async function verifyTurnstile(
  config: TurnstileConfig,
  token: string,
  remoteIp: string,
): Promise<boolean> {
  const form = new FormData();
  form.append("secret", config.secretKey);
  form.append("response", token);
  form.append("remoteip", remoteIp);
  try {
    const res = await fetch(TURNSTILE_VERIFY_URL, {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) return false;
    const body = (await res.json()) as { success?: boolean };
    return body.success === true;
  } catch {
    return false;
  }
}
