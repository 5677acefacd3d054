import os from "node:os";

import {
  pino,
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
  type StreamEntry,
} from "pino";

import { currentContext } from "./context.server";
import { RotatingFile } from "./rotating-file.server";
import { scrubString, scrubValue } from "./scrub";

export type { Logger };

/** Called for every line at error level or above, with the logger that wrote it. */
export type ErrorLineHook = (args: unknown[], logger: Logger, level: number) => void;

export type LoggerOptions = {
  level: LevelWithSilent;
  base: { service: string; environment: string; release: string };
  pretty: boolean;
  files?: { errorFile: string; combinedFile: string; maxBytes: number; keep: number };
  /** Where JSON lines go besides the files; standard output unless told otherwise. */
  stdout?: DestinationStream | false;
  onErrorLine?: ErrorLineHook;
};

const ERROR_LEVEL = 50;

const keepAsIs = (value: unknown) => value;

// Fields a child logger was created with; the scope's fields of the same name are left out of
// its lines so that no key appears twice.
const boundKeys = new WeakMap<Logger, Set<string>>();

function contextFor(logger: Logger): Record<string, unknown> {
  const context = currentContext();
  if (!context) return {};
  const bound = boundKeys.get(logger);
  if (!bound) return { ...context };

  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (!bound.has(key)) fields[key] = value;
  }
  return fields;
}

function destinations(options: LoggerOptions): { streams: StreamEntry[]; files: RotatingFile[] } {
  const streams: StreamEntry[] = [];
  const files: RotatingFile[] = [];

  if (options.stdout !== false) {
    const stdout = options.pretty
      ? pino.transport({
          target: "pino-pretty",
          options: { colorize: true, ignore: "pid,hostname,service,environment,release" },
        })
      : (options.stdout ?? pino.destination(1));
    streams.push({ level: "trace", stream: stdout });
  }
  if (options.files) {
    const { errorFile, combinedFile, maxBytes, keep } = options.files;
    const errors = new RotatingFile(errorFile, { maxBytes, keep });
    const combined = new RotatingFile(combinedFile, { maxBytes, keep });
    files.push(errors, combined);
    streams.push({ level: "error", stream: errors }, { level: "trace", stream: combined });
  }
  return { streams, files };
}

/**
 * A root logger: JSON lines with the service, environment and release, the fields of the
 * current context scope, secrets removed by key and by shape, and errors written out in full.
 */
export function createLogger(options: LoggerOptions): { logger: Logger; files: RotatingFile[] } {
  const { streams, files } = destinations(options);
  const onErrorLine = options.onErrorLine;

  const logger = pino(
    {
      level: options.level,
      base: { ...options.base, pid: process.pid, hostname: os.hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: (_fields, _level, instance) => contextFor(instance),
      // Errors are written out (with their causes) by the scrubbing formatter below; pino's own
      // serializer would take that result for an error again and call it an "Object".
      serializers: { err: keepAsIs },
      formatters: {
        bindings: (bindings) => scrubValue(bindings) as Record<string, unknown>,
        log: (fields) => scrubValue(fields) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method, level) {
          if (onErrorLine && level >= ERROR_LEVEL) onErrorLine(args, this, level);
          method.apply(this, args as Parameters<typeof method>);
        },
        streamWrite: scrubString,
      },
      onChild: (child) => {
        boundKeys.set(child, new Set(Object.keys(child.bindings())));
      },
    },
    pino.multistream(streams, { dedupe: false }),
  );

  // pino applies `formatters.bindings` to the root's base fields only; a child's fields are
  // scrubbed here instead. Children of children inherit this method.
  const child = logger.child;
  logger.child = function scrubbedChild(this: Logger, bindings, childOptions) {
    return child.call(this, scrubValue(bindings) as typeof bindings, childOptions);
  } as typeof logger.child;

  return { logger, files };
}
