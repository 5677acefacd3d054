import type { ErrorEvent, EventHint } from "@sentry/remix";

// What the previous system filtered, and what still means nothing to the on-call engineer: a
// shop whose session is gone (it uninstalled; the next visit re-authenticates) and connections
// the other side dropped.
const NOISE_MESSAGES = [
  /session not found/i,
  /could not find a session/i,
  /\bECONNRESET\b/,
  /\bEPIPE\b/,
  /socket hang up/i,
  /ResizeObserver loop/i,
];
const NOISE_TYPES = new Set(["SessionNotFoundError"]);
const NOISE_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

/** Whether an event is known noise, judged by the original error and by the event's text. */
export function isNoise(event: ErrorEvent, hint: EventHint): boolean {
  const original = hint.originalException;
  if (NOISE_CODES.has(codeOf(original) as string)) return true;

  const texts: string[] = [];
  if (original instanceof Error) texts.push(original.message);
  if (event.message) texts.push(event.message);
  for (const exception of event.exception?.values ?? []) {
    if (exception.type && NOISE_TYPES.has(exception.type)) return true;
    if (exception.value) texts.push(exception.value);
  }
  return texts.some((text) => NOISE_MESSAGES.some((pattern) => pattern.test(text)));
}
