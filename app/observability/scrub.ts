import { serializeError } from "./serialize-error";

/**
 * What must never reach a log line or a Sentry event, for server and browser alike: values
 * under keys that name a secret, and strings that look like one wherever they appear.
 */

export const REDACTED = "[redacted]";

// Compared after lower-casing and dropping everything but letters and digits, so that
// `X-Shopify-Access-Token`, `access_token` and `accessToken` are the same key.
const SECRET_KEY_SUFFIXES = [
  "token",
  "secret",
  "password",
  "passwd",
  "apikey",
  "privatekey",
  "privatekeyid",
  "credential",
  "credentials",
  "authorization",
  "cookie",
  "cookies",
  "hmac",
  "hmacsha256",
  "signature",
  "sentryauth",
];
// Email bodies: SendGrid's `html`/`text`/`content` and its template data.
const SECRET_KEYS = new Set(["html", "text", "content", "dynamictemplatedata"]);

// Log lines repeat the same few dozen keys; deciding each once keeps scrubbing cheap.
const MAX_REMEMBERED_KEYS = 10_000;
const decidedKeys = new Map<string, boolean>();

export function isSecretKey(key: string): boolean {
  const decided = decidedKeys.get(key);
  if (decided !== undefined) return decided;

  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  const secret =
    SECRET_KEYS.has(normalized) ||
    SECRET_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix));
  if (decidedKeys.size >= MAX_REMEMBERED_KEYS) decidedKeys.clear();
  decidedKeys.set(key, secret);
  return secret;
}

// Query parameters that carry a secret: Shopify's launch parameters, OAuth callbacks.
const QUERY_SECRETS = [
  "id_token",
  "access_token",
  "refresh_token",
  "token",
  "hmac",
  "signature",
  "session",
  "code",
];

// Each pattern keeps the text that says what was there ("Bearer", "id_token=") and drops the
// secret itself.
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  [/\bshp(?:at|ca|pa|ss|ua|rt)_[A-Za-z0-9]{16,}/g, REDACTED],
  [/\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]{6,}/g, REDACTED],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/g, REDACTED],
  [/\bya29\.[\w-]{16,}/g, REDACTED],
  [/\b(Bearer|Basic)\s+[\w\-.~+/]{8,}=*/gi, `$1 ${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:)[^\s@/"']+@/gi, `$1${REDACTED}@`],
  [new RegExp(`((?:^|[?&;])(?:${QUERY_SECRETS.join("|")})=)[^&#\\s"']+`, "gi"), `$1${REDACTED}`],
  [/((?:^|[\s"?&;])password=)[^&#\s"']+/gi, `$1${REDACTED}`],
];

const knownSecrets = new Set<string>();
let knownSecretsPattern: RegExp | undefined;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Adds exact values to hide wherever they appear (the app's own secrets from the environment).
 * Short values are ignored: hiding every "test" would make logs unreadable and protect nothing.
 */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    if (!value || value.length < 8) continue;
    knownSecrets.add(value);
    // A secret with quotes or backslashes appears escaped inside a JSON line.
    knownSecrets.add(JSON.stringify(value).slice(1, -1));
  }
  const alternatives = [...knownSecrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
  knownSecretsPattern = alternatives.length ? new RegExp(alternatives.join("|"), "g") : undefined;
}

// Something every pattern above needs; most lines have none of it and need no further look.
const MIGHT_HOLD_A_SECRET = /PRIVATE KEY|shp[a-z]{2}_|eyJ|SG\.|ya29\.|Bearer|Basic|:\/\/|=/i;

/** Replaces everything in `text` that looks like a secret. */
export function scrubString(text: string): string {
  let result = text;
  if (knownSecretsPattern) result = result.replace(knownSecretsPattern, REDACTED);
  if (!MIGHT_HOLD_A_SECRET.test(result)) return result;
  for (const [pattern, replacement] of SECRET_PATTERNS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}

const MAX_DEPTH = 12;

/**
 * A copy of `value` with every secret-named key's value replaced. Strings are left as they are
 * unless `strings` is set: the logger scrubs its finished line in one pass instead.
 */
export function scrubValue(
  value: unknown,
  options: { strings?: boolean } = {},
  depth = 0,
  seen = new WeakSet<object>(),
): unknown {
  if (typeof value === "string") return options.strings ? scrubString(value) : value;
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);

  if (value instanceof Error) return scrubValue(serializeError(value), options, depth + 1, seen);
  if (Array.isArray(value)) {
    const items = value.map((item) => scrubValue(item, options, depth + 1, seen));
    seen.delete(value);
    return items;
  }
  // Dates, decimals, URLs and buffers say themselves how they become JSON.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") {
    const json: unknown = toJSON.call(value);
    return typeof json === "string" && options.strings ? scrubString(json) : json;
  }

  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : scrubValue(item, options, depth + 1, seen);
  }
  // Only cycles are cut: the same object twice side by side is shown twice.
  seen.delete(value);
  return copy;
}
