import type { components } from '@shopfloor/client';
import { decimal, percent, timeIn } from '../board/format';

type Risk = components['schemas']['MachineRiskView'];
type Entry = components['schemas']['RiskEntry'];

function Factors({ entry }: { entry: Entry }) {
  if (entry.factors.length === 0) return null;
  return (
    <ul className="factors">
      {entry.factors.slice(0, 5).map((f) => (
        <li key={f.feature}>
          {f.feature} = {decimal(f.value, 2)}{' '}
          <span className={f.contribution > 0 ? 'worse' : 'better'}>({f.contribution > 0 ? 'raises' : 'lowers'} the risk)</span>
        </li>
      ))}
    </ul>
  );
}

function RiskRow({ title, entry, value, timeZone }: { title: string; entry: Entry | null; value: (e: Entry) => string; timeZone: string }) {
  return (
    <div className={`risk-row ${entry?.above_threshold ? 'risk-row-high' : ''}`}>
      <dt>{title}</dt>
      <dd>
        {entry ? (
          <>
            <strong>{value(entry)}</strong>
            {entry.above_threshold ? ' — above the alert threshold' : ''}
            <span className="help">
              {' '}
              (model v{entry.model_version}, scored {timeIn(entry.predicted_at, timeZone, true)})
            </span>
            <Factors entry={entry} />
          </>
        ) : (
          <span className="help">No model has scored this machine yet.</span>
        )}
      </dd>
    </div>
  );
}

/** The machine's latest predictions with what moved them, and the recommended maintenance window. */
export function PredictionsPanel({ risk, timeZone }: { risk: Risk; timeZone: string }) {
  const window = risk.maintenance_window?.recommended_window;
  return (
    <dl className="risks" data-testid="predictions">
      <RiskRow
        title="Failure risk"
        entry={risk.failure_risk}
        value={(e) => `${percent(e.predicted_value)} within ${decimal((e.horizon_hours ?? 0) / 24, 0)} days`}
        timeZone={timeZone}
      />
      <RiskRow title="Downtime risk, next 24 h" entry={risk.downtime_24h} value={(e) => percent(e.predicted_value)} timeZone={timeZone} />
      <RiskRow title="Downtime risk, next 7 days" entry={risk.downtime_7d} value={(e) => percent(e.predicted_value)} timeZone={timeZone} />
      <RiskRow title="Remaining life" entry={risk.maintenance_window} value={(e) => `about ${decimal(e.predicted_value, 0)} h`} timeZone={timeZone} />
      <div className="risk-row">
        <dt>Recommended maintenance window</dt>
        <dd>
          {window ? (
            `${timeIn(window.start, timeZone, true)} – ${timeIn(window.end, timeZone, true)}`
          ) : (
            <span className="help">None yet: it comes with a remaining-life prediction.</span>
          )}
        </dd>
      </div>
      {risk.latest_anomaly ? (
        <RiskRow
          title="Unusual readings"
          entry={risk.latest_anomaly}
          value={(e) => `score ${decimal(e.predicted_value, 2)} in the hour to ${timeIn(risk.latest_anomaly?.at ?? e.predicted_at, timeZone)}`}
          timeZone={timeZone}
        />
      ) : null}
    </dl>
  );
}
