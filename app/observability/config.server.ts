import path from "node:path";

import type { Env } from "~/env-schema.server";

export const SERVICE_NAME = "searchlight-seo";

/** Everything the logger and Sentry are set up from, resolved once from the environment. */
export type ObservabilityConfig = ReturnType<typeof observabilityConfig>;

export function observabilityConfig(env: Env) {
  const environment = env.SENTRY_ENVIRONMENT ?? env.NODE_ENV;
  const release = env.SENTRY_RELEASE ?? `${SERVICE_NAME}@${env.APP_VERSION}`;
  const logDir = env.LOG_DIR;

  return {
    service: SERVICE_NAME,
    environment,
    release,
    log: {
      level: env.LOG_LEVEL,
      pretty: env.NODE_ENV === "development",
      files: logDir
        ? {
            errorFile: path.resolve(logDir, "error.log"),
            combinedFile: path.resolve(logDir, "combined.log"),
            maxBytes: env.LOG_FILE_MAX_BYTES,
            keep: env.LOG_FILE_COUNT,
          }
        : undefined,
    },
    sentry: env.SENTRY_DSN
      ? {
          dsn: env.SENTRY_DSN,
          environment,
          release,
          tracesSampleRate: env.SENTRY_TRACES_SAMPLE_RATE,
          profilesSampleRate: env.SENTRY_PROFILES_SAMPLE_RATE,
        }
      : undefined,
  };
}

// Environment variables whose values are secrets, whatever a caller later does with them. The
// app's API key is its public client id, shown in every page, so hiding it would only hinder.
const SECRET_VARIABLE = /(?:KEY|SECRET|TOKEN|PASSWORD|CREDENTIALS)$/;
const PUBLIC_VARIABLES = new Set(["SHOPIFY_API_KEY"]);

/** The values to hide wherever they would appear in a log line or a Sentry event. */
export function secretsOf(env: Record<string, unknown>): string[] {
  const secrets = Object.entries(env)
    .filter(([name]) => SECRET_VARIABLE.test(name) && !PUBLIC_VARIABLES.has(name))
    .filter(([, value]) => typeof value === "string")
    .map(([, value]) => value as string);

  const databaseUrl = env.DATABASE_URL;
  if (typeof databaseUrl === "string" && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    const password = decodeURIComponent(new URL(databaseUrl).password);
    if (password) secrets.push(password);
  }
  return secrets;
}
