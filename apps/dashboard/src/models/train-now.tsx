import { useState } from 'react';
import type { Session } from '../api/session';
import { TYPE_LABELS, trainingActive, trainingText, type ModelType, type Training } from './model-view';
import { useStartTraining, useTraining } from './models-data';

/**
 * The training of one shop-floor model type in progress — started here, by another admin or by the service itself —
 * followed to its end; admins can start one.
 */
export function TrainNow({ session, type, current, admin }: { session: Session; type: ModelType; current: Training | undefined; admin: boolean }) {
  const [startedHere, setStartedHere] = useState<string | null>(null);
  const start = useStartTraining(session);
  const trainingId = startedHere ?? (trainingActive(current) ? (current?.training_id ?? null) : null);
  const training = useTraining(session, trainingId);
  const running = start.isPending || trainingActive(training.data);
  const progress = training.data?.progress ?? 0;
  const failed = start.error ?? training.error ?? (training.data?.state === 'failed' ? true : null);
  let text = '';
  if (start.error) text = start.error.message;
  else if (training.error) text = training.error.message;
  else if (training.data) text = trainingText(training.data);
  else if (start.isPending || trainingId) text = 'Starting…';
  return (
    <div className="train-now" data-testid={`train-${type}`}>
      {admin ? (
        <button type="button" onClick={() => start.mutate(type, { onSuccess: setStartedHere })} disabled={running}>
          {running ? 'Training…' : 'Train now'}
          <span className="visually-hidden"> ({TYPE_LABELS[type].title})</span>
        </button>
      ) : null}
      {trainingId && trainingActive(training.data) ? <progress max={1} value={progress} aria-label={`${TYPE_LABELS[type].title} training progress`} /> : null}
      <span
        className={failed ? 'form-error' : 'help'}
        role={failed ? 'alert' : 'status'}
        data-testid={`training-state-${type}`}
        data-state={start.error ? 'refused' : (training.data?.state ?? '')}
      >
        {text}
      </span>
    </div>
  );
}
