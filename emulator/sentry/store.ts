import type { Envelope, EnvelopeItem } from "./envelope";

export type ReceivedEnvelope = Envelope & {
  receivedAt: string;
  projectId: string;
  publicKey: string;
};

export type ReceivedItem = EnvelopeItem & {
  receivedAt: string;
  projectId: string;
};

/** Everything the sink was sent, oldest first, kept in memory until cleared. */
export class SentryStore {
  private envelopes: ReceivedEnvelope[] = [];

  add(envelope: ReceivedEnvelope): void {
    this.envelopes.push(envelope);
  }

  listEnvelopes(): ReceivedEnvelope[] {
    return this.envelopes;
  }

  listItems(filter: { type?: string; projectId?: string } = {}): ReceivedItem[] {
    return this.envelopes
      .filter((envelope) => !filter.projectId || envelope.projectId === filter.projectId)
      .flatMap((envelope) =>
        envelope.items.map((item) => ({
          ...item,
          receivedAt: envelope.receivedAt,
          projectId: envelope.projectId,
        })),
      )
      .filter((item) => !filter.type || item.type === filter.type);
  }

  clear(): void {
    this.envelopes = [];
  }
}
