import * as Sentry from "@sentry/remix";

import { runWithContext } from "./context.server";
import { markCausesCaptured } from "./sentry.server";

const sentryMiddleware = Sentry.trpcMiddleware({ attachRpcInput: false });

type ProcedureCall<T> = {
  path: string;
  type: string;
  next: () => Promise<T>;
  getRawInput?: () => Promise<unknown>;
};

function failedWith(result: unknown): unknown {
  if (typeof result !== "object" || result === null || !("ok" in result)) return undefined;
  return result.ok === false && "error" in result ? result.error : undefined;
}

/**
 * The first middleware of every procedure: Sentry's tRPC middleware (a span per procedure,
 * failures captured) with the procedure's name on every log line and as the event's component
 * and operation. Use with `t.middleware(traceProcedure)`.
 */
export function traceProcedure<T>(call: ProcedureCall<T>): Promise<T> {
  return sentryMiddleware({
    ...call,
    next: () =>
      runWithContext({ procedure: call.path }, async () => {
        // On the scope Sentry's middleware opened, which its capture of a failure uses.
        Sentry.getIsolationScope().setTags({
          component: "trpc",
          operation: call.path,
          procedure: call.path,
        });
        const result = await call.next();
        markCausesCaptured(failedWith(result));
        return result;
      }),
  });
}
