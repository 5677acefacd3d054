import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What every log line written inside a request, webhook or job carries without anyone passing
 * a logger around: the request id, the shop, the route or job, and whatever else is added.
 */
export type LogContext = {
  requestId?: string;
  shop?: string;
  route?: string;
  procedure?: string;
  job?: string;
  /** One execution of a job, fresh each time it runs. */
  jobId?: string;
  runId?: string;
  [field: string]: string | number | boolean | undefined;
};

// One store per process, even when Vite re-evaluates this module in development: the server
// opens scopes on the store it got at start-up.
const globalForContext = globalThis as typeof globalThis & {
  searchlightLogContext?: AsyncLocalStorage<LogContext>;
};
const storage = (globalForContext.searchlightLogContext ??= new AsyncLocalStorage<LogContext>());

/** Runs `fn` in a new scope holding the current scope's fields plus `fields`. */
export function runWithContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

/** The same in two steps, for a caller that reads the scope's fields after `fn` is done. */
export function createScope(fields: LogContext): LogContext {
  return { ...storage.getStore(), ...fields };
}

export function runInScope<T>(scope: LogContext, fn: () => T): T {
  return storage.run(scope, fn);
}

/**
 * Adds fields to the current scope, for what is learnt part-way through (the shop once the
 * request is authenticated). Outside any scope it does nothing.
 */
export function addContext(fields: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

export function currentContext(): Readonly<LogContext> | undefined {
  return storage.getStore();
}
