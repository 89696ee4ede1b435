import type { MachineView } from '@shopfloor/contracts';
import type { MachineEntity } from '@shopfloor/analytics/data-access';

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
