import { GraphqlQueryError } from "@shopify/shopify-api";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import type { z } from "zod";

interface GraphqlErrorDetail {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string };
}

/** The Admin API refused an operation or answered with data that does not match its schema. */
export class AdminApiError extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly errors: GraphqlErrorDetail[] = [],
    options?: { cause: unknown },
  ) {
    super(`Admin API operation ${operation} failed: ${message}`, options);
    this.name = "AdminApiError";
  }
}

function graphqlErrorsOf(error: GraphqlQueryError): GraphqlErrorDetail[] {
  const body = error.body as { errors?: { graphQLErrors?: GraphqlErrorDetail[] } } | undefined;
  return body?.errors?.graphQLErrors ?? [];
}

/**
 * Runs one named Admin GraphQL operation and returns its data checked against `schema`.
 * GraphQL errors become an AdminApiError naming the operation; a thrown Response (an expired
 * or revoked session) passes through so Remix can answer it.
 */
export async function adminQuery<Schema extends z.ZodType>(
  admin: AdminApiContext,
  operation: { name: string; document: string; data: Schema },
  variables?: Record<string, unknown>,
): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    const response = await admin.graphql(operation.document, variables ? { variables } : {});
    body = await response.json();
  } catch (error) {
    if (error instanceof GraphqlQueryError) {
      const errors = graphqlErrorsOf(error);
      const message = errors.map((detail) => detail.message).join("; ") || error.message;
      throw new AdminApiError(operation.name, message, errors, { cause: error });
    }
    throw error;
  }

  const parsed = operation.data.safeParse((body as { data?: unknown }).data);
  if (!parsed.success) {
    throw new AdminApiError(operation.name, `unexpected response: ${parsed.error.message}`);
  }
  return parsed.data;
}
