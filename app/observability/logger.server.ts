import { env } from "~/env.server";

import { observabilityConfig, secretsOf } from "./config.server";
import { createLogger, type Logger } from "./create-logger.server";
import { registerSecrets } from "./scrub";
import { forwardToSentry } from "./sentry-forward.server";

export type { Logger };
export { SERVICE_NAME } from "./config.server";

const config = observabilityConfig(env);
registerSecrets(secretsOf(env));

/** The one root logger; context scopes add the request's or job's fields to every line. */
export const logger = createLogger({
  level: config.log.level,
  base: { service: config.service, environment: config.environment, release: config.release },
  pretty: config.log.pretty,
  files: config.log.files,
  onErrorLine: forwardToSentry,
}).logger;

/** A child logger for a component or a long task, whose fields go on each of its lines. */
export function withContext(fields: Record<string, unknown>): Logger {
  return logger.child(fields);
}
