// A letter's journey after it is written: sent (when, how, the proof of sending), the response
// due by the rules for that kind of letter, and the response when it comes.
import { z } from 'zod';
import { choices } from './choices';
import { id, optionalText, requiredDate } from './fields';
import type { LetterKind } from './letter';
import { pageArgs } from './paging';
import type { Page } from './paging';

export const SENT_CHANNEL = choices({
  fax: 'Fax',
  'certified-mail': 'Certified mail',
  mail: 'Mail',
  portal: 'Insurer’s portal',
  email: 'Email',
  'hand-delivery': 'Hand delivery',
});

export const RESPONSE_OUTCOME = choices({
  approved: 'Approved',
  'partly-approved': 'Partly approved',
  denied: 'Denied',
  other: 'Other answer',
});

/** What to write when a letter's answer is late: a parity request lapsed goes to the regulator. */
export const ESCALATION: Partial<Record<LetterKind, LetterKind>> = {
  'parity-request': 'parity-complaint',
};

/** Recording a letter as sent (again, to correct it): from the journey version it was read at. */
export const letterSent = z.object({
  documentId: id,
  expectedVersion: z.number().int().min(0),
  sentOn: requiredDate,
  channel: z.enum(SENT_CHANNEL.values, { error: 'is not a known way of sending' }),
  /** The fax confirmation, the certified-mail number, the portal's reference. */
  reference: optionalText(100),
});

export const letterResponse = z.object({
  documentId: id,
  expectedVersion: z.number().int().min(0),
  receivedOn: requiredDate,
  outcome: z.enum(RESPONSE_OUTCOME.values, { error: 'is not a known outcome' }),
  note: optionalText(2000),
});

export const caseLetters = z.object({ caseId: id, ...pageArgs(50) });

/** A letter the app wrote for a case, and how far it has gone. */
export interface LetterJourney {
  documentId: number;
  fileName: string;
  templateName: string;
  kind: LetterKind | string;
  createdAt: string;
  recipientName: string | null;
  journeyVersion: number;
  sentOn: string | null;
  sentChannel: (typeof SENT_CHANNEL.values)[number] | null;
  sentReference: string | null;
  /** When the insurer (or office) must answer by, and the rule that says so. */
  responseDueOn: string | null;
  responseRule: string | null;
  responseReceivedOn: string | null;
  responseOutcome: (typeof RESPONSE_OUTCOME.values)[number] | null;
  responseNote: string | null;
}

export type CaseLetterList = Page<LetterJourney>;
