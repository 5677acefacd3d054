import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

export const ADMIN_API_VERSION = "2026-10";

const schemaFile = new URL(`../schema/admin-${ADMIN_API_VERSION}.json.gz`, import.meta.url);

// Building the client schema takes about 0.25 s, so every emulator in the process shares one.
let cached: GraphQLSchema | undefined;

/** The real Admin API schema of the pinned version, from the committed introspection snapshot. */
export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const introspection = JSON.parse(gunzipSync(readFileSync(schemaFile)).toString("utf8")) as {
      data: IntrospectionQuery;
    };
    cached = buildClientSchema(introspection.data);
  }
  return cached;
}
