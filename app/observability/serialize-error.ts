/**
 * Errors as plain data for a log line: type, message, stack, cause (recursively) and whatever
 * the error carries of its own (`code`, `operation`, ...). JSON.stringify would keep none of it.
 */
export type SerializedError = {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  errors?: unknown[];
  [field: string]: unknown;
};

const MAX_CAUSES = 5;

export function serializeError(error: Error, depth = 0): SerializedError {
  const serialized: SerializedError = {
    type:
      error.constructor?.name && error.constructor.name !== "Error"
        ? error.constructor.name
        : error.name,
    message: error.message,
  };
  if (error.stack) serialized.stack = error.stack;

  for (const [key, value] of Object.entries(error)) {
    if (key in serialized || typeof value === "function") continue;
    serialized[key] = value;
  }

  if (error.cause !== undefined) {
    serialized.cause =
      error.cause instanceof Error && depth < MAX_CAUSES
        ? serializeError(error.cause, depth + 1)
        : error.cause;
  }
  if (error instanceof AggregateError && depth < MAX_CAUSES) {
    serialized.errors = error.errors.map((inner: unknown) =>
      inner instanceof Error ? serializeError(inner, depth + 1) : inner,
    );
  }
  return serialized;
}
