// The case list's filters and order as they live in the address bar, so a bookmark, the back
// button or a reload brings back the same list.
import { CASE_SORT } from '../../../../electron/contract/case';
import type { CaseListFilters, CaseSort, CaseStatus } from '../../../../electron/contract/case';
import { CASE_STATUS, PLAN_TYPE } from '../../../../electron/contract/choices';
import type { PlanType } from '../../../../electron/contract/case';

export interface ListState {
  query: string;
  status: CaseStatus | '';
  insurer: string;
  treatment: string;
  planType: PlanType | '';
  tag: string;
  /** Days ahead, as typed in the select ('' for any). */
  due: string;
  sort: CaseSort | null;
  direction: 'asc' | 'desc' | null;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

export function readState(params: URLSearchParams): ListState {
  const due = params.get('due') ?? '';
  return {
    query: params.get('q') ?? '',
    status: oneOf(CASE_STATUS.values, params.get('status')) ?? '',
    insurer: params.get('insurer') ?? '',
    treatment: params.get('treatment') ?? '',
    planType: oneOf(PLAN_TYPE.values, params.get('plan')) ?? '',
    tag: params.get('tag') ?? '',
    due: /^\d{1,4}$/.test(due) ? due : '',
    sort: oneOf(CASE_SORT.values, params.get('sort')),
    direction: oneOf(['asc', 'desc'] as const, params.get('dir')),
  };
}

export function writeState(state: ListState): URLSearchParams {
  const entries: [string, string][] = [
    ['q', state.query],
    ['status', state.status],
    ['insurer', state.insurer],
    ['treatment', state.treatment],
    ['plan', state.planType],
    ['tag', state.tag],
    ['due', state.due],
    ['sort', state.sort ?? ''],
    ['dir', state.direction ?? ''],
  ];
  return new URLSearchParams(entries.filter(([, v]) => v !== ''));
}

/** The engine's arguments for this state (today is the reader's own day). */
export function filtersOf(state: ListState, today: string): CaseListFilters {
  return {
    ...(state.query ? { query: state.query } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.insurer ? { insurer: state.insurer } : {}),
    ...(state.treatment ? { treatment: state.treatment } : {}),
    ...(state.planType ? { planType: state.planType } : {}),
    ...(state.tag ? { tag: state.tag } : {}),
    ...(state.due ? { dueWithinDays: Number(state.due), today } : {}),
    ...(state.sort ? { sort: state.sort } : {}),
    ...(state.direction ? { direction: state.direction } : {}),
  };
}

/** Whether anything narrows the list (for the empty state's advice). */
export const narrowed = (s: ListState) =>
  Boolean(s.query || s.status || s.insurer || s.treatment || s.planType || s.tag || s.due);
