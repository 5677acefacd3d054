// Shared plumbing for the db scripts: timed progress lines and an explicit exit, because the
// schema engine and pg pools can leave timers that would keep the process alive.

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function timed<T>(
  label: string,
  run: () => Promise<T>,
  detail?: (result: T) => string,
): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  const note = detail ? `: ${detail(result)}` : "";
  say(`${label}${note} (${ms} ms)`);
  return result;
}

/** Runs a script's main function and exits with its code; an error prints and exits 1. */
export function cli(main: () => Promise<number>): void {
  const started = performance.now();
  main().then(
    (code) => {
      if (code === 0) say(`done in ${Math.round(performance.now() - started)} ms`);
      process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`error: ${errorMessage(error)}\n`);
      process.exit(1);
    },
  );
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The schema engine appends a Rust span trace ("   0: schema_engine_wasm::..."); the first
  // lines say what went wrong.
  return message.replace(/^Error: /, "").split(/\n\s+0: /)[0] ?? message;
}
