// Recording a denial: the letter's facts, the appeal deadline the rules give (shown live, with the
// rule), and the date printed on the letter to use instead when the advocate chooses it.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { PlanType } from '../../../../electron/contract/case';
import type { AppError } from '../../../../electron/contract/errors';
import type { DenialView } from '../../../../electron/contract/workflow';
import { CLAIM_TYPE, DECISION_LEVEL } from '../../../../electron/contract/workflow';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { FormField } from '../../components/form-field';
import { Modal } from '../../components/modal';
import { ConflictPanel } from '../../components/conflict-panel';
import { errorField, fromFormValues } from '../../lib/form';
import type { FieldSpec } from '../../lib/form';
import { conflictRows, patchOf, resolveConflict, useVersionedForm } from '../../lib/versioned-form';
import type { FormState } from '../../lib/versioned-form';
import { formatDate } from '../../lib/format';
import { useUnsavedForm } from '../../lib/unsaved/use-unsaved-form';
import { DeadlineNote } from './deadline-note';

const specsFor = (planType: PlanType | null): FieldSpec[] => [
  { name: 'deniedOn', label: 'Date on the notice', type: 'date', required: true, autoFocus: true },
  {
    name: 'receivedOn',
    label: 'Date received',
    type: 'date',
    hint: 'The federal rules count from receipt.',
  },
  { name: 'referenceNumber' },
  { name: 'claimNumber' },
  { name: 'service', label: 'Service denied', required: true },
  { name: 'level', label: 'Decision', type: 'select', choices: DECISION_LEVEL },
  { name: 'claimType', type: 'select', choices: CLAIM_TYPE },
  {
    name: 'reason',
    label: 'Reason, word for word',
    type: 'textarea',
    required: true,
    wide: true,
    hint: 'Copy the reason exactly as the letter states it.',
  },
  { name: 'letterDeadlineOn', label: 'Deadline stated on the letter', type: 'date' },
  ...(planType === 'medicaid'
    ? [
        {
          name: 'stateWindowDays',
          label: "State's appeal window (days)",
          type: 'number' as const,
          hint: 'Medicaid windows vary by state: enter the days the notice or the state gives.',
        },
      ]
    : []),
  {
    name: 'overrideOn',
    label: 'Use this deadline instead',
    type: 'date',
    hint: 'Leave empty to use the computed date.',
  },
];

interface DenialDialogProps {
  caseId: number;
  planType: PlanType | null;
  denial: DenialView | null;
  onClose: () => void;
  onSaved: () => void;
  /** Told whenever the dialog starts or stops holding edits not yet saved. */
  onDirtyChange?: (dirty: boolean) => void;
}

export function DenialDialog({
  caseId,
  planType,
  denial,
  onClose,
  onSaved,
  onDirtyChange,
}: DenialDialogProps) {
  const specs = specsFor(planType);
  // The denial as the page has it now: a change saved meanwhile flows into untouched fields.
  const form = useVersionedForm(specs, denial, onDirtyChange);
  const { values } = form.state;
  const [preview, setPreview] = useState<DenialView | null>(denial);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Leaving with edits asks; the reason is kept as a draft of this tab until saved.
  const { attach, saving, draftOffer } = useUnsavedForm({
    formId: 'denial',
    specs,
    initial: denial,
    values,
    restore: (drafts) => Object.entries(drafts).forEach(([k, v]) => form.setField(k, v)),
  });
  const field = errorField(error?.field);
  const fieldShown = field !== null && specs.some((s) => s.name === field);

  const key = JSON.stringify(values);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.deniedOn ?? '')) return;
    let current = true;
    const timer = setTimeout(() => {
      const args = fromFormValues(specs, values);
      // A half-typed form is not worth a message: keep the last good preview until it parses.
      call('denials.preview', {
        caseId,
        values: { ...args, reason: args.reason || '…', service: args.service || '…' } as never,
      }).then(
        (p) => current && setPreview(p),
        () => undefined,
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for `values`; specs only change with the plan type.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, caseId, planType]);

  const conflict = error?.code === 'conflict' ? error.conflict : undefined;

  const save = async (from: FormState) => {
    setBusy(true);
    try {
      const args = patchOf(specs, from) as never;
      await saving(async () => {
        if (denial) {
          await call('denials.update', { id: denial.id, version: from.version ?? 0, values: args });
        } else await call('denials.create', { caseId, values: args });
      });
      onClose();
      onSaved();
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(form.state);
  };
  const resolve = (keep: 'mine' | 'theirs') => {
    if (!conflict) return;
    const next = resolveConflict(specs, form.state, conflict, keep);
    form.setState(next);
    setError(null);
    if (keep === 'mine') void save(next);
  };

  const set = (name: string, value: string) => form.setField(name, value);

  return (
    <Modal
      title={denial ? 'Edit denial' : 'Record a denial'}
      onClose={onClose}
      className="modal-denial"
    >
      <form ref={attach} className="entity-form" onSubmit={submit} aria-label="Denial">
        {draftOffer}
        {conflict ? (
          <ConflictPanel
            message={error!.message}
            rows={conflictRows(specs, form.state, conflict)}
            busy={busy}
            onKeepMine={() => resolve('mine')}
            onTakeTheirs={() => resolve('theirs')}
          />
        ) : (
          error && !fieldShown && <ErrorBanner error={error} />
        )}
        <div className="denial-layout">
          <div className="form-grid">
            {specs.map((spec) => (
              <FormField
                key={spec.name}
                formId="denial"
                spec={spec}
                value={values[spec.name] ?? ''}
                error={fieldShown && field === spec.name ? error?.message : undefined}
                onChange={(v) => set(spec.name, v)}
              />
            ))}
          </div>
          <aside className="deadline-preview" aria-live="polite" aria-label="Appeal deadline">
            <h3>Appeal deadline</h3>
            {preview ? (
              <>
                <p className="deadline-date" data-testid="computed-deadline">
                  {preview.computation.dueOn
                    ? formatDate(preview.computation.dueOn)
                    : 'Not computed'}
                </p>
                <p className="deadline-step">{preview.computation.nextStep}</p>
                <DeadlineNote denial={preview} />
                {values.letterDeadlineOn && values.overrideOn !== values.letterDeadlineOn && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => set('overrideOn', values.letterDeadlineOn ?? '')}
                  >
                    Use the letter’s date ({formatDate(values.letterDeadlineOn)})
                  </button>
                )}
              </>
            ) : (
              <p className="empty-note">Enter the date on the notice to compute the deadline.</p>
            )}
          </aside>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : denial ? 'Save changes' : 'Record denial'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
