import type { ObservedStack } from "./observed-stack";

export type StackFrame = {
  filename?: string;
  function?: string;
  in_app?: boolean;
  lineno?: number;
  context_line?: string;
};

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
      stacktrace?: { frames?: StackFrame[] };
    }>;
  };
  transaction?: string;
  contexts?: Record<string, Record<string, unknown>> & {
    trace?: Record<string, unknown> & {
      trace_id?: string;
      span_id?: string;
      links?: Array<Record<string, unknown>>;
    };
  };
  spans?: Array<{
    op?: string;
    description?: string;
    status?: string;
    data?: Record<string, unknown>;
  }>;
};

export async function errorEvents(stack: ObservedStack): Promise<SentryEvent[]> {
  return (await stack.sentryItems("event")).map((item) => item.payload as SentryEvent);
}

export async function transactions(stack: ObservedStack): Promise<SentryEvent[]> {
  return (await stack.sentryItems("transaction")).map((item) => item.payload as SentryEvent);
}

export type MetricItem = {
  name: string;
  type: string;
  value: number;
  unit?: string;
  trace_id?: string;
  attributes?: Record<string, { type: string; value: unknown }>;
};

/** Every metric the app sent, out of the batches it sent them in. */
export async function metricItems(stack: ObservedStack): Promise<MetricItem[]> {
  return (await stack.sentryItems("trace_metric")).flatMap(
    (item) => (item.payload as { items: MetricItem[] }).items,
  );
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

/** The frames of one exception of the event, oldest call first as Sentry orders them. */
export function framesOf(event: SentryEvent, type: string): StackFrame[] {
  const exception = event.exception?.values?.find((value) => value.type === type);
  return exception?.stacktrace?.frames ?? [];
}

export function appFrames(event: SentryEvent): string[] {
  return (event.exception?.values ?? [])
    .flatMap((value) => value.stacktrace?.frames ?? [])
    .filter((frame) => frame.in_app)
    .map((frame) => `${frame.function ?? "?"} (${frame.filename ?? "?"})`);
}
