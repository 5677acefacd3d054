import type { RequestHandler } from "express";
import { describeFault, pause, type FaultRoute } from "./faults";
import { noteRequest } from "./journal";
import type { EmulatorState } from "./state";

/**
 * Latency, error statuses and resets for a route that has no use for the GraphQL-only faults
 * (throttling, resets after the request ran): the token exchange.
 */
export function routeFaults(state: EmulatorState, route: FaultRoute): RequestHandler {
  return (req, res, next) => {
    const shop = String(req.params.shop);
    const { latencyMs, fault } = state.faults.draw({ route, shop, operationName: null });
    if (fault) noteRequest(res, { shop, fault: describeFault(fault) });

    pause(latencyMs).then(() => {
      if (fault?.kind === "status") {
        res.status(fault.status).json({ errors: `HTTP ${fault.status}` });
      } else if (fault?.kind === "reset") {
        req.socket.resetAndDestroy();
      } else {
        next();
      }
    }, next);
  };
}
