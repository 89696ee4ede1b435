import { useState } from 'react';
import type { Session } from '../api/session';
import { count, decimal } from '../board/format';
import { Time } from '../shared/shop-time';
import { activation, evaluatedOn, keyMetrics, TYPE_LABELS, type Accuracy, type Model } from './model-view';
import { useAccuracies, useActivate } from './models-data';
import { TableWrap } from '../shared/table-wrap';

function Metrics({ model }: { model: Model }) {
  const shown = keyMetrics(model.model_type, model.metrics);
  const on = evaluatedOn(model.metrics);
  return (
    <>
      {shown.length === 0 ? '—' : shown.map((m) => <span key={m.label} className="metric">{`${m.label} ${m.value}`}</span>)}
      {on ? <span className="help metric-note">evaluated on {on}</span> : null}
    </>
  );
}

function LiveAccuracy({ model, accuracy, loading }: { model: Model; accuracy: Accuracy | null | undefined; loading: boolean }) {
  if (loading) return <span className="help">…</span>;
  if (!accuracy) return <span className="help">not available</span>;
  if (accuracy.with_actual === 0)
    return <span className="help">{`no outcomes yet (${count(accuracy.predictions)} predictions, ${count(accuracy.pending)} pending)`}</span>;
  const shown = keyMetrics(model.model_type, accuracy.metrics, 2);
  return (
    <>
      {shown.map((m) => (
        <span key={m.label} className="metric">{`${m.label} ${m.value}`}</span>
      ))}
      {accuracy.brier_score !== null ? <span className="metric">{`Brier ${decimal(accuracy.brier_score, 3)}`}</span> : null}
      <span className="help metric-note">{`on ${count(accuracy.with_actual)} of ${count(accuracy.predictions)} predictions`}</span>
    </>
  );
}

/** A type's versions, newest first, with what each measured and why it is (not) active. */
export function VersionTable({ session, versions, admin, timeZone }: { session: Session; versions: Model[]; admin: boolean; timeZone: string }) {
  const accuracies = useAccuracies(
    session,
    versions.map((v) => v.model_id),
  );
  const activate = useActivate(session);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const act = (model: Model): void => {
    const what = activation(model, versions);
    if (!window.confirm(what.question)) return;
    setOutcome(null);
    activate.mutate(model.model_id, {
      onSuccess: (m) => setOutcome({ ok: true, text: `Version ${m.version} is active${what.kind === 'rollback' ? ' (rolled back)' : ''}.` }),
      onError: (e) => setOutcome({ ok: false, text: e.message }),
    });
  };
  return (
    <>
      <TableWrap label={`${TYPE_LABELS[versions[0]?.model_type ?? 'downtime'].title} versions`}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Version
              </th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col" className="num">
                Training rows
              </th>
              <th scope="col">Key metrics</th>
              <th scope="col">Promotion</th>
              <th scope="col">Live accuracy</th>
              {admin ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.model_id} data-version={v.version} data-active={v.active}>
                <td className="num">{count(v.version)}</td>
                <td>{v.active ? <span className="badge active-badge">active</span> : <span className="help">inactive</span>}</td>
                <td>
                  <Time iso={v.created_at} zone={timeZone} />
                </td>
                <td className="num">{count(v.training_data.rows)}</td>
                <td className="metrics">
                  <Metrics model={v} />
                </td>
                <td className="promotion">
                  {v.promotion ? (
                    <>
                      <strong>{v.promotion.decision}</strong>: {v.promotion.reason}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="metrics">
                  <LiveAccuracy model={v} accuracy={accuracies[i]?.data} loading={accuracies[i]?.isPending ?? false} />
                </td>
                {admin ? (
                  <td>
                    {v.active ? null : (
                      <button type="button" onClick={() => act(v)} disabled={activate.isPending}>
                        {activation(v, versions).kind === 'rollback' ? `Roll back to v${v.version}` : `Activate v${v.version}`}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p className={outcome && !outcome.ok ? 'form-error' : 'help'} role={outcome && !outcome.ok ? 'alert' : 'status'}>
        {outcome?.text ?? ''}
      </p>
    </>
  );
}
