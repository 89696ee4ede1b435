import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Session } from '../api/session';
import { CONDITION_LABELS, SEVERITIES, type AlertCondition, type AlertSeverity } from './alert-text';
import { RuleRefused, useSaveRule } from './alerts-data';
import { CONDITION_PARAMS, emptyRule, formToBody, ruleToForm, type FormErrors, type Rule, type RuleFormValues } from './rule-form';

const CONDITIONS = Object.keys(CONDITION_LABELS) as AlertCondition[];

/** A labelled input with its error beside it, tied together for screen readers. */
function Field(props: {
  id: string;
  label: string;
  error?: string;
  children: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const { id, label, error, children } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined })}
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${id}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Create or edit a rule; the API's validation errors appear beside their fields. */
export function RuleFormPanel({ session, rule, onDone }: { session: Session; rule?: Rule; onDone: (saved: Rule | null) => void }) {
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? ruleToForm(rule) : emptyRule()));
  const [errors, setErrors] = useState<FormErrors>({});
  const save = useSaveRule(session);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]): void => setValues((v) => ({ ...v, [key]: value }));
  const setParam = (name: string, value: string): void => setValues((v) => ({ ...v, params: { ...v.params, [name]: value } }));

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const parsed = formToBody(values, rule);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { id: rule?.id ?? null, body: parsed.body },
      {
        onSuccess: (saved) => onDone(saved),
        onError: (error) => setErrors(error instanceof RuleRefused ? error.errors : { form: error.message }),
      },
    );
  };
  const count = Object.keys(errors).length;

  return (
    <section className="panel rule-form" aria-labelledby="rule-form-title">
      <h2 id="rule-form-title" tabIndex={-1} ref={heading}>
        {rule ? `Edit rule “${rule.name}”` : 'New rule'}
      </h2>
      <form onSubmit={submit} noValidate>
        <p role="alert" className="form-error" data-testid="rule-form-error">
          {count > 0 ? (errors['form'] ?? `The rule was not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`) : ''}
        </p>
        <div className="form-grid">
          <Field id="rule-name" label="Name" error={errors['name']}>
            {(a) => <input {...a} value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={200} />}
          </Field>
          <Field id="rule-condition" label="Condition" error={errors['condition']}>
            {(a) => (
              <select {...a} value={values.condition} onChange={(e) => set('condition', e.target.value as AlertCondition)}>
                {CONDITIONS.map((c) => (
                  <option key={c} value={c}>
                    {CONDITION_LABELS[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {CONDITION_PARAMS[values.condition].map((p) => (
            <Field
              key={`${values.condition}-${p.name}`}
              id={`rule-param-${p.name}`}
              label={`${p.label}${p.required ? '' : ' (optional)'}`}
              error={errors[`params.${p.name}`]}
            >
              {(a) => (
                <input
                  {...a}
                  inputMode={p.kind === 'codes' ? 'text' : 'decimal'}
                  value={values.params[p.name] ?? ''}
                  onChange={(e) => setParam(p.name, e.target.value)}
                />
              )}
            </Field>
          ))}
          <Field id="rule-severity" label="Severity" error={errors['severity']}>
            {(a) => (
              <select {...a} value={values.severity} onChange={(e) => set('severity', e.target.value as AlertSeverity)}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="rule-cooldown" label="Cooldown after resolving (minutes)" error={errors['cooldown']}>
            {(a) => <input {...a} inputMode="numeric" value={values.cooldown} onChange={(e) => set('cooldown', e.target.value)} />}
          </Field>
        </div>
        <fieldset>
          <legend>Scope (empty: all machines)</legend>
          <div className="form-grid">
            <Field id="rule-machines" label="Machine ids (comma-separated)" error={errors['machineIds']}>
              {(a) => <input {...a} value={values.machineIds} onChange={(e) => set('machineIds', e.target.value)} />}
            </Field>
            <Field id="rule-types" label="Machine types" error={errors['machineTypes']}>
              {(a) => <input {...a} value={values.machineTypes} onChange={(e) => set('machineTypes', e.target.value)} />}
            </Field>
            <Field id="rule-locations" label="Locations" error={errors['locations']}>
              {(a) => <input {...a} value={values.locations} onChange={(e) => set('locations', e.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <fieldset aria-describedby={errors['channels'] ? 'rule-channels-error' : undefined}>
          <legend>Channels</legend>
          {errors['channels'] ? (
            <p id="rule-channels-error" className="field-error">
              {errors['channels']}
            </p>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={values.websocket} onChange={(e) => set('websocket', e.target.checked)} /> Dashboard (live)
          </label>
          <label className="check">
            <input type="checkbox" checked={values.email} onChange={(e) => set('email', e.target.checked)} /> E-mail
          </label>
          {values.email ? (
            <Field id="rule-email-to" label="E-mail recipients (comma-separated)" error={errors['emailTo']}>
              {(a) => <input {...a} type="text" autoComplete="off" value={values.emailTo} onChange={(e) => set('emailTo', e.target.value)} />}
            </Field>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={values.webhook} onChange={(e) => set('webhook', e.target.checked)} /> Webhook
          </label>
          {values.webhook ? (
            <div className="form-grid">
              <Field id="rule-webhook-url" label="Webhook URL" error={errors['webhookUrl']}>
                {(a) => <input {...a} type="url" value={values.webhookUrl} onChange={(e) => set('webhookUrl', e.target.value)} />}
              </Field>
              <Field id="rule-webhook-format" label="Webhook format" error={errors['webhookFormat']}>
                {(a) => (
                  <select {...a} value={values.webhookFormat} onChange={(e) => set('webhookFormat', e.target.value as RuleFormValues['webhookFormat'])}>
                    <option value="json">JSON</option>
                    <option value="slack">Slack</option>
                    <option value="teams">Teams</option>
                  </select>
                )}
              </Field>
            </div>
          ) : null}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} /> Enabled
        </label>
        {rule?.quiet_hours || rule?.escalation ? (
          <p className="help">Quiet hours and escalation of this rule are kept as they are (they are edited through the API).</p>
        ) : null}
        <div className="actions-row">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save rule'}
          </button>
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
