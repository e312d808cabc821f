// What can be done to the cases picked in the list at once: move them to a stage (each from the
// stage the list showed, so one changed meanwhile is left and named), write a letter for each, or
// take them away as CSV.
import { useState } from 'react';
import { CASE_STATUS } from '../../../../electron/contract/choices';
import type { CaseStatus, CaseSummary } from '../../../../electron/contract/case';
import type { AppError } from '../../../../electron/contract/errors';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { LetterKind } from '../../../../electron/contract/letter';
import { MAX_PAGE } from '../../../../electron/contract/paging';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { contactName, counted } from '../../lib/format';
import { downloadText } from '../../lib/files';
import { localDate } from '../../lib/local-date';
import { useLoad } from '../../lib/use-load';

interface Props {
  picked: CaseSummary[];
  /** Told what was done, in a sentence the list shows after the picks are cleared. */
  onDone: (outcome: string) => void;
}

export function CaseBulkActions({ picked, onDone }: Props) {
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [kind, setKind] = useState<LetterKind>('appeal');
  const [recipientId, setRecipientId] = useState<number | ''>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const contacts = useLoad(() => call('contacts.list', { limit: MAX_PAGE }), []);
  const ids = picked.map((c) => c.id);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      const outcome = await work();
      setProblem(null);
      onDone(outcome);
    } catch (e) {
      setProblem(asAppError(e));
    } finally {
      setBusy(false);
    }
  };
  const names = new Map(picked.map((c) => [c.id, c.clientName]));

  const move = () =>
    run(async () => {
      const result = await call('stages.moveMany', {
        cases: picked.map((c) => ({ caseId: c.id, from: c.status })),
        to: to as CaseStatus,
        movedOn: localDate(),
      });
      const left = result.refused.map((r) => `${names.get(r.caseId)}: ${r.reason}`);
      return `Moved ${counted(result.moved.length, ['case', 'cases'])} to “${CASE_STATUS.labels[to as CaseStatus]}”.${left.length ? ` Not moved — ${left.join(' ')}` : ''}`;
    });
  const letters = () =>
    run(async () => {
      const result = await call('letters.generateMany', {
        caseIds: ids,
        kind,
        ...(recipientId === '' ? {} : { recipientId }),
      });
      const done = result.letters.filter((l) => l.ok).length;
      const failed = result.letters.filter((l) => !l.ok);
      return `Wrote ${counted(done, ['letter', 'letters'])}, each kept with its case’s documents.${failed.length ? ` ${counted(failed.length, ['case', 'cases'])} could not have one.` : ''}`;
    });
  const csv = () =>
    run(async () => {
      const file = await call('cases.export', { caseIds: ids });
      downloadText('advocate-desk-picked-cases.csv', file.text, 'text/csv');
      return `Saved ${counted(file.rows, ['case', 'cases'])} as CSV.`;
    });

  return (
    <div className="bulk-actions" role="region" aria-label="Act on the picked cases">
      <strong>{counted(picked.length, ['case picked', 'cases picked'])}</strong>
      <div className="field field-inline">
        <label htmlFor="bulk-stage">Move to</label>
        <select id="bulk-stage" value={to} onChange={(e) => setTo(e.target.value as CaseStatus)}>
          <option value="">Choose a stage…</option>
          {CASE_STATUS.values.map((v) => (
            <option key={v} value={v}>
              {CASE_STATUS.labels[v]}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy || !to} onClick={move}>
          Move
        </button>
      </div>
      <div className="field field-inline">
        <label htmlFor="bulk-letter">Letter</label>
        <select
          id="bulk-letter"
          value={kind}
          onChange={(e) => setKind(e.target.value as LetterKind)}
        >
          {LETTER_KIND.values.map((v) => (
            <option key={v} value={v}>
              {LETTER_KIND.labels[v]}
            </option>
          ))}
        </select>
        <label htmlFor="bulk-recipient">to</label>
        <select
          id="bulk-recipient"
          value={recipientId}
          onChange={(e) => setRecipientId(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">The kind’s default recipient</option>
          {(contacts.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {contactName(c)}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy} onClick={letters}>
          Write one for each
        </button>
      </div>
      <button type="button" className="button" disabled={busy} onClick={csv}>
        Export picked (CSV)
      </button>
      <ErrorBanner error={problem} />
    </div>
  );
}
