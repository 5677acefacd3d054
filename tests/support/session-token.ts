import { createHmac, randomUUID } from "node:crypto";

function base64url(value: string | Buffer) {
  return Buffer.from(value).toString("base64url");
}

/**
 * Signs a session token with any key and claims, so tests can present forged, expired or
 * misaddressed tokens. Valid tokens come from the emulator, as they would from Shopify.
 */
export function signSessionToken(options: {
  shop: string;
  apiKey: string;
  secret: string;
  expiresInSeconds?: number;
}) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${options.shop}/admin`,
      dest: `https://${options.shop}`,
      aud: options.apiKey,
      sub: "1",
      exp: now + (options.expiresInSeconds ?? 60),
      nbf: now - 5,
      iat: now - 5,
      jti: randomUUID(),
      sid: randomUUID(),
    }),
  );
  const signature = createHmac("sha256", options.secret).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64url(signature)}`;
}
