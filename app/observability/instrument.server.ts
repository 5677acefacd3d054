/**
 * Sentry for the server, started before anything else is loaded: its tracing patches Remix,
 * Express and HTTP as they are first required, so server.ts imports this module first
 * (docs/decisions/008). Without SENTRY_DSN nothing is initialised and nothing is ever sent.
 */
import { parseEnv, type Env } from "~/env-schema.server";

import { observabilityConfig, secretsOf } from "./config.server";
import { registerSecrets } from "./scrub";
import { startServerSentry } from "./sentry-options.server";

function readEnv(): Env | undefined {
  try {
    return parseEnv(process.env);
  } catch {
    // The app parses the environment again as it starts and stops naming what is wrong.
    return undefined;
  }
}

function startSentry() {
  const env = readEnv();
  const config = env && observabilityConfig(env).sentry;
  if (!env || !config) return;

  registerSecrets(secretsOf(env));
  startServerSentry(config);
}

startSentry();
