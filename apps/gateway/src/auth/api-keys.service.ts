import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { ApiKeyRepository, type ApiKeyEntity, type ApiKeyRole } from '@shopfloor/gateway/data-access';
import { GatewayEnv } from '../config/gateway.env';
import { AuditService } from '../audit/audit.service';
import { displayPrefix, generateApiKey, hashApiKey, sameHash } from './api-key-secrets';
import type { Principal } from './principal';

const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly bootstrapHash: string | null;
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditService,
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
    const key = await this.keys.findActiveByHash(hash);
    if (!key) return null;
    this.touchLater(key.id);
    return { id: key.id, name: key.name, role: key.role, via: 'api_key' };
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
    await this.audit.record(by, 'api_key.revoke', id, null);
  }

  /** last_used_at is for people, not for auth: written at most once a minute per key and never in the request path. */
  private touchLater(id: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.lastTouched.set(id, now);
    this.keys.touch(id, new Date(now)).catch((error: unknown) => this.logger.warn({ message: 'Could not record key use', err: error }));
  }
}
