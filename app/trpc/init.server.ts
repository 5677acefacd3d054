import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";

import { traceProcedure } from "~/observability/trpc.server";
import { AdminAbortedError, AdminApiError, UserErrorsError } from "~/services/shopify/errors";

import type { Context } from "./context.server";

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "input"}: ${issue.message}`)
    .join("; ");
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? `Invalid input: ${describeZodError(zodError)}` : shape.message,
      data: {
        ...shape.data,
        fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : null,
        operation: error.cause instanceof AdminApiError ? error.cause.operation : null,
      },
    };
  },
});

export const router = t.router;

/**
 * Shopify refusing a value is the merchant's input to fix; a call given up because the page went
 * away is nobody's failure; anything else from the Admin API is an upstream failure.
 */
function adminFailureCode(error: AdminApiError): TRPCError["code"] {
  if (error instanceof UserErrorsError) return "BAD_REQUEST";
  if (error instanceof AdminAbortedError) return "CLIENT_CLOSED_REQUEST";
  return "BAD_GATEWAY";
}

/** Times every procedure; an Admin API failure becomes an answer naming the operation. */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const startedAt = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - startedAt);
  ctx.log.debug({ procedure: path, type, ok: result.ok, ms }, "procedure finished");

  const cause = result.ok ? undefined : result.error.cause;
  if (cause instanceof AdminApiError) {
    throw new TRPCError({ code: adminFailureCode(cause), message: cause.message, cause });
  }
  return result;
});

/** Every shop-facing procedure: the shop is known, installed, and every query is scoped to it. */
export const shopProcedure = t.procedure
  .use(t.middleware(traceProcedure))
  .use(observed)
  .use(({ ctx, next }) => {
    if (!ctx.shop || ctx.shop.uninstalledAt) {
      throw new TRPCError({ code: "FORBIDDEN", message: "The app is not installed on this shop" });
    }
    return next({ ctx: { ...ctx, shop: ctx.shop } });
  });
