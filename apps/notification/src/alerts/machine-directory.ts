import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, SUBJECTS, type ListMachinesReply, type MachineView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { NotificationEnv } from '../config/notification.env';
import type { MachineProfile } from '../rules/rule-scope';

/** analytics.machines.list answers at most this many. */
const MAX_MACHINES = 1000;
/** A machine missing from the list is looked for again at most this often (it may be new). */
const MISS_REFRESH_MS = 30_000;

/**
 * The machines analytics knows, with their types and locations (what rule scopes match), read over NATS and kept for
 * ALERT_MACHINES_CACHE_SECONDS. When analytics cannot be asked, the last list stands; with none at all the caller
 * hears SERVICE_UNAVAILABLE and tries again later.
 */
@Injectable()
export class MachineDirectory {
  private readonly logger = new Logger(MachineDirectory.name);
  private machines?: Map<string, MachineView>;
  private readAt = 0;
  private reading?: Promise<Map<string, MachineView>>;

  constructor(
    private readonly rpc: RpcClient,
    private readonly env: NotificationEnv,
  ) {}

  /** Every machine, for checks that ask about each (OEE). */
  async all(): Promise<MachineView[]> {
    return [...(await this.current(this.env.ALERT_MACHINES_CACHE_SECONDS * 1000)).values()];
  }

  /** A machine's type and location; null for one analytics does not know. */
  async profile(machineId: string): Promise<MachineProfile | null> {
    let machines = await this.current(this.env.ALERT_MACHINES_CACHE_SECONDS * 1000);
    if (!machines.has(machineId)) machines = await this.current(MISS_REFRESH_MS);
    const machine = machines.get(machineId);
    return machine ? { type: machine.type, location: machine.location } : null;
  }

  private async current(maxAgeMs: number): Promise<Map<string, MachineView>> {
    if (this.machines && performance.now() - this.readAt < maxAgeMs) return this.machines;
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<Map<string, MachineView>> {
    try {
      const reply = await this.rpc.request<ListMachinesReply>(SUBJECTS.analytics.machinesList, { limit: MAX_MACHINES });
      if (reply.total > reply.items.length)
        this.logger.warn({ message: `Rule scopes see the first ${reply.items.length} of ${reply.total} machines`, total: reply.total });
      this.machines = new Map(reply.items.map((m) => [m.machine_id, m]));
      this.readAt = performance.now();
      return this.machines;
    } catch (error) {
      if (this.machines) {
        this.logger.warn({ message: 'Could not refresh the machine list; using the last one', reason: (error as Error).message });
        // Ask again after the shorter interval, not at every event.
        this.readAt = performance.now() - Math.max(0, this.env.ALERT_MACHINES_CACHE_SECONDS * 1000 - MISS_REFRESH_MS);
        return this.machines;
      }
      throw error instanceof DomainError ? error : new DomainError(ErrorCode.ServiceUnavailable, 'The machine list could not be read from analytics', null);
    }
  }
}
