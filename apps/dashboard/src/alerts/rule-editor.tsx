import { useState } from 'react';
import type { Session } from '../api/session';
import { Empty, QueryState } from '../shared/page-state';
import { Time } from '../shared/shop-time';
import { SeverityBadge } from './alert-badges';
import { describeCondition } from './alert-text';
import { useDeleteRule, useRules } from './alerts-data';
import { RuleFormPanel } from './rule-form-panel';
import type { Rule } from './rule-form';
import { TableWrap } from '../shared/table-wrap';

const scopeText = (rule: Rule): string => {
  const parts = [
    rule.scope.machine_ids.length ? `machines ${rule.scope.machine_ids.join(', ')}` : '',
    rule.scope.machine_types.length ? `types ${rule.scope.machine_types.join(', ')}` : '',
    rule.scope.locations.length ? `locations ${rule.scope.locations.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'all machines';
};

/** The alert rules (admin): list, create, edit, delete. */
export function RuleEditor({ session, timeZone }: { session: Session; timeZone: string }) {
  const rules = useRules(session);
  const remove = useDeleteRule(session);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const del = (rule: Rule): void => {
    if (!window.confirm(`Delete the rule “${rule.name}”? Its open alerts stay, without a rule.`)) return;
    remove.mutate(rule.id, {
      onSuccess: () => setNotice(`Rule “${rule.name}” deleted.`),
      onError: (e) => setNotice(e.message),
    });
  };

  return (
    <>
      {editing ? (
        <RuleFormPanel
          key={editing === 'new' ? 'new' : editing.id}
          session={session}
          rule={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNotice(`Rule “${saved.name}” saved.`);
          }}
        />
      ) : null}
      <section className="panel" aria-labelledby="rules-title">
        <div className="detail-head">
          <h2 id="rules-title">Rules</h2>
          <button type="button" onClick={() => setEditing('new')} disabled={editing === 'new'}>
            New rule
          </button>
        </div>
        <p role="status" className="help">
          {notice ?? ''}
        </p>
        <QueryState query={rules} what="the rules">
          {(items) =>
            items.length === 0 ? (
              <Empty>
                <p>No rules: no alert will open. Create one with “New rule”.</p>
              </Empty>
            ) : (
              <TableWrap label="Alert rules">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Condition</th>
                      <th scope="col">Scope</th>
                      <th scope="col">Severity</th>
                      <th scope="col">Channels</th>
                      <th scope="col" className="num">
                        Cooldown
                      </th>
                      <th scope="col">Updated</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((r) => (
                      <tr key={r.id} className={r.enabled ? undefined : 'disabled-row'}>
                        <td>
                          {r.name}
                          {r.is_default ? <span className="help"> (default)</span> : null}
                          {r.enabled ? null : <span className="help"> (off)</span>}
                        </td>
                        <td>{describeCondition(r.condition, r.params)}</td>
                        <td>{scopeText(r)}</td>
                        <td>
                          <SeverityBadge severity={r.severity} />
                        </td>
                        <td>{r.channels.map((c) => c.type).join(', ')}</td>
                        <td className="num">{r.cooldown_minutes} min</td>
                        <td>
                          <Time iso={r.updated_at} zone={timeZone} />
                        </td>
                        <td className="row-actions">
                          <button type="button" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                            Edit
                          </button>
                          <button type="button" onClick={() => del(r)} aria-label={`Delete ${r.name}`} disabled={remove.isPending}>
                            Delete
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
