import type { components } from '@shopfloor/client';
import { useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { openLiveSocket, type LiveMessage, type SocketState } from '../api/live-socket';
import { errorMessage, type Session } from '../api/session';

export type Machine = components['schemas']['MachineView'];
export type LiveStatus = components['schemas']['MachineLiveStatus'];
export type LiveList = components['schemas']['LiveStatusList'];
export type MachineRisk = components['schemas']['MachineRiskView'];
export type RiskEntry = components['schemas']['RiskEntry'];
export type ShiftOee = components['schemas']['MachineShiftOeeView'];

/** Thrown by a query so that the error state can show the API's message. */
export class ApiError extends Error {}

const LIVE_KEY = ['live'] as const;
const riskKey = (machineId: string) => ['risk', machineId] as const;

export function useMachines(session: Session) {
  return useQuery({
    queryKey: ['machines'],
    queryFn: async (): Promise<Machine[]> => {
      const { data, error } = await session.api.GET('/api/v1/machines', { params: { query: { limit: 1000 } } });
      if (!data) throw new ApiError(errorMessage(error, 'The machine list could not be read.'));
      return data.items;
    },
    staleTime: 5 * 60_000,
  });
}

export function useLive(session: Session) {
  return useQuery({
    queryKey: LIVE_KEY,
    queryFn: async (): Promise<LiveList> => {
      const { data, error } = await session.api.GET('/api/v1/analytics/live');
      if (!data) throw new ApiError(errorMessage(error, 'The live status could not be read.'));
      return data;
    },
    // The socket keeps it current; a slow re-read covers silences it does not push (UNAVAILABLE after a gap).
    refetchInterval: 60_000,
  });
}

/**
 * Each machine's OEE of its current shift so far, re-read every minute (it changes with every minute run). Asked for
 * once `enabled` (the board's states are in), so that its heavier computation never delays the first filled board.
 */
export function useShiftOee(session: Session, enabled: boolean) {
  return useQuery({
    queryKey: ['current-shift'],
    enabled,
    queryFn: async (): Promise<ShiftOee[]> => {
      const { data, error } = await session.api.GET('/api/v1/analytics/current-shift');
      if (!data) throw new ApiError(errorMessage(error, 'The OEE of the current shift could not be read.'));
      return data.machines;
    },
    refetchInterval: 60_000,
  });
}

/**
 * The zone of a calendar (a machine's own, else the shop default it falls back to): the default calendar's for the
 * whole shop, else null (the screens then say they show the browser's).
 */
export function useShopTimeZone(session: Session, calendarId = 'default') {
  return useQuery({
    queryKey: ['calendar', calendarId],
    queryFn: async (): Promise<string | null> => {
      const { data } = await session.api.GET('/api/v1/calendars/{calendar_id}', { params: { path: { calendar_id: calendarId } } });
      return data?.timezone ?? null;
    },
    staleTime: 60 * 60_000,
  });
}

export function useRisks(session: Session, machineIds: string[]) {
  return useQueries({
    queries: machineIds.map((id) => ({
      queryKey: riskKey(id),
      queryFn: async (): Promise<MachineRisk | null> => {
        const { data } = await session.api.GET('/api/v1/machines/{machine_id}/risk', { params: { path: { machine_id: id } } });
        return data ?? null;
      },
      staleTime: 10 * 60_000,
    })),
  });
}

function applyStatus(client: QueryClient, status: LiveStatus): void {
  client.setQueryData<LiveList>(LIVE_KEY, (list) => {
    if (!list) return list;
    const items = list.items.some((i) => i.machine_id === status.machine_id)
      ? list.items.map((i) => (i.machine_id === status.machine_id ? status : i))
      : [...list.items, status];
    return { ...list, items };
  });
}

interface PredictionData extends Partial<RiskEntry> {
  machine_id?: string;
  prediction_type?: string;
}

function applyPrediction(client: QueryClient, p: PredictionData): void {
  if (!p.machine_id || typeof p.predicted_value !== 'number' || !p.prediction_id) return;
  const entry: RiskEntry = {
    above_threshold: p.above_threshold ?? null,
    factors: p.factors ?? [],
    horizon_hours: p.horizon_hours ?? null,
    model_id: p.model_id ?? '',
    model_version: p.model_version ?? 0,
    predicted_at: p.predicted_at ?? new Date().toISOString(),
    predicted_value: p.predicted_value,
    prediction_id: p.prediction_id,
    threshold: p.threshold ?? null,
  };
  const field = p.prediction_type === 'failure_risk' ? 'failure_risk' : p.prediction_type === 'downtime' && p.horizon_hours === 24 ? 'downtime_24h' : null;
  if (!field) return;
  client.setQueryData<MachineRisk | null>(riskKey(p.machine_id), (risk) => (risk ? { ...risk, [field]: entry, scored_at: entry.predicted_at } : risk));
}

/** `/ws/machine-status` and `/ws/predictions` into the query cache; the connection state of the status channel. */
export function useLiveUpdates(session: Session): SocketState {
  const client = useQueryClient();
  const [state, setState] = useState<SocketState>({ kind: 'connecting' });
  useEffect(() => {
    const status = openLiveSocket({
      path: '/ws/machine-status',
      token: () => session.token(),
      onState: setState,
      onOpen: () => void client.invalidateQueries({ queryKey: LIVE_KEY }),
      onMessage: (m: LiveMessage) => {
        if (m.type === 'machine_status') applyStatus(client, m.data as LiveStatus);
      },
      onCredentialsRefused: () => session.renew(),
    });
    const predictions = openLiveSocket({
      path: '/ws/predictions',
      token: () => session.token(),
      onState: () => undefined,
      onMessage: (m: LiveMessage) => {
        if (m.type === 'prediction') applyPrediction(client, m.data as PredictionData);
      },
      onCredentialsRefused: () => session.renew(),
    });
    return () => {
      status();
      predictions();
    };
  }, [client, session]);
  return state;
}
