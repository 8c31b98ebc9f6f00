import { EcsTaskDefinition, TaskDefinitionResponse } from '@deckhand/shared';
import type { JsonObject } from '@deckhand/shared/taskdef';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { sendJson } from '../../../lib/api-client';
import { taskDefinitionKeys } from './task-definitions-queries';

/** What `POST /task-definitions` answers: the registered revision, like `GET …/:revision`. */
const RegisterAnswer = z.object({ taskDefinition: EcsTaskDefinition }).loose();

export interface RegisterVariables {
  taskDefinition: JsonObject;
  idempotencyKey?: string;
}

/**
 * Registers a new revision (`POST /task-definitions`). The BFF lints again: lint errors answer
 * 422 `lint_failed` with the findings on the ApiError; AWS's refusals come back in its words. On
 * success the new revision is cached, and the family's revisions and the families list refetch.
 */
export function useRegisterTaskDefinition(region: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskDefinition, idempotencyKey }: RegisterVariables) =>
      sendJson('POST', '/task-definitions', { taskDefinition }, RegisterAnswer, {
        query: { region },
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
      }),
    onSuccess: (answer) => {
      const { family, revision } = answer.taskDefinition;
      const full = TaskDefinitionResponse.safeParse(answer);
      if (family && revision !== undefined && full.success)
        client.setQueryData(taskDefinitionKeys.detail({ region, family, revision }), full.data);
      // Not awaited: the caller navigates to the new revision without waiting for the lists.
      void client.invalidateQueries({ queryKey: taskDefinitionKeys.families(region) });
      if (family)
        void client.invalidateQueries({
          queryKey: taskDefinitionKeys.revisions({ region, family }),
        });
    },
  });
}
