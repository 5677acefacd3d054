import { readFileSync } from "node:fs";
import type { RequestHandler } from "express";
import { noteRequest, type JournalKind } from "./journal";

/** Serves one browser script from the emulator's folder, read once at start. */
export function scriptRoute(relativePath: string, kind: JournalKind): RequestHandler {
  const source = readFileSync(new URL(relativePath, import.meta.url), "utf8");
  return (_req, res) => {
    noteRequest(res, { kind });
    res.set("Cache-Control", "no-cache");
    res.type("application/javascript").send(source);
  };
}
