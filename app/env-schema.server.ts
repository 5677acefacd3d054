import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function isLoopbackUrl(value: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(value).hostname);
}

const emulatorUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine(isLoopbackUrl, "must point at a loopback address (127.0.0.1, localhost or [::1])")
  .optional();

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
    SHOPIFY_EMULATOR_URL: emulatorUrl,
    APP_BRIDGE_URL: emulatorUrl,
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
