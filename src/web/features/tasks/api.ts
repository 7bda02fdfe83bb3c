// Tasks: the API contract's types (type-only imports of the server's zod schemas: no zod in the
// browser), query keys, the queries the task screens share, and the upload of a progress report.
import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.js';
import { queryRoots } from '../../lib/queryKeys.js';
import type { ErrorResponse } from '../../api/types.js';
import i18n, { currentLanguage } from '../../i18n/index.js';
import type {
  CloseBody,
  CreateTaskBody,
  ProgressBody,
  TaskAction,
  TaskBoard,
  TaskDetail,
  TaskListResponse,
  TaskOptions,
  TaskSummary,
} from '../../../features/tasks/schemas.js';
import type { MyWork } from '../../../features/my-work/schemas.js';
import type { CommitmentSummary } from '../../../features/commitments/schemas.js';
import type { TaskOutcome, TaskPriority, TaskStatus } from '../../../shared/enums.js';

export type {
  CloseBody,
  CommitmentSummary,
  CreateTaskBody,
  MyWork,
  ProgressBody,
  TaskAction,
  TaskBoard,
  TaskDetail,
  TaskListResponse,
  TaskOptions,
  TaskOutcome,
  TaskPriority,
  TaskStatus,
  TaskSummary,
};
export type BoardCell = TaskBoard['cells'][number];
export type BoardOwner = TaskBoard['owners'][number];
export type BoardMonth = TaskBoard['months'][number];
export type TaskCountsView = TaskBoard['totals'];

/** Plain lists (no zod) the forms offer: the very values the server validates against. */
export { taskOutcomes as TASK_OUTCOMES, taskPriorities as TASK_PRIORITIES } from '../../../shared/enums.js';

/** The server's MAX_ATTACHMENT_BYTES (features/tasks/schemas.ts, not importable without zod). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Filters of a unit's task list: a status, or the two groupings the server offers. */
export const TASK_LIST_FILTERS = ['', 'open', 'overdue', 'closed', 'on_time', 'late', 'exceeded', 'not_done'] as const;
export type TaskListFilter = (typeof TASK_LIST_FILTERS)[number];
export const TASK_PAGE_SIZE = 20;

/**
 * Query keys, all under ['tasks']. After any task change ['tasks'] is invalidated (lists, boards,
 * My work) along with the meetings (their task rows) and directives (their counts).
 */
export const taskKeys = {
  all: queryRoots.tasks,
  detail: (id: string) => [...queryRoots.tasks, 'detail', id] as const,
  mine: [...queryRoots.tasks, 'mine'] as const,
  options: (unitId: string) => [...queryRoots.tasks, 'options', unitId] as const,
  board: (unitId: string, year: number) => [...queryRoots.tasks, 'board', unitId, year] as const,
  list: (unitId: string, p: TaskListParams) => [...queryRoots.tasks, 'list', unitId, p] as const,
};

const unitPath = (unitId: string, rest: string) => `/units/${encodeURIComponent(unitId)}${rest}`;
/** The task's API path. */
export const taskPath = (id: string, rest = '') => `/tasks/${encodeURIComponent(id)}${rest}`;
/** Where the browser downloads a progress report's attachment. */
export const attachmentUrl = (taskId: string, attachmentId: string) =>
  `/api${taskPath(taskId, `/attachments/${encodeURIComponent(attachmentId)}`)}`;

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => api<TaskDetail>(taskPath(id), { signal }),
  });
}

export function useMyWork(enabled = true) {
  return useQuery({
    queryKey: taskKeys.mine,
    queryFn: ({ signal }) => api<MyWork>('/me/work', { signal }),
    enabled,
  });
}

export function useTaskOptions(unitId: string, enabled = true) {
  return useQuery({
    queryKey: taskKeys.options(unitId),
    queryFn: ({ signal }) => api<TaskOptions>(unitPath(unitId, '/task-options'), { signal }),
    enabled,
  });
}

export function useTaskBoard(unitId: string, year: number) {
  return useQuery({
    queryKey: taskKeys.board(unitId, year),
    queryFn: ({ signal }) => api<TaskBoard>(unitPath(unitId, '/task-board'), { signal, query: { year } }),
    placeholderData: keepPreviousData,
  });
}

/** A year's tasks, or (`earlier`) the overdue ones due in the years before it, carried over. */
export interface TaskListParams {
  year: number;
  status: TaskListFilter;
  earlier: boolean;
  page: number;
  /** Only tasks due within these dates instead of the year (the overview links here so). */
  due?: { from: string; to: string } | null;
  /** Only tasks handed down to a unit, or those handed down a day or more late. */
  handDown?: 'all' | 'delayed' | null;
}

export function useTaskList(unitId: string, params: TaskListParams) {
  return useQuery({
    queryKey: taskKeys.list(unitId, params),
    queryFn: ({ signal }) =>
      api<TaskListResponse>(unitPath(unitId, '/tasks'), {
        signal,
        query: {
          ...(params.earlier
            ? { beforeYear: params.year, status: 'overdue' }
            : params.due
              ? { from: params.due.from, to: params.due.to, status: params.status, ...(params.handDown ? { handDown: params.handDown } : {}) }
              : { year: params.year, status: params.status }),
          page: params.page,
          pageSize: TASK_PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** After a change to a task: keep its fresh detail and mark everything that lists tasks stale. */
export function taskChanged(queryClient: QueryClient, detail: TaskDetail): void {
  queryClient.setQueryData(taskKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({
    queryKey: taskKeys.all,
    predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === detail.id),
  });
  void queryClient.invalidateQueries({ queryKey: queryRoots.meetings });
  void queryClient.invalidateQueries({ queryKey: queryRoots.directives });
  void queryClient.invalidateQueries({ queryKey: queryRoots.commitments });
  // A task's progress and close show on the local issue it acts on (its page, the board's open counts).
  void queryClient.invalidateQueries({ queryKey: queryRoots.localIssues });
}

export function useTaskChanged(): (detail: TaskDetail) => void {
  const queryClient = useQueryClient();
  return (detail) => taskChanged(queryClient, detail);
}

/**
 * POST a progress report. With an attachment (up to 10 MB as base64, a long wait on a rural
 * connection) it goes through XMLHttpRequest, because fetch cannot report upload progress;
 * errors come back as the same ApiError `api()` throws.
 */
export function sendProgress(taskId: string, body: ProgressBody, onProgress: (fraction: number) => void): Promise<TaskDetail> {
  if (!body.attachment) return api<TaskDetail>(taskPath(taskId, '/progress'), { method: 'POST', body });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${taskPath(taskId, '/progress')}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as TaskDetail);
        return;
      }
      const err = (data as ErrorResponse | undefined)?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? `http_${xhr.status}`,
          typeof err?.message === 'string' ? err.message : i18n.t('errors.generic', { status: xhr.status }),
          err?.fields ?? [],
        ),
      );
    };
    xhr.send(JSON.stringify(body));
  });
}
