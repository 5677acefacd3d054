/**
 * Session tokens (the `id_token` App Bridge hands to the app): HS256 JWTs signed with the
 * app's secret, minted by the admin frame and checked by the token exchange like Shopify does.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export type SessionTokenClaims = {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
};

export type MintInput = {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId: number;
  sessionId: string;
  /** Clock reading in milliseconds. */
  now: number;
  ttlSeconds?: number;
};

export type VerifyInput = {
  shop: string;
  apiKey: string;
  apiSecret: string;
  now: number;
  leewaySeconds?: number;
};

export type VerifyResult = { ok: true; claims: SessionTokenClaims } | { ok: false; reason: string };

const SESSION_TOKEN_TTL_SECONDS = 60;
const DEFAULT_LEEWAY_SECONDS = 10;

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

function signature(signingInput: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

/** Signs any claims; tests use it directly to forge tokens with bad claims. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signingInput = `${header}.${payload}`;
  return `${signingInput}.${signature(signingInput, secret).toString("base64url")}`;
}

export function sessionTokenClaims(input: MintInput): SessionTokenClaims {
  const mintedAt = Math.floor(input.now / 1000);
  return {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: String(input.userId),
    exp: mintedAt + (input.ttlSeconds ?? SESSION_TOKEN_TTL_SECONDS),
    nbf: mintedAt,
    iat: mintedAt,
    jti: randomUUID(),
    sid: input.sessionId,
  };
}

export function mintSessionToken(input: MintInput): string {
  return signJwt(sessionTokenClaims(input), input.apiSecret);
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasValidSignature(parts: string[], secret: string): boolean {
  const [header, payload, signed] = parts;
  const expected = signature(`${header}.${payload}`, secret);
  const given = Buffer.from(signed ?? "", "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function verifySessionToken(token: string, input: VerifyInput): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "the token is not a JWT" };

  const header = decodeSegment(parts[0] ?? "");
  const claims = decodeSegment(parts[1] ?? "");
  if (!isRecord(header) || !isRecord(claims)) {
    return { ok: false, reason: "the token cannot be decoded" };
  }
  if (header.alg !== "HS256") return { ok: false, reason: "the token is not signed with HS256" };
  if (!hasValidSignature(parts, input.apiSecret)) {
    return { ok: false, reason: "the signature does not match the app secret" };
  }

  const problem = claimProblem(claims, input);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, claims: claims as SessionTokenClaims };
}

function claimProblem(claims: Record<string, unknown>, input: VerifyInput): string | undefined {
  const now = Math.floor(input.now / 1000);
  const leeway = input.leewaySeconds ?? DEFAULT_LEEWAY_SECONDS;

  if (claims.aud !== input.apiKey) return "the audience is not this app's API key";
  if (typeof claims.exp !== "number" || claims.exp + leeway < now) return "the token has expired";
  if (typeof claims.nbf !== "number" || claims.nbf - leeway > now) {
    return "the token is not valid yet";
  }
  if (claims.dest !== `https://${input.shop}`) return "the destination is not this shop";
  if (claims.iss !== `https://${input.shop}/admin`) return "the issuer is not this shop's admin";
  if (typeof claims.sub !== "string" || claims.sub === "") return "the token names no user";
  if (typeof claims.sid !== "string" || typeof claims.jti !== "string") {
    return "the token lacks sid or jti";
  }
  return undefined;
}
