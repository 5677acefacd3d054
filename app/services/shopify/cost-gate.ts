import {
  availableAt,
  msUntilAvailable,
  pictureFrom,
  pointsNeeded,
  withdraw,
  type BucketPicture,
  type ThrottleStatus,
} from "./bucket";

/** A request admitted by the gate; `release` must be called once it has an answer or failed. */
export interface Permit {
  release(status: ThrottleStatus | null): void;
}

export interface GateSnapshot {
  /** Estimated points now; null until the shop's first answer. */
  available: number | null;
  maximum: number | null;
  restoreRate: number | null;
  inFlight: number;
  waiting: number;
}

interface Waiter {
  cost: number;
  admit(permit: Permit): void;
}

/**
 * Admits a shop's requests in arrival order when the bucket can pay for them and keep its
 * reserve. Until the first answer tells the bucket's size, one request is in flight at a time.
 */
export class CostGate {
  private picture: BucketPicture | null = null;
  private inFlight = 0;
  private inFlightCost = 0;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  acquire(cost: number, signal?: AbortSignal): Promise<Permit> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
        this.pump();
      };
      const waiter: Waiter = {
        cost,
        admit: (permit) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(permit);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Takes in what an answer reported without a request of this client behind it. */
  observe(status: ThrottleStatus): void {
    this.picture = pictureFrom(status, this.now(), this.inFlightCost);
    this.pump();
  }

  snapshot(): GateSnapshot {
    const picture = this.picture;
    return {
      available: picture ? Math.floor(availableAt(picture, this.now())) : null,
      maximum: picture?.maximum ?? null,
      restoreRate: picture?.restoreRate ?? null,
      inFlight: this.inFlight,
      waiting: this.queue.length,
    };
  }

  private canStart(cost: number): boolean {
    if (!this.picture) return this.inFlight === 0;
    return availableAt(this.picture, this.now()) >= pointsNeeded(this.picture, cost);
  }

  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;

    for (let head = this.queue[0]; head; head = this.queue[0]) {
      if (!this.canStart(head.cost)) {
        this.wakeFor(head.cost);
        return;
      }
      this.queue.shift();
      head.admit(this.start(head.cost));
    }
  }

  private wakeFor(cost: number): void {
    // Without a picture the next release wakes the queue.
    if (!this.picture) return;
    const wait = msUntilAvailable(this.picture, pointsNeeded(this.picture, cost), this.now());
    this.timer = setTimeout(() => this.pump(), Math.max(1, wait));
  }

  private start(cost: number): Permit {
    this.inFlight += 1;
    this.inFlightCost += cost;
    if (this.picture) this.picture = withdraw(this.picture, cost, this.now());

    let released = false;
    return {
      release: (status) => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.inFlightCost -= cost;
        if (status) this.picture = pictureFrom(status, this.now(), this.inFlightCost);
        this.pump();
      },
    };
  }
}

const gates = new Map<string, CostGate>();

/** The one gate per shop in this process, shared by every client for that shop. */
export function costGateFor(shop: string): CostGate {
  let gate = gates.get(shop);
  if (!gate) {
    gate = new CostGate();
    gates.set(shop, gate);
  }
  return gate;
}
