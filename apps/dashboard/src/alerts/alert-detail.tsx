import { useEffect, useRef, useState, type FormEvent } from 'react';
import { roleAllows, type Session, type SessionState } from '../api/session';
import { QueryState } from '../shared/page-state';
import { Time } from '../shared/shop-time';
import { MachineLink, SeverityBadge, StateBadge } from './alert-badges';
import { actionsFor, CONDITION_LABELS, type AlertAction } from './alert-text';
import { useAlert, useAlertAction, type AlertDetail } from './alerts-data';

const VERB: Record<AlertAction, { button: string; done: string }> = {
  acknowledge: { button: 'Acknowledge', done: 'Acknowledged.' },
  resolve: { button: 'Resolve', done: 'Resolved.' },
};

function valuesText(values: Record<string, unknown> | null): string {
  if (!values) return '';
  return Object.entries(values)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

/** Acknowledge / resolve with an optional comment; what the API answered stays shown after the alert refreshes. */
function AlertActions({ session, alert }: { session: Session; alert: AlertDetail }) {
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const action = useAlertAction(session);
  const offered = actionsFor(alert.state);
  const act = (what: AlertAction): void => {
    setOutcome(null);
    action.mutate(
      { id: alert.id, action: what, comment },
      {
        onSuccess: () => {
          setComment('');
          setOutcome({ ok: true, text: VERB[what].done });
        },
        onError: (error) => setOutcome({ ok: false, text: error.message }),
      },
    );
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const first = offered[0];
    if (first) act(first);
  };
  return (
    <form className="alert-actions" onSubmit={submit}>
      {offered.length > 0 ? (
        <>
          <label htmlFor={`comment-${alert.id}`}>Comment (optional)</label>
          <textarea id={`comment-${alert.id}`} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={1000} />
          <div className="actions-row">
            {offered.map((what) => (
              <button key={what} type="button" onClick={() => act(what)} disabled={action.isPending}>
                {VERB[what].button}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p className="help">This alert is resolved: nothing is left to do.</p>
      )}
      <p className={outcome && !outcome.ok ? 'form-error' : 'help'} role={outcome && !outcome.ok ? 'alert' : 'status'} data-testid="action-outcome">
        {outcome?.text ?? ''}
      </p>
    </form>
  );
}

export function AlertDetailPanel(props: { session: Session; user: SessionState; id: string; timeZone: string; onClose: () => void }) {
  const { session, user, id, timeZone, onClose } = props;
  const alert = useAlert(session, id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel alert-detail" aria-labelledby="alert-detail-title" data-testid="alert-detail">
      <div className="detail-head">
        <h2 id="alert-detail-title" tabIndex={-1} ref={heading}>
          Alert detail
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <QueryState query={alert} what="the alert">
        {(a) => (
          <>
            <p className="alert-message">{a.message}</p>
            <dl className="facts">
              <div>
                <dt>Machine</dt>
                <dd>
                  <MachineLink id={a.machine_id} />
                </dd>
              </div>
              <div>
                <dt>Condition</dt>
                <dd>{CONDITION_LABELS[a.condition]}</dd>
              </div>
              <div>
                <dt>Severity</dt>
                <dd>
                  <SeverityBadge severity={a.severity} />
                </dd>
              </div>
              <div>
                <dt>State</dt>
                <dd data-testid="detail-state">
                  <StateBadge state={a.state} />
                </dd>
              </div>
              <div>
                <dt>Opened</dt>
                <dd>
                  <Time iso={a.opened_at} zone={timeZone} />
                </dd>
              </div>
              <div>
                <dt>Updated</dt>
                <dd>
                  <Time iso={a.updated_at} zone={timeZone} />
                </dd>
              </div>
              {Object.keys(a.values).length > 0 ? (
                <div>
                  <dt>Measured</dt>
                  <dd>{valuesText(a.values)}</dd>
                </div>
              ) : null}
            </dl>
            <h3>Timeline</h3>
            <ol className="timeline">
              {a.timeline.map((t, i) => (
                <li key={`${t.at}-${i}`}>
                  <Time iso={t.at} zone={timeZone} /> — <strong>{t.kind}</strong>
                  {t.by ? ` by ${t.by}` : ''}
                  {t.comment ? <q className="comment">{t.comment}</q> : null}
                  {t.values && Object.keys(t.values).length > 0 ? <span className="help"> ({valuesText(t.values)})</span> : null}
                </li>
              ))}
            </ol>
            {roleAllows(user.role, 'operator') ? <AlertActions session={session} alert={a} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
