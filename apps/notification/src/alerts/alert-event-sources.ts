import { CONSUMERS, SUBJECTS, type ConsumerDefinition, type PredictionEventType } from '@shopfloor/contracts';

/**
 * Where the engine's events come from: the durable consumers on ALERTS and ML_PREDICTIONS and the subjects it reads
 * there. A provider, like the clock, so that an engine can be fed from streams of its own on a shared server.
 */
export interface AlertEventSources {
  alerts: ConsumerDefinition;
  predictions: ConsumerDefinition;
  subjects: {
    raised: string;
    cleared: string;
    anomaly: string;
    prediction: (type: PredictionEventType) => string;
  };
}

export const ALERT_EVENT_SOURCES = Symbol('ALERT_EVENT_SOURCES');

export const PLATFORM_ALERT_EVENT_SOURCES: AlertEventSources = {
  alerts: CONSUMERS.notificationAlerts,
  predictions: CONSUMERS.notificationPredictions,
  subjects: {
    raised: SUBJECTS.alerts.raised,
    cleared: SUBJECTS.alerts.cleared,
    anomaly: SUBJECTS.mlEvents.anomaly,
    prediction: SUBJECTS.mlEvents.prediction,
  },
};
