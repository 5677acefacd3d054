import { describe, expect, it } from "vitest";

import {
  isSecretKey,
  REDACTED,
  registerSecrets,
  scrubString,
  scrubValue,
} from "~/observability/scrub";

describe("isSecretKey", () => {
  it.each([
    "accessToken",
    "access_token",
    "X-Shopify-Access-Token",
    "refreshToken",
    "apiKey",
    "SHOPIFY_API_SECRET",
    "client_secret",
    "password",
    "Authorization",
    "cookie",
    "set-cookie",
    "private_key",
    "private_key_id",
    "credentials",
    "X-Shopify-Hmac-Sha256",
    "html",
    "text",
    "dynamicTemplateData",
  ])("treats %s as secret", (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(["shop", "email", "operation", "tokens", "status", "requestId", "session"])(
    "leaves %s readable",
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );
});

describe("scrubString", () => {
  it.each([
    ["Shopify token shpat_0123456789abcdef0123456789abcdef", "Shopify token [redacted]"],
    ["Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [redacted]"],
    ["key SG.aaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbb sent", "key [redacted] sent"],
    ["google ya29.a0AfH6SMBxxxxxxxxxxxxxxxxxxx", "google [redacted]"],
    ["postgres://user:hunter22@db:5432/app", "postgres://user:[redacted]@db:5432/app"],
    [
      "/app?embedded=1&id_token=abc.def&hmac=ff00&shop=a",
      "/app?embedded=1&id_token=[redacted]&hmac=[redacted]&shop=a",
    ],
    ["login with password=letmein now", "login with password=[redacted] now"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIz", "jwt [redacted]"],
  ])("hides the secret in %j", (text, expected) => {
    expect(scrubString(text)).toBe(expected);
  });

  it("hides a private key block, even across escaped newlines", () => {
    const key = "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n";
    expect(scrubString(`{"private":"${key}"}`)).toBe(`{"private":"${REDACTED}\\n"}`);
  });

  it("hides registered values wherever they appear, raw or JSON-escaped", () => {
    registerSecrets(['s3cr3t"value\\x', "short"]);

    expect(scrubString('prefix s3cr3t"value\\x suffix')).toBe(`prefix ${REDACTED} suffix`);
    expect(scrubString(JSON.stringify({ note: 's3cr3t"value\\x' }))).toBe(`{"note":"${REDACTED}"}`);
    expect(scrubString("too short to matter")).toBe("too short to matter");
  });

  it("leaves ordinary text alone", () => {
    const text = "GET /api/trpc/shop.info 200 in 12 ms for alpha.myshopify.com, code P2021";
    expect(scrubString(text)).toBe(text);
  });
});

describe("scrubValue", () => {
  it("replaces secret-named values at any depth, including whole objects", () => {
    const value = {
      shop: "a.myshopify.com",
      session: { shop: "a.myshopify.com", accessToken: "x", scope: "read_products" },
      google: { credentials: { private_key: "k", client_email: "e" } },
      headers: [{ Authorization: "Bearer x" }, { cookie: "c" }],
      mail: { to: "m@example.com", html: "<p>body</p>" },
    };

    expect(scrubValue(value)).toEqual({
      shop: "a.myshopify.com",
      session: { shop: "a.myshopify.com", accessToken: REDACTED, scope: "read_products" },
      google: { credentials: REDACTED },
      headers: [{ Authorization: REDACTED }, { cookie: REDACTED }],
      mail: { to: "m@example.com", html: REDACTED },
    });
  });

  it("writes errors out with their own fields and causes, scrubbed", () => {
    const cause = Object.assign(new Error("socket closed"), { code: "ECONNRESET" });
    const error = Object.assign(new Error("call failed", { cause }), {
      request: { headers: { "X-Shopify-Access-Token": "shpat_x" } },
    });

    expect(scrubValue({ err: error })).toEqual({
      err: {
        type: "Error",
        message: "call failed",
        stack: expect.stringContaining("call failed"),
        request: { headers: { "X-Shopify-Access-Token": REDACTED } },
        cause: {
          type: "Error",
          message: "socket closed",
          stack: expect.any(String),
          code: "ECONNRESET",
        },
      },
    });
  });

  it("scrubs strings only when asked, and survives cycles and shared objects", () => {
    const shared = { id: 1 };
    const cyclic: Record<string, unknown> = { note: "token=abc", a: shared, b: shared };
    cyclic.self = cyclic;

    expect(scrubValue(cyclic)).toMatchObject({ note: "token=abc", self: "[circular]" });
    expect(scrubValue(cyclic, { strings: true })).toEqual({
      note: `token=${REDACTED}`,
      a: { id: 1 },
      b: { id: 1 },
      self: "[circular]",
    });
  });

  it("turns dates and other JSON-aware objects into what they serialise to", () => {
    const when = new Date("2026-12-01T00:00:00Z");
    expect(scrubValue({ when, url: new URL("https://x.test/?hmac=1") }, { strings: true })).toEqual(
      {
        when: "2026-12-01T00:00:00.000Z",
        url: `https://x.test/?hmac=${REDACTED}`,
      },
    );
  });
});
