import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SUBJECTS } from '@shopfloor/contracts';
import { ApiKeyRepository } from '@shopfloor/gateway/data-access';
import { NatsConnectionHolder } from '@shopfloor/nats';
import { JSONCodec, type Subscription } from 'nats';
import { loggableError } from '../http/loggable-error';
import { CREDENTIAL_CACHE_OPTIONS, type CredentialCacheOptions } from './credential-cache.options';
import { KeyStateCache } from './key-state.cache';
import { BOOTSTRAP_ADMIN_ID } from './principal';

const revocations = JSONCodec<{ id: string }>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RevocationListener = (id: string) => void;

/**
 * Which API keys are revoked, as every gateway replica sees it. The replica that revokes a key tells the others over
 * NATS (core, no queue group: every replica hears it) and each applies it at once; what a replica has looked up in
 * PostgreSQL it trusts for the cache lifetime, which bounds how long a lost message can keep a key alive. Bearer
 * tokens carry only their key's id, so this is what ends them, and the WebSockets opened with the key or its tokens,
 * with the key.
 */
@Injectable()
export class ApiKeyRevocationsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeyRevocationsService.name);
  private readonly states: KeyStateCache;
  /** Lookups in flight, so that requests arriving together with a stale entry share one query. */
  private readonly lookups = new Map<string, Promise<boolean>>();
  private readonly listeners = new Set<RevocationListener>();
  private subscription?: Subscription;

  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly nats: NatsConnectionHolder,
    @Inject(CREDENTIAL_CACHE_OPTIONS) private readonly options: CredentialCacheOptions,
  ) {
    this.states = new KeyStateCache(options);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.nats.connection.subscribe(SUBJECTS.gateway.apiKeyRevoked, {
      callback: (error, msg) => {
        if (error) return;
        let id: unknown;
        try {
          id = revocations.decode(msg.data).id;
        } catch {
          return;
        }
        if (typeof id === 'string') this.apply(id);
      },
    });
    // Subscribed before the HTTP port opens, so no replica accepts requests while deaf to revocations.
    await this.nats.connection.flush();
  }

  onModuleDestroy(): void {
    if (this.subscription && !this.subscription.isClosed()) this.subscription.unsubscribe();
  }

  /** Whether the key with this id is revoked (or gone): from memory while fresh, else one query per key, however many ask. */
  async isRevoked(id: string): Promise<boolean> {
    if (id === BOOTSTRAP_ADMIN_ID) return false;
    if (!UUID.test(id)) return true;
    const known = this.states.revoked(id, Date.now());
    if (known !== undefined) return known;
    let lookup = this.lookups.get(id);
    if (!lookup) {
      lookup = this.lookUp(id).finally(() => this.lookups.delete(id));
      this.lookups.set(id, lookup);
    }
    return lookup;
  }

  /** Whether this replica already knows the key is revoked; no database round trip. */
  knownRevoked(id: string): boolean {
    return this.states.revoked(id, Date.now()) === true;
  }

  /** Called once the key is revoked in the database: applies it on this replica and tells the others. */
  announce(id: string): void {
    this.apply(id);
    try {
      this.nats.connection.publish(SUBJECTS.gateway.apiKeyRevoked, revocations.encode({ id }));
    } catch (error) {
      this.logger.warn({
        message: `Could not tell the other replicas of a revocation; they refuse the key within ${this.options.ttlMs / 1000} s`,
        key_id: id,
        err: error,
      });
    }
  }

  /** Calls the listener with the id of each key this replica learns is revoked, once per key; returns the unsubscribe. */
  onRevoked(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async lookUp(id: string): Promise<boolean> {
    const readAt = Date.now();
    const revoked = await this.repository.isRevoked(id);
    if (revoked) {
      // A revocation whose message never arrived: the key's open sockets and cached credentials go now.
      this.apply(id);
      return true;
    }
    this.states.recordActive(id, readAt);
    return this.knownRevoked(id);
  }

  private apply(id: string): void {
    if (!this.states.markRevoked(id)) return;
    for (const listener of this.listeners) {
      try {
        listener(id);
      } catch (error) {
        this.logger.error({ message: 'A revocation listener failed', key_id: id, err: loggableError(error) });
      }
    }
  }
}
