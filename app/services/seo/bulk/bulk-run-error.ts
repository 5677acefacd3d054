export type BulkRunErrorCode =
  | "EMPTY_SELECTION"
  | "NO_TEMPLATE"
  | "INVALID_TEMPLATE"
  | "RUN_IN_PROGRESS"
  | "NOT_FOUND"
  | "NOT_CANCELLABLE"
  | "NOT_UNDOABLE";

/** A bulk run request the app refuses, before anything is sent to Shopify. */
export class BulkRunError extends Error {
  constructor(
    readonly code: BulkRunErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BulkRunError";
  }
}
