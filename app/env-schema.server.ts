import { z } from "zod";

import { version as packageVersion } from "../package.json";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLoopbackUrl(value: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(value).hostname);
}

const emulatorUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine(isLoopbackUrl, "must point at a loopback address (127.0.0.1, localhost or [::1])")
  .optional();

const TEN_MIB = 10 * 1024 * 1024;

const sampleRate = z.coerce
  .number()
  .min(0, "must be a sample rate between 0 and 1")
  .max(1, "must be a sample rate between 0 and 1");

/** A Sentry DSN names the project's public key and ends with its numeric id. */
function isSentryDsn(value: string): boolean {
  const url = new URL(value);
  return url.username !== "" && /\/\d+$/.test(url.pathname);
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LISTEN_HOST: z.string().min(1).default("0.0.0.0"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.url({ protocol: /^https?$/, error: "must be the app's public http(s) URL" }),
    SCOPES: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/, "must be a comma-separated list such as read_products")
      .default("read_products,write_products"),
    SHOP_CUSTOM_DOMAIN: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// ")
      .default("file:./data/dev.sqlite"),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    // How long an instance's claim on a bulk run lasts unless renewed; a run whose instance died
    // is taken over by another one after this long.
    BULK_RUN_LEASE_MS: z.coerce.number().int().min(1_000).default(30_000),
    SHOPIFY_EMULATOR_URL: emulatorUrl,
    APP_BRIDGE_URL: emulatorUrl,
    // Observability. The version logged on every line and given to Sentry as the release.
    APP_VERSION: z.string().min(1).default(packageVersion),
    // Errors, traces and metrics go to Sentry only when a DSN is set; without one nothing is sent.
    SENTRY_DSN: z
      .url({ protocol: /^https?$/, error: "must be a Sentry DSN: https://<key>@<host>/<project>" })
      .refine(isSentryDsn, "must be a Sentry DSN: https://<key>@<host>/<project>")
      .optional(),
    // Defaults to NODE_ENV; also the `environment` field of every log line.
    SENTRY_ENVIRONMENT: z.string().min(1).optional(),
    // Defaults to searchlight-seo@<APP_VERSION>.
    SENTRY_RELEASE: z.string().min(1).optional(),
    SENTRY_TRACES_SAMPLE_RATE: sampleRate.default(0.1),
    SENTRY_PROFILES_SAMPLE_RATE: sampleRate.default(0),
    // When set, error.log (error and above) and combined.log (every line) are written there too.
    LOG_DIR: z.string().min(1).optional(),
    LOG_FILE_MAX_BYTES: z.coerce.number().int().min(1024).default(TEN_MIB),
    // Rotated copies kept of each file besides the one being written.
    LOG_FILE_COUNT: z.coerce.number().int().min(1).max(100).default(5),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    for (const key of ["SHOPIFY_EMULATOR_URL", "APP_BRIDGE_URL"] as const) {
      if (env[key] === undefined) continue;
      ctx.addIssue({
        code: "custom",
        path: [key],
        message: "is an emulator setting and is refused when NODE_ENV is production",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses the given variables; throws an EnvError naming every bad variable and what it expects. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const message =
      source[name] === undefined && issue.code === "invalid_type" ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvError(problems);
}
