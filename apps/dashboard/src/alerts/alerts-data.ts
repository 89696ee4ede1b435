import type { components } from '@shopfloor/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { openLiveSocket, type SocketState } from '../api/live-socket';
import { errorMessage, type Session } from '../api/session';
import { ApiError } from '../board/board-data';
import { nextCursor } from '../shared/paging';
import { refusalMessage, type AlertAction, type AlertSeverity, type AlertState } from './alert-text';
import { apiErrorsToForm, type FormErrors, type Rule, type RuleBody } from './rule-form';

export type Alert = components['schemas']['AlertView'];
export type AlertDetail = components['schemas']['AlertDetailView'];
export type Delivery = components['schemas']['DeliveryView'];
export type DeliveryState = components['schemas']['DeliveryState'];

export interface AlertFilters {
  state: AlertState | 'all';
  severity: AlertSeverity | '';
  machine: string;
}

const PAGE = 50;
const ALERTS = ['alerts'] as const;
const RULES = ['alert-rules'] as const;

export function useAlerts(session: Session, filters: AlertFilters) {
  return useInfiniteQuery({
    queryKey: [...ALERTS, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const query = {
        limit: PAGE,
        cursor: pageParam,
        state: filters.state === 'all' ? undefined : filters.state,
        severity: filters.severity || undefined,
        machine_id: filters.machine.trim() || undefined,
      };
      const { data, error } = await session.api.GET('/api/v1/alerts', { params: { query } });
      if (!data) throw new ApiError(errorMessage(error, 'The alerts could not be read.'));
      return data;
    },
    getNextPageParam: nextCursor,
  });
}

export function useAlert(session: Session, id: string) {
  return useQuery({
    queryKey: [...ALERTS, 'one', id],
    queryFn: async (): Promise<AlertDetail> => {
      const { data, error } = await session.api.GET('/api/v1/alerts/{id}', { params: { path: { id } } });
      if (!data) throw new ApiError(errorMessage(error, 'This alert could not be read.'));
      return data;
    },
  });
}

/** Acknowledge or resolve; a refusal comes back as an ApiError with a message for people (409: already done). */
export function useAlertAction(session: Session) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, comment }: { id: string; action: AlertAction; comment: string }): Promise<Alert> => {
      const path = action === 'acknowledge' ? '/api/v1/alerts/{id}/acknowledge' : '/api/v1/alerts/{id}/resolve';
      const body = comment.trim() ? { comment: comment.trim() } : {};
      const { data, error, response } = await session.api.POST(path, { params: { path: { id } }, body });
      if (!data) throw new ApiError(refusalMessage(action, response.status, error));
      return data;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ALERTS }),
  });
}

/** `/ws/alerts`: every pushed change of an alert re-reads the lists and details shown. */
export function useAlertsLive(session: Session): SocketState {
  const client = useQueryClient();
  const [state, setState] = useState<SocketState>({ kind: 'connecting' });
  useEffect(
    () =>
      openLiveSocket({
        path: '/ws/alerts',
        token: () => session.token(),
        onState: setState,
        onOpen: () => void client.invalidateQueries({ queryKey: ALERTS }),
        onMessage: (m) => {
          if (m.type === 'alert') void client.invalidateQueries({ queryKey: ALERTS });
        },
        onCredentialsRefused: () => session.renew(),
      }),
    [client, session],
  );
  return state;
}

export function useRules(session: Session) {
  return useQuery({
    queryKey: RULES,
    queryFn: async (): Promise<Rule[]> => {
      const { data, error } = await session.api.GET('/api/v1/alerts/rules');
      if (!data) throw new ApiError(errorMessage(error, 'The alert rules could not be read.'));
      return data.items;
    },
  });
}

/** Thrown by a save the API refused: the messages per form field. */
export class RuleRefused extends Error {
  constructor(readonly errors: FormErrors) {
    super(Object.values(errors).join(' '));
  }
}

export function useSaveRule(session: Session) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string | null; body: RuleBody }): Promise<Rule> => {
      const answer = id
        ? await session.api.PUT('/api/v1/alerts/rules/{id}', { params: { path: { id } }, body })
        : await session.api.POST('/api/v1/alerts/rules', { body });
      if (!answer.data) throw new RuleRefused(apiErrorsToForm(answer.error, body, `The rule could not be saved (HTTP ${answer.response.status}).`));
      return answer.data;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: RULES }),
  });
}

export function useDeleteRule(session: Session) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      const { error, response } = await session.api.DELETE('/api/v1/alerts/rules/{id}', { params: { path: { id } } });
      if (!response.ok) throw new ApiError(errorMessage(error, `The rule could not be deleted (HTTP ${response.status}).`));
    },
    onSettled: () => client.invalidateQueries({ queryKey: RULES }),
  });
}

export function useDeliveries(session: Session, state: DeliveryState | '') {
  return useInfiniteQuery({
    queryKey: ['deliveries', state],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const { data, error } = await session.api.GET('/api/v1/notifications/deliveries', {
        params: { query: { limit: PAGE, cursor: pageParam, state: state || undefined } },
      });
      if (!data) throw new ApiError(errorMessage(error, 'The delivery log could not be read.'));
      return data;
    },
    getNextPageParam: nextCursor,
  });
}
