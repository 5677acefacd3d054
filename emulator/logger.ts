import { pino, type Logger, type LoggerOptions } from "pino";

/**
 * The emulator's own logger: it stands for systems outside the app, so it never shares the
 * app's logger. Readable lines on a terminal, JSON otherwise.
 */
export function createEmulatorLogger(level = "info", pretty = false): Logger {
  const options: LoggerOptions = {
    name: "shopify-emulator",
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["token", "accessToken", "*.token", "*.access_token", "*.client_secret"],
      censor: "[redacted]",
    },
  };
  if (pretty) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } });
  }
  return pino(options);
}
