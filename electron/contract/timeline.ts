// A case's story in one list, newest first: calls and letters logged, letters written and sent,
// documents received, stage moves and denials, peer-to-peer calls, benefits checks and network
// requests decided.
import { z } from 'zod';
import { id } from './fields';
import { pageArgs } from './paging';
import type { Page } from './paging';

export const TIMELINE_KIND = {
  call: 'Call or message',
  letter: 'Letter written',
  sent: 'Letter sent',
  answer: 'Answer received',
  document: 'Document received',
  stage: 'Stage',
  denial: 'Denial',
  'peer-call': 'Peer-to-peer call',
  benefits: 'Benefits checked',
  decision: 'Network request decided',
} as const;
export type TimelineKind = keyof typeof TIMELINE_KIND;

export const caseTimeline = z.object({ caseId: id, ...pageArgs(30) });

export interface TimelineEntry {
  kind: TimelineKind;
  /** The day it happened (calls, stage moves, denials, sending) or was recorded. */
  on: string;
  what: string;
  /** The record or document it came from, for a link. */
  recordId: number;
}

export type CaseTimeline = Page<TimelineEntry>;
