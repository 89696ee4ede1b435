import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, type Session } from '../api/session';
import { ApiError } from '../board/board-data';
import { trainingActive, type Accuracy, type Model, type ModelType, type Training } from './model-view';

const MODELS = ['ml-models'] as const;

export function useModels(session: Session) {
  return useQuery({
    queryKey: MODELS,
    queryFn: async (): Promise<Model[]> => {
      const { data, error } = await session.api.GET('/api/v1/ml/models');
      if (!data) throw new ApiError(errorMessage(error, 'The model versions could not be read.'));
      return data.items;
    },
  });
}

/** Live accuracy of each version: how its predictions fared once their outcome was known. Null when unreadable. */
export function useAccuracies(session: Session, modelIds: string[]) {
  return useQueries({
    queries: modelIds.map((id) => ({
      queryKey: ['ml-accuracy', id],
      queryFn: async (): Promise<Accuracy | null> => {
        const { data } = await session.api.GET('/api/v1/ml/models/{model_id}/accuracy', { params: { path: { model_id: id } } });
        return data ?? null;
      },
      staleTime: 5 * 60_000,
    })),
  });
}

export function useActivate(session: Session) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (modelId: string): Promise<Model> => {
      const { data, error, response } = await session.api.POST('/api/v1/ml/models/{model_id}/activate', { params: { path: { model_id: modelId } } });
      if (!data) throw new ApiError(errorMessage(error, `The version could not be activated (HTTP ${response.status}).`));
      return data;
    },
    onSettled: () => client.invalidateQueries({ queryKey: MODELS }),
  });
}

export function useStartTraining(session: Session) {
  return useMutation({
    mutationFn: async (modelType: ModelType): Promise<string> => {
      const { data, error, response } = await session.api.POST('/api/v1/ml/train', { body: { model_type: modelType } });
      if (!data) throw new ApiError(errorMessage(error, `The training could not start (HTTP ${response.status}).`));
      return data.training_id;
    },
  });
}

/** A training, read every second while it is queued or running; the model list is read again when it ends. */
export function useTraining(session: Session, trainingId: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['ml-training', trainingId],
    enabled: trainingId !== null,
    queryFn: async (): Promise<Training> => {
      const { data, error } = await session.api.GET('/api/v1/ml/train/{training_id}', { params: { path: { training_id: trainingId ?? '' } } });
      if (!data) throw new ApiError(errorMessage(error, 'The training could not be read.'));
      if (!trainingActive(data)) void client.invalidateQueries({ queryKey: MODELS });
      return data;
    },
    refetchInterval: (query) => (query.state.data === undefined || trainingActive(query.state.data) ? 1_000 : false),
  });
}

/**
 * Recent trainings of every type — those an admin started anywhere and those the service started by itself — read
 * every 2 s while one is queued or running, so a reload or another tab still shows a training's progress.
 */
export function useTrainings(session: Session) {
  return useQuery({
    queryKey: ['ml-trainings'],
    queryFn: async (): Promise<Training[]> => {
      const { data, error } = await session.api.GET('/api/v1/ml/train', { params: { query: { limit: 20 } } });
      if (!data) throw new ApiError(errorMessage(error, 'The trainings could not be read.'));
      return data.items;
    },
    refetchInterval: (query) => (query.state.data?.some(trainingActive) ? 2_000 : 30_000),
  });
}
