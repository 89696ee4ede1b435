import type { components } from '@shopfloor/client';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, type Session } from '../api/session';
import { ApiError } from '../board/board-data';

export type OeeMetrics = components['schemas']['OeeMetricsView'];
export type OeeFigures = components['schemas']['OeeFiguresView'];
export type StateTimeline = components['schemas']['StateTimelineView'];
export type Downtime = components['schemas']['DowntimeView'];
export type Job = components['schemas']['JobView'];
export type Readings = components['schemas']['ReadingsView'];
export type Granularity = 'hour' | 'shift' | 'day';

export interface Period {
  from: string;
  to: string;
}

async function read<T>(call: Promise<{ data?: T; error?: unknown }>, what: string): Promise<T> {
  const { data, error } = await call;
  if (data === undefined) throw new ApiError(errorMessage(error, `${what} could not be read.`));
  return data;
}

export function useMachine(session: Session, machineId: string) {
  return useQuery({
    queryKey: ['machine', machineId],
    queryFn: () => read(session.api.GET('/api/v1/machines/{machine_id}', { params: { path: { machine_id: machineId } } }), 'The machine'),
    staleTime: 5 * 60_000,
  });
}

export function useOee(session: Session, machineId: string, period: Period, granularity: Granularity) {
  return useQuery({
    queryKey: ['oee', machineId, period.from, period.to, granularity],
    queryFn: () => read(session.api.GET('/api/v1/analytics/oee', { params: { query: { machine_id: machineId, ...period, granularity } } }), 'The OEE'),
  });
}

export function useStates(session: Session, machineId: string, period: Period) {
  return useQuery({
    queryKey: ['states', machineId, period.from, period.to],
    queryFn: () =>
      read(session.api.GET('/api/v1/machines/{machine_id}/states', { params: { path: { machine_id: machineId }, query: period } }), 'The state timeline'),
  });
}

export function useDowntime(session: Session, machineId: string, period: Period) {
  return useQuery({
    queryKey: ['downtime', machineId, period.from, period.to],
    queryFn: async () =>
      (
        await read(
          session.api.GET('/api/v1/machines/{machine_id}/downtime', { params: { path: { machine_id: machineId }, query: { ...period, limit: 5000 } } }),
          'The stops',
        )
      ).items,
  });
}

export function useJobs(session: Session, machineId: string, period: Period) {
  return useQuery({
    queryKey: ['jobs', machineId, period.from, period.to],
    queryFn: async () =>
      (
        await read(
          session.api.GET('/api/v1/machines/{machine_id}/jobs', { params: { path: { machine_id: machineId }, query: { ...period, limit: 5000 } } }),
          'The jobs',
        )
      ).items,
  });
}

export function useReadings(session: Session, machineId: string, period: Period) {
  return useQuery({
    queryKey: ['readings', machineId, period.from, period.to],
    queryFn: () =>
      read(
        session.api.GET('/api/v1/machines/{machine_id}/readings', { params: { path: { machine_id: machineId }, query: { ...period, buckets: 144 } } }),
        'The sensor readings',
      ),
  });
}

export function useMachineRisk(session: Session, machineId: string) {
  return useQuery({
    queryKey: ['risk', machineId],
    queryFn: () => read(session.api.GET('/api/v1/machines/{machine_id}/risk', { params: { path: { machine_id: machineId } } }), 'The risk'),
  });
}
