import { GraphQLError } from "graphql";
import type { ResolverContext } from "./context";

/** Shopify's answer when the token lacks a scope: a write scope implies its read scope. */
export function requireAccess(context: ResolverContext, scope: string, field: string): void {
  const scopes = context.grant.scopes;
  const implied = scope.replace(/^read_/, "write_");
  if (scopes.includes(scope) || scopes.includes(implied)) return;

  const requiredAccess = `\`${scope}\` access scope.`;
  throw new GraphQLError(`Access denied for ${field} field. Required access: ${requiredAccess}`, {
    extensions: {
      code: "ACCESS_DENIED",
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess,
    },
  });
}
