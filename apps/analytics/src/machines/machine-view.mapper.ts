import type { MachineRecord, MachineView } from '@shopfloor/contracts';
import type { MachineEntity, MachineUpsert } from '@shopfloor/analytics/data-access';

export function toMachineView(m: MachineEntity): MachineView {
  return {
    machine_id: m.machineId,
    name: m.name,
    type: m.type,
    location: m.location,
    installation_date: m.installationDate ? m.installationDate.toISOString() : null,
    specifications: m.specifications,
    source_updated_at: m.sourceUpdatedAt.toISOString(),
    synced_at: m.syncedAt.toISOString(),
  };
}

export function toMachineUpsert(r: MachineRecord): MachineUpsert {
  return {
    machineId: r.machine_id,
    name: r.name,
    type: r.type,
    location: r.location ?? null,
    installationDate: r.installation_date ? new Date(r.installation_date) : null,
    specifications: r.specifications ?? null,
    sourceUpdatedAt: new Date(r.source_updated_at),
  };
}
