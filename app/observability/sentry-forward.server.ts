import * as Sentry from "@sentry/remix";
import type { Logger } from "pino";

import { currentContext } from "./context.server";
import { scrubValue } from "./scrub";

const FATAL_LEVEL = 60;

/** Context fields that become Sentry tags, so that events can be searched by them. */
const CONTEXT_TAGS = [
  "requestId",
  "shop",
  "route",
  "procedure",
  "job",
  "jobId",
  "runId",
  "topic",
  "webhookId",
] as const;

type LogCall = { fields: Record<string, unknown>; message?: string; error?: Error };

function readLogCall(args: unknown[]): LogCall {
  const [first, second] = args;
  const message = typeof second === "string" ? second : undefined;

  if (first instanceof Error)
    return { fields: {}, message: message ?? first.message, error: first };
  if (typeof first === "string") return { fields: {}, message: first };
  if (typeof first !== "object" || first === null) return { fields: {}, message };

  const fields = first as Record<string, unknown>;
  const candidate = fields.err ?? fields.error;
  return { fields, message, error: candidate instanceof Error ? candidate : undefined };
}

function textTag(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The scope's fields as tags: set by Sentry's own captures too, through an event processor. */
export function contextTags(): Record<string, string> {
  const context = currentContext();
  const tags: Record<string, string> = {};
  if (!context) return tags;
  for (const key of CONTEXT_TAGS) {
    const value = context[key];
    if (value !== undefined) tags[key] = String(value);
  }
  return tags;
}

/**
 * Sends a line logged at error level to Sentry: the error itself when there is one, tagged with
 * the line's `component` and `operation`, the other fields as extra data; otherwise the message.
 * An error Sentry already has (captured by a caller or by an integration) is not sent again.
 */
export function forwardToSentry(args: unknown[], logger: Logger, level: number): void {
  if (!Sentry.isInitialized()) return;

  const { fields, message, error } = readLogCall(args);
  const all: Record<string, unknown> = { ...logger.bindings(), ...fields };
  const { component, operation, err: _err, error: _error, ...fieldsAndBase } = all;
  const {
    pid: _pid,
    hostname: _host,
    service: _s,
    environment: _e,
    release: _r,
    ...rest
  } = fieldsAndBase;
  const extra = scrubValue(
    message && error && message !== error.message ? { ...rest, message } : rest,
    { strings: true },
  ) as Record<string, unknown>;
  const captureContext = {
    level: level >= FATAL_LEVEL ? ("fatal" as const) : ("error" as const),
    tags: {
      ...contextTags(),
      component: textTag(component) ?? "unknown",
      operation: textTag(operation) ?? "unknown",
    },
    extra,
  };

  if (error) Sentry.captureException(error, captureContext);
  else Sentry.captureMessage(message ?? "error logged without a message", captureContext);
}
