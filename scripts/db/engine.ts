// Prisma's schema engine compiled to WebAssembly, driven through driver adapters: migrations work
// with no native engine and no download. The glue module and the .wasm file must come from the
// same @prisma/schema-engine-wasm version, pinned to match @prisma/client.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

import type { DatabaseProvider } from "../../prisma/database-url";
import { migrationAdapters } from "./migration-adapters";

export type EngineTarget = {
  provider: DatabaseProvider;
  /** The database to migrate; for diffs only, any database on the server that hosts shadows. */
  url: string;
  schemaPath: string;
  schema: string;
};

export type Engine = {
  engine: SchemaEngine;
  close(): Promise<void>;
};

let loading: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loading ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const imports = { "./schema_engine_bg.js": { ...glue, ...unrefTimers(glue) } };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("schema engine wasm has no start function");
    start();
  })();
  return loading;
}

// The engine races database calls against 10 s timeouts and never clears the timers, which then
// hold the process open for 10 s after the work is done. Unreferenced timers still fire while
// the process has work, and no longer keep an idle one alive.
function unrefTimers(bindings: Record<string, unknown>): Record<string, unknown> {
  const replaced: Record<string, unknown> = {};
  for (const name of Object.keys(bindings).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    replaced[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return replaced;
}

export async function openEngine(target: EngineTarget): Promise<Engine> {
  await loadWasm();
  const adapters = migrationAdapters(target.provider, target.url);
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[target.schemaPath, target.schema]] },
    logEngineMessage,
    bindMigrationAwareSqlAdapterFactory(adapters.factory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await adapters.close();
    },
  };
}

function logEngineMessage(message: string): void {
  if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`${message}\n`);
}
