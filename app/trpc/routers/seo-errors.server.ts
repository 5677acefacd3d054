import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";

import { BulkRunError, type BulkRunErrorCode } from "~/services/seo/bulk/bulk-run-error";
import { TemplateStoreError } from "~/services/seo/templates/template-store.server";

const BULK_RUN_CODES: Record<BulkRunErrorCode, TRPC_ERROR_CODE_KEY> = {
  EMPTY_SELECTION: "BAD_REQUEST",
  NO_TEMPLATE: "BAD_REQUEST",
  INVALID_TEMPLATE: "BAD_REQUEST",
  RUN_IN_PROGRESS: "CONFLICT",
  NOT_FOUND: "NOT_FOUND",
  NOT_CANCELLABLE: "PRECONDITION_FAILED",
  NOT_UNDOABLE: "PRECONDITION_FAILED",
};

const TEMPLATE_CODES: Record<TemplateStoreError["code"], TRPC_ERROR_CODE_KEY> = {
  INVALID: "BAD_REQUEST",
  DUPLICATE_NAME: "CONFLICT",
  NOT_FOUND: "NOT_FOUND",
};

/** Runs a step and turns the SEO domain's refusals into tRPC errors with the same message. */
export async function asTrpcErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BulkRunError) {
      throw new TRPCError({ code: BULK_RUN_CODES[error.code], message: error.message });
    }
    if (error instanceof TemplateStoreError) {
      throw new TRPCError({ code: TEMPLATE_CODES[error.code], message: error.message });
    }
    throw error;
  }
}

export function productNotFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "No such product in this shop" });
}
