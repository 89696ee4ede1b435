import { Link } from 'react-router-dom';
import type { AlertSeverity, AlertState } from './alert-text';

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return <span className={`badge severity-${severity}`}>{severity}</span>;
}

export function StateBadge({ state }: { state: AlertState }) {
  return (
    <span className={`badge alert-state-${state}`} data-testid="alert-state">
      {state}
    </span>
  );
}

export function MachineLink({ id }: { id: string }) {
  return <Link to={`/machines/${encodeURIComponent(id)}`}>{id}</Link>;
}
