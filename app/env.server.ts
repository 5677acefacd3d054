import { EnvError, parseEnv, type Env } from "./env-schema.server";

export type { Env };

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // The logger is configured from this environment, so it cannot report its own failure.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

export const env = loadEnv();
