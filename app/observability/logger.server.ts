import { pino, type Logger, type LoggerOptions } from "pino";

import { env } from "~/env.server";

export type { Logger };

export const SERVICE_NAME = "searchlight-seo";

/** Paths whose values are replaced before a line is written, whatever the caller passed. */
const REDACTED_PATHS = [
  "accessToken",
  "*.accessToken",
  "apiKey",
  "*.apiKey",
  "apiSecret",
  "*.apiSecret",
  "password",
  "*.password",
  "sessionToken",
  "*.sessionToken",
  "req.headers.authorization",
  "req.headers.cookie",
  "headers.authorization",
  "headers.cookie",
];

function createRootLogger(): Logger {
  const options: LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { service: SERVICE_NAME, environment: env.NODE_ENV },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.errWithCause, error: pino.stdSerializers.errWithCause },
  };

  if (env.NODE_ENV === "development") {
    return pino({
      ...options,
      transport: {
        target: "pino-pretty",
        options: { colorize: true, ignore: "pid,hostname,service,environment" },
      },
    });
  }
  return pino(options);
}

/** The one root logger; everything else logs through children of it. */
export const logger = createRootLogger();
