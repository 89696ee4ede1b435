import { roleAllows, type Session, type SessionState } from '../api/session';
import { count } from '../board/format';
import { Empty, QueryState } from '../shared/page-state';
import { useShopTime } from '../shared/shop-time';
import { byType, MODEL_TYPES, TYPE_LABELS, type Model } from './model-view';
import { useModels, useTrainings } from './models-data';
import { TrainNow } from './train-now';
import { VersionTable } from './version-table';
import './models.css';

function NoModelsYet({ admin }: { admin: boolean }) {
  return (
    <Empty>
      <p>No models yet.</p>
      <p>
        Models train by themselves once the shop floor has enough history: 7 days of it on at least 3 machines (settings ML_AUTO_TRAIN_MIN_DAYS and
        ML_AUTO_TRAIN_MIN_MACHINES of the ml service), and are retrained regularly after that. Until then there is nothing to do here
        {admin ? ', or start a training of a type below with “Train now” (it fails with a reason when the history is still too short)' : ''}.
      </p>
    </Empty>
  );
}

/** Versions of each shop-floor model: how good each is, which is active, and (admins) activate or train. */
export default function ModelsPage({ session, user }: { session: Session; user: SessionState }) {
  const models = useModels(session);
  const trainings = useTrainings(session);
  // The list is newest first: the first of a type is its latest training.
  const latest = (type: string) => trainings.data?.find((t) => t.model_type === type && t.dataset_id === null);
  const admin = roleAllows(user.role, 'admin');
  const { timeZone, note } = useShopTime(session);
  return (
    <main className="page models-page">
      <h1>Models</h1>
      <QueryState query={models} what="the model versions">
        {(items: Model[]) => {
          const groups = byType(items);
          return (
            <>
              {items.length === 0 ? <NoModelsYet admin={admin} /> : null}
              {MODEL_TYPES.map((type) => (
                <section key={type} className="panel" aria-labelledby={`type-${type}`} data-model-type={type}>
                  <div className="type-head">
                    <h2 id={`type-${type}`}>{TYPE_LABELS[type].title}</h2>
                    <span className="help">
                      {TYPE_LABELS[type].what}; {count(groups[type].length)} {groups[type].length === 1 ? 'version' : 'versions'}
                    </span>
                    <TrainNow session={session} type={type} current={latest(type)} admin={admin} />
                  </div>
                  {groups[type].length === 0 ? (
                    <p className="help">No version of this type yet.</p>
                  ) : (
                    <VersionTable session={session} versions={groups[type]} admin={admin} timeZone={timeZone} />
                  )}
                </section>
              ))}
            </>
          );
        }}
      </QueryState>
      <p className="zone-note">{note}</p>
    </main>
  );
}
