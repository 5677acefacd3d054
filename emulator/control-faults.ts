import express, { type Router } from "express";
import { z } from "zod";
import { faultBody } from "./faults";
import type { EmulatorState } from "./state";

const clearQuery = z.object({ shop: z.string().optional() });

/** /__emulator/faults: inject failures into the routes the app calls. */
export function faultsRouter(state: EmulatorState): Router {
  const router = express.Router();

  router.get("/", (_req, res) => {
    res.json({ faults: state.faults.list() });
  });

  router.post("/", (req, res) => {
    const parsed = faultBody.safeParse(req.body);
    if (!parsed.success) {
      res
        .status(400)
        .json({ error: "invalid_request", fieldErrors: z.flattenError(parsed.error).fieldErrors });
      return;
    }
    const fault = state.faults.add(parsed.data);
    state.logger.info({ fault }, "fault added");
    res.status(201).json({ fault });
  });

  router.delete("/", (req, res) => {
    const parsed = clearQuery.safeParse(req.query);
    if (!parsed.success) {
      res
        .status(400)
        .json({ error: "invalid_request", fieldErrors: z.flattenError(parsed.error).fieldErrors });
      return;
    }
    state.faults.clear(parsed.data.shop);
    res.status(204).end();
  });

  router.delete("/:id", (req, res) => {
    const removed = state.faults.remove(Number(req.params.id));
    res.status(removed ? 204 : 404).end();
  });

  return router;
}
