import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode, SUBJECTS } from '@shopfloor/contracts';
import { NatsConnectionHolder } from '@shopfloor/nats';
import { JSONCodec, type Subscription } from 'nats';
import { ApiKeyRepository, type ApiKeyEntity, type ApiKeyRole } from '@shopfloor/gateway/data-access';
import { GatewayEnv } from '../config/gateway.env';
import { AuditService } from '../audit/audit.service';
import { displayPrefix, generateApiKey, hashApiKey, sameHash } from './api-key-secrets';
import type { Principal } from './principal';

const TOUCH_INTERVAL_MS = 60_000;
/** How long a replica trusts a key it has looked up; a revocation reaches every replica at once, this only bounds a lost one. */
const CACHE_MS = 30_000;
const CACHE_MAX_KEYS = 10_000;
const revocations = JSONCodec<{ id: string }>();

/**
 * API keys: creation, listing, revocation, and authentication of a presented key. Only a key's SHA-256 is stored.
 * Looked-up keys are kept in memory for a short while, so a request does not pay a database round trip for its
 * credentials; a revocation drops the key from every replica's memory over NATS.
 */
@Injectable()
export class ApiKeysService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly bootstrapHash: string | null;
  private readonly lastTouched = new Map<string, number>();
  /** Active keys looked up recently, by hash. */
  private readonly known = new Map<string, { principal: Principal; until: number }>();
  private subscription?: Subscription;

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditService,
    private readonly nats: NatsConnectionHolder,
    env: GatewayEnv,
  ) {
    this.bootstrapHash = env.BOOTSTRAP_ADMIN_API_KEY ? hashApiKey(env.BOOTSTRAP_ADMIN_API_KEY) : null;
  }

  /** The principal a presented key stands for, or null for an unknown or revoked key. */
  async authenticate(presented: string): Promise<Principal | null> {
    if (presented.length < 16 || presented.length > 200) return null;
    const hash = hashApiKey(presented);
    if (this.bootstrapHash && sameHash(hash, this.bootstrapHash)) {
      return { id: 'bootstrap-admin', name: 'bootstrap admin', role: 'admin', via: 'api_key' };
    }
    const now = Date.now();
    const known = this.known.get(hash);
    if (known && known.until > now) {
      this.touchLater(known.principal.id);
      return known.principal;
    }
    const key = await this.keys.findActiveByHash(hash);
    if (!key) {
      this.known.delete(hash);
      return null;
    }
    const principal: Principal = { id: key.id, name: key.name, role: key.role, via: 'api_key' };
    if (this.known.size >= CACHE_MAX_KEYS) this.known.delete(this.known.keys().next().value as string);
    this.known.set(hash, { principal, until: now + CACHE_MS });
    this.touchLater(key.id);
    return principal;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.nats.connection.subscribe(SUBJECTS.gateway.apiKeyRevoked, {
      callback: (error, msg) => {
        if (error) return;
        try {
          this.forget(revocations.decode(msg.data).id);
        } catch {
          // not a revocation message; nothing to drop
        }
      },
    });
    await this.nats.connection.flush();
  }

  onModuleDestroy(): void {
    if (this.subscription && !this.subscription.isClosed()) this.subscription.unsubscribe();
  }

  async create(name: string, role: ApiKeyRole, by: Principal): Promise<{ entity: ApiKeyEntity; key: string }> {
    const key = generateApiKey();
    const entity = await this.keys.create({ name, role, keyPrefix: displayPrefix(key), keyHash: hashApiKey(key), createdBy: by.id });
    await this.audit.record(by, 'api_key.create', entity.id, { name, role });
    return { entity, key };
  }

  async list(includeRevoked: boolean): Promise<ApiKeyEntity[]> {
    return this.keys.list(includeRevoked);
  }

  async revoke(id: string, by: Principal): Promise<void> {
    if (!(await this.keys.revoke(id, new Date()))) {
      throw new DomainError(ErrorCode.ApiKeyNotFound, `No active API key with id ${id}`, { id });
    }
    this.forget(id);
    try {
      this.nats.connection.publish(SUBJECTS.gateway.apiKeyRevoked, revocations.encode({ id }));
    } catch (error) {
      this.logger.warn({ message: 'Could not tell the other replicas of a revocation; they refuse the key within 30 s', err: error });
    }
    await this.audit.record(by, 'api_key.revoke', id, null);
  }

  private forget(id: string): void {
    for (const [hash, entry] of this.known) if (entry.principal.id === id) this.known.delete(hash);
  }

  /** last_used_at is for people, not for auth: written at most once a minute per key and never in the request path. */
  private touchLater(id: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, now);
    this.keys.touch(id, new Date(now)).catch((error: unknown) => this.logger.warn({ message: 'Could not record key use', err: error }));
  }
}
