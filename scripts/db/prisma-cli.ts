// Runs the Prisma CLI for the commands that never start the schema engine (generate, validate,
// format). The CLI still insists that an engine binary exists, and would download one, which
// cannot work offline; any existing file satisfies it since nothing executes it.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export async function runPrisma(args: string[]): Promise<void> {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    // No update check or telemetry request: the scripts work with no network.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${output.trim()}`);
}
