import type { ObservedStack } from "./observed-stack";

export type SentryEvent = {
  event_id: string;
  level?: string;
  message?: string | { formatted?: string };
  platform?: string;
  tags?: Record<string, string>;
  user?: Record<string, string>;
  extra?: Record<string, unknown>;
  request?: { url?: string; query_string?: unknown; headers?: Record<string, string> };
  exception?: {
    values?: Array<{
      type?: string;
      value?: string;
      stacktrace?: { frames?: Array<{ filename?: string; function?: string; in_app?: boolean }> };
    }>;
  };
  transaction?: string;
  contexts?: Record<string, Record<string, unknown>>;
  spans?: Array<{ op?: string; description?: string; data?: Record<string, unknown> }>;
};

export async function errorEvents(stack: ObservedStack): Promise<SentryEvent[]> {
  return (await stack.sentryItems("event")).map((item) => item.payload as SentryEvent);
}

export async function transactions(stack: ObservedStack): Promise<SentryEvent[]> {
  return (await stack.sentryItems("transaction")).map((item) => item.payload as SentryEvent);
}

/** Waits until `find` returns something from the events received so far. */
export async function waitFor<T>(
  read: () => Promise<T[]>,
  find: (items: T[]) => T[],
  options: { count?: number; timeoutMs?: number } = {},
): Promise<T[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const found = find(await read());
    if (found.length >= (options.count ?? 1)) return found;
    if (Date.now() > deadline) {
      throw new Error(`expected ${options.count ?? 1} matching item(s), found ${found.length}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function exceptionTypes(event: SentryEvent): string[] {
  return (event.exception?.values ?? []).map((value) => value.type ?? "");
}

export function appFrames(event: SentryEvent): string[] {
  return (event.exception?.values ?? [])
    .flatMap((value) => value.stacktrace?.frames ?? [])
    .filter((frame) => frame.in_app)
    .map((frame) => `${frame.function ?? "?"} (${frame.filename ?? "?"})`);
}
