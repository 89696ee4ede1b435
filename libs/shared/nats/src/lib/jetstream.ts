import { Injectable, Logger } from '@nestjs/common';
import type { StreamDefinition } from '@shopfloor/contracts';
import { DiscardPolicy, JSONCodec, NatsError, RetentionPolicy, StorageType, nanos, type JetStreamClient, type JetStreamManager, type PubAck } from 'nats';
import { outgoingHeaders } from './message-headers';
import { NatsConnectionHolder } from './nats-connection';

const codec = JSONCodec<unknown>();

/** Creates streams idempotently and publishes events durably (the returned ack means the stream has stored it). */
@Injectable()
export class JetStreamService {
  private readonly logger = new Logger(JetStreamService.name);
  private manager?: JetStreamManager;

  constructor(private readonly nats: NatsConnectionHolder) {}

  get client(): JetStreamClient {
    return this.nats.connection.jetstream();
  }

  async jsm(): Promise<JetStreamManager> {
    this.manager ??= await this.nats.connection.jetstreamManager();
    return this.manager;
  }

  /** Adds each stream that is missing and brings an existing one's subjects and limits up to its definition. */
  async ensureStreams(definitions: readonly StreamDefinition[]): Promise<void> {
    const jsm = await this.jsm();
    for (const def of definitions) {
      const config = {
        name: def.name,
        subjects: [...def.subjects],
        description: def.description,
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        discard: DiscardPolicy.Old,
        max_age: nanos(def.maxAgeSeconds * 1000),
        duplicate_window: nanos(def.duplicateWindowSeconds * 1000),
      };
      const existing = await jsm.streams.info(def.name).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      if (!existing) {
        try {
          await jsm.streams.add(config);
          this.logger.log({ message: `Created stream ${def.name}`, stream: def.name });
        } catch (error) {
          // Another replica created it between our look-up and add; same definition, so nothing to do.
          if (!(error instanceof NatsError && /already in use/i.test(error.message))) throw error;
        }
        continue;
      }
      const current = existing.config;
      const differs =
        current.subjects.join(',') !== config.subjects.join(',') ||
        current.max_age !== config.max_age ||
        current.duplicate_window !== config.duplicate_window ||
        current.description !== config.description;
      if (differs) {
        const { storage: _storage, retention: _retention, ...changeable } = config;
        await jsm.streams.update(def.name, { ...current, ...changeable });
        this.logger.log({ message: `Updated stream ${def.name}`, stream: def.name });
      }
    }
  }

  /**
   * Publishes one event and waits for the stream's ack. `messageId` makes the publish idempotent within the stream's
   * duplicate window, so a retried publish after a crash does not store the event twice.
   */
  async publish(subject: string, payload: unknown, messageId?: string): Promise<PubAck> {
    return this.publishEncoded(subject, codec.encode(payload), messageId);
  }

  /** As publish, for a payload already encoded (JSON text as UTF-8 bytes), e.g. a batch cut to the size limit. */
  async publishEncoded(subject: string, data: Uint8Array, messageId?: string): Promise<PubAck> {
    return this.client.publish(subject, data, { msgID: messageId, headers: outgoingHeaders() });
  }

  /** The largest message the server takes, in bytes (its max_payload; NATS's default 1 MiB until connected). */
  get maxPayload(): number {
    return this.nats.connection.info?.max_payload ?? 1024 * 1024;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof NatsError && (error.api_error?.err_code === 10059 || error.api_error?.err_code === 10014 || /not found/i.test(error.message));
}
