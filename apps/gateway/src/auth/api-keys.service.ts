import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { ApiKeyRepository, type ApiKeyEntity, type ApiKeyRole } from '@shopfloor/gateway/data-access';
import { GatewayEnv } from '../config/gateway.env';
import { AuditService } from '../audit/audit.service';
import { loggableError } from '../http/loggable-error';
import { refusalOfInput } from './api-key-insert.errors';
import { ApiKeyRevocationsService } from './api-key-revocations.service';
import { displayPrefix, generateApiKey, hashApiKey, sameHash } from './api-key-secrets';
import { CREDENTIAL_CACHE_OPTIONS, type CredentialCacheOptions } from './credential-cache.options';
import { BOOTSTRAP_ADMIN_ID, type Principal } from './principal';

const TOUCH_INTERVAL_MS = 60_000;

/**
 * API keys: creation, listing, revocation, and authentication of a presented key. Only a key's SHA-256 is stored.
 * Looked-up keys are kept in memory for a short while, so a request does not pay a database round trip for its
 * credentials; a revocation (ApiKeyRevocationsService) drops the key from every replica's memory.
 */
@Injectable()
export class ApiKeysService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly bootstrapHash: string | null;
  private readonly lastTouched = new Map<string, number>();
  /** Active keys looked up recently, by hash. */
  private readonly known = new Map<string, { principal: Principal; until: number }>();
  private stopListening?: () => void;

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditService,
    private readonly revocations: ApiKeyRevocationsService,
    @Inject(CREDENTIAL_CACHE_OPTIONS) private readonly cache: CredentialCacheOptions,
    env: GatewayEnv,
  ) {
    this.bootstrapHash = env.BOOTSTRAP_ADMIN_API_KEY ? hashApiKey(env.BOOTSTRAP_ADMIN_API_KEY) : null;
  }

  onModuleInit(): void {
    this.stopListening = this.revocations.onRevoked((id) => this.forget(id));
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  /** The principal a presented key stands for, or null for an unknown or revoked key. */
  async authenticate(presented: string): Promise<Principal | null> {
    if (presented.length < 16 || presented.length > 200) return null;
    const hash = hashApiKey(presented);
    if (this.bootstrapHash && sameHash(hash, this.bootstrapHash)) {
      return { id: BOOTSTRAP_ADMIN_ID, name: 'bootstrap admin', role: 'admin', via: 'api_key' };
    }
    const now = Date.now();
    const known = this.known.get(hash);
    if (known && known.until > now) {
      this.touchLater(known.principal.id);
      return known.principal;
    }
    const key = await this.keys.findActiveByHash(hash);
    // A revocation heard while the row was read (before it was committed) must not be undone by caching the row.
    if (!key || this.revocations.knownRevoked(key.id)) {
      this.known.delete(hash);
      return null;
    }
    const principal: Principal = { id: key.id, name: key.name, role: key.role, via: 'api_key' };
    if (this.known.size >= this.cache.maxEntries) this.known.delete(this.known.keys().next().value as string);
    this.known.set(hash, { principal, until: now + this.cache.ttlMs });
    this.touchLater(key.id);
    return principal;
  }

  async create(name: string, role: ApiKeyRole, by: Principal): Promise<{ entity: ApiKeyEntity; key: string }> {
    const key = generateApiKey();
    let entity: ApiKeyEntity;
    try {
      entity = await this.keys.create({ name, role, keyPrefix: displayPrefix(key), keyHash: hashApiKey(key), createdBy: by.id });
    } catch (error) {
      throw refusalOfInput(error, name) ?? error;
    }
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
    this.revocations.announce(id);
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
    this.keys.touch(id, new Date(now)).catch((error: unknown) => this.logger.warn({ message: 'Could not record key use', err: loggableError(error) }));
  }
}
