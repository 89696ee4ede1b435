import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, type Session } from '../api/session';
import { ApiError } from '../board/board-data';
import { nextCursor } from '../shared/paging';
import { syncRunning, type Integrity, type MappingProblem, type SyncStatus } from './data-view';

const STATUS = ['sync-status'] as const;
const PAGE = 50;

/** The sync status, every 2 s while a sync runs, else every 30 s. */
export function useSyncStatus(session: Session) {
  return useQuery({
    queryKey: STATUS,
    queryFn: async (): Promise<SyncStatus> => {
      const { data, error } = await session.api.GET('/api/v1/data/sync-status');
      if (!data) throw new ApiError(errorMessage(error, 'The sync status could not be read.'));
      return data;
    },
    refetchInterval: (query) => (syncRunning(query.state.data) ? 2_000 : 30_000),
  });
}

export function useStartSync(session: Session) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (mode: 'incremental' | 'full'): Promise<string> => {
      const { data, error, response } = await session.api.POST('/api/v1/data/sync', { body: { mode } });
      if (response.status === 409) throw new ApiError('A sync is already running: wait for it to finish (its progress is shown above).');
      if (!data) throw new ApiError(errorMessage(error, `The sync could not start (HTTP ${response.status}).`));
      return data.sync_id;
    },
    onSettled: () => client.invalidateQueries({ queryKey: STATUS }),
  });
}

export function useQuarantine(session: Session) {
  return useInfiniteQuery({
    queryKey: ['quarantine'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const { data, error } = await session.api.GET('/api/v1/data/quarantine', { params: { query: { limit: PAGE, cursor: pageParam } } });
      if (!data) throw new ApiError(errorMessage(error, 'The quarantine could not be read.'));
      return data;
    },
    getNextPageParam: nextCursor,
  });
}

export function useDeadLetters(session: Session) {
  return useInfiniteQuery({
    queryKey: ['dead-letters'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const { data, error } = await session.api.GET('/api/v1/data/dead-letters', { params: { query: { limit: PAGE, cursor: pageParam } } });
      if (!data) throw new ApiError(errorMessage(error, 'The dead letters could not be read.'));
      return data;
    },
    getNextPageParam: nextCursor,
  });
}

export function useReplay(session: Session) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const { data, error, response } = await session.api.POST('/api/v1/data/dead-letters/replay', { body: { ids } });
      if (!data) throw new ApiError(errorMessage(error, `The replay failed (HTTP ${response.status}).`));
      return data;
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['dead-letters'] }), client.invalidateQueries({ queryKey: STATUS })]),
  });
}

export function useMapping(session: Session) {
  return useQuery({
    queryKey: ['source-mapping'],
    queryFn: async (): Promise<MappingProblem[]> => {
      const { data, error } = await session.api.GET('/api/v1/data/mapping');
      if (!data) throw new ApiError(errorMessage(error, 'The mapping check could not be read.'));
      return data.problems;
    },
  });
}

export function useIntegrity(session: Session) {
  return useQuery({
    queryKey: ['integrity'],
    queryFn: async (): Promise<Integrity> => {
      const { data, error } = await session.api.GET('/api/v1/data/integrity');
      if (!data) throw new ApiError(errorMessage(error, 'The integrity report could not be read.'));
      return data;
    },
    staleTime: 60_000,
  });
}
