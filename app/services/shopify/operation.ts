import type { z } from "zod";

/** A mutation's input problem as Shopify reports it: the input path and a readable message. */
export type UserError = { field: string[] | null; message: string; code?: string | null };

export type OperationKind = "query" | "mutation";

/**
 * One named Admin GraphQL operation: its document, the variables it accepts (checked before
 * sending) and the data it returns (checked on arrival, and mapped to the app's shape).
 */
export interface AdminOperation<Variables, Data> {
  readonly name: string;
  readonly kind: OperationKind;
  readonly document: string;
  readonly variables: z.ZodType<unknown, Variables>;
  readonly data: z.ZodType<Data>;
  readonly userErrors?: (data: Data) => UserError[];
  /**
   * Whether sending the operation twice leaves the shop as sending it once. Only then is a
   * request retried after a failure that may have happened once Shopify had applied it (a reset
   * connection, a 5xx, a timeout). Queries always are; mutations say so explicitly.
   */
  readonly idempotent: boolean;
}

export type OperationVariables<O> = O extends AdminOperation<infer V, infer _D> ? V : never;
export type OperationData<O> = O extends AdminOperation<infer _V, infer D> ? D : never;

const OPERATION_HEAD = /^\s*(?:#graphql\s+)?(query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/;

export function defineOperation<VS extends z.ZodType, DS extends z.ZodType>(spec: {
  name: string;
  document: string;
  variables: VS;
  data: DS;
  userErrors?: (data: z.output<DS>) => UserError[];
  idempotent?: boolean;
}): AdminOperation<z.input<VS>, z.output<DS>> {
  const head = OPERATION_HEAD.exec(spec.document);
  // The journal, the logs and Shopify's own tooling know an operation by its document's name.
  if (!head || head[2] !== spec.name) {
    throw new Error(
      `operation ${spec.name}: the document must start with "query|mutation ${spec.name}"`,
    );
  }
  const kind = head[1] === "mutation" ? "mutation" : "query";

  return {
    name: spec.name,
    kind,
    document: spec.document,
    variables: spec.variables as z.ZodType<unknown, z.input<VS>>,
    data: spec.data as z.ZodType<z.output<DS>>,
    ...(spec.userErrors && { userErrors: spec.userErrors }),
    idempotent: kind === "query" || spec.idempotent === true,
  };
}
