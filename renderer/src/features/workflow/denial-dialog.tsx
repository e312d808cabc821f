// Recording a denial: the letter's facts (filled in from an imported notice when there is one),
// the appeal deadline the rules give (shown live, with the rule), and the date printed on the
// letter to use instead when the advocate chooses it.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { PlanType } from '../../../../electron/contract/case';
import { PLAN_TYPE } from '../../../../electron/contract/choices';
import type { DenialDraft } from '../../../../electron/contract/facts';
import type { AppError } from '../../../../electron/contract/errors';
import type { DenialView } from '../../../../electron/contract/workflow';
import { CLAIM_TYPE, DECISION_LEVEL } from '../../../../electron/contract/workflow';
import {
  DENIAL_CATEGORY,
  proposeDenialCategory,
} from '../../../../electron/contract/denial-category';
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
import './workflow.css';

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
    hint: 'Copy the reason exactly as the letter states it; keep its paragraphs.',
  },
  {
    name: 'category',
    label: 'Kind of denial',
    type: 'select',
    choices: DENIAL_CATEGORY,
    optional: true,
    hint: 'Read from the reason as you type it; change it if it reads wrong. Appeals argue this kind.',
  },
  {
    name: 'planLanguage',
    label: 'The plan’s own words (optional)',
    type: 'textarea',
    wide: true,
    hint: 'E.g. its definition of “experimental”, or the policy it cites, from the plan documents: appeals quote it back.',
  },
  {
    name: 'stepTherapyLaw',
    label: 'State step-therapy exception law (optional)',
    hint: 'For a step-therapy denial, the state law that gives an exception, e.g. 215 ILCS 134/45.1.',
  },
  { name: 'letterDeadlineOn', label: 'Deadline stated on the letter', type: 'date' },
  { name: 'appealFax', label: 'Appeal fax', hint: 'Where the notice says to fax appeals.' },
  {
    name: 'appealAddress',
    label: 'Appeal address',
    type: 'textarea',
    wide: true,
    hint: 'Where the notice says to send appeals.',
  },
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
  /** For a new denial: the one proposed from an imported notice, to start from. */
  draft?: DenialDraft | null;
  onClose: () => void;
  onSaved: () => void;
  /** Told whenever the dialog starts or stops holding edits not yet saved. */
  onDirtyChange?: (dirty: boolean) => void;
}

export function DenialDialog({
  caseId,
  planType,
  denial,
  draft = null,
  onClose,
  onSaved,
  onDirtyChange,
}: DenialDialogProps) {
  const specs = specsFor(planType);
  const fromNotice = denial === null ? draft : null;
  // The plan type the notice suggests, used when the case has none (the advocate may untick it).
  const hintedPlan = fromNotice && !planType ? fromNotice.planType : null;
  const [usePlan, setUsePlan] = useState(hintedPlan !== null);
  // The denial as the page has it now: a change saved meanwhile flows into untouched fields.
  const form = useVersionedForm(specs, denial ?? fromNotice?.values ?? null, onDirtyChange);
  const { values } = form.state;
  const [preview, setPreview] = useState<DenialView | null>(denial);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // Leaving with edits asks; the reason is kept as a draft of this tab until saved.
  const { attach, saving, draftOffer } = useUnsavedForm({
    formId: 'denial',
    specs,
    initial: denial ?? fromNotice?.values ?? null,
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
        planType: usePlan ? hintedPlan : null,
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
  }, [key, caseId, planType, usePlan]);

  const conflict = error?.code === 'conflict' ? error.conflict : undefined;

  const save = async (from: FormState) => {
    setBusy(true);
    try {
      const args = patchOf(specs, from) as never;
      await saving(async () => {
        if (denial) {
          await call('denials.update', { id: denial.id, version: from.version ?? 0, values: args });
        } else if (fromNotice) {
          // Accepted as the notice's fact: one transaction, linked to the notice, no log entry.
          await call('facts.accept', {
            documentId: fromNotice.documentId,
            key: fromNotice.key,
            basis: { id: null, version: null },
            values: { ...(args as object), planType: usePlan ? hintedPlan : null } as never,
          });
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

  // The kind is proposed from the reason while the advocate has not chosen one.
  const proposed = proposeDenialCategory(values.reason);
  useEffect(() => {
    if (proposed && !values.category) form.setField('category', proposed);
    // Only the reason's reading matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposed]);

  return (
    <Modal
      title={denial ? 'Edit denial' : 'Record a denial'}
      onClose={onClose}
      className="modal-denial"
    >
      <form ref={attach} className="entity-form" onSubmit={submit} aria-label="Denial">
        {draftOffer}
        {fromNotice && (
          <div className="banner banner-info from-notice" role="note">
            <p>
              Filled in from <strong>{fromNotice.fileName}</strong>. Check each field against the
              notice before saving; the denial will link to it.
            </p>
            {hintedPlan && (
              <label className="checkbox-line">
                <input
                  type="checkbox"
                  checked={usePlan}
                  onChange={(e) => setUsePlan(e.currentTarget.checked)}
                />
                <span>
                  Also set the case’s plan type to <strong>{PLAN_TYPE.labels[hintedPlan]}</strong>
                  {fromNotice.planTypeQuote && <> (the notice says “{fromNotice.planTypeQuote}”)</>}
                </span>
              </label>
            )}
          </div>
        )}
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
                {values.letterDeadlineOn &&
                  values.overrideOn !== values.letterDeadlineOn &&
                  values.letterDeadlineOn !== preview.computation.dueOn && (
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
