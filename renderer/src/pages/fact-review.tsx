// Facts proposed from one document, beside its text: each accepted, edited first, or rejected.
import { useEffect, useRef, useState } from 'react';
import type { Proposal } from '../../../electron/contract/facts';
import type { AppError } from '../../../electron/contract/errors';
import { asAppError, call } from '../api';
import { EntityForm } from '../components/entity-form';
import { ErrorBanner } from '../components/error-banner';
import { Modal } from '../components/modal';
import { fromFormValues, toFormValues } from '../lib/form';
import type { FieldSpec } from '../lib/form';
import {
  ASSESSMENT_SPECS,
  CASE_SPECS,
  CLIENT_SPECS,
  COMMUNICATION_SPECS,
  DEADLINE_SPECS,
  DIAGNOSIS_SPECS,
  TREATMENT_SPECS,
} from '../lib/specs';
import { useLoad } from '../lib/use-load';

export type Decision = 'added' | 'rejected';
export type Decisions = Record<number, Decision>;

type Values = Record<string, unknown>;

/** What accepting a proposal does: the form to edit it in, its prefill, and the save. */
interface Plan {
  specs: FieldSpec[];
  initial: Values;
  /** Why Accept is not possible as proposed (Edit first), or null. */
  blocked: string | null;
  save: (values: Values) => Promise<void>;
}

const KIND_TITLES: Record<Proposal['kind'], string> = {
  client: 'Client',
  request: 'Requested treatment',
  provider: 'Treating provider',
  identifier: 'Plan & reference numbers',
  'procedure-code': 'Procedure codes',
  diagnosis: 'Diagnoses',
  treatment: 'Treatments tried',
  assessment: 'Assessments',
  denial: 'Denial',
};
const KIND_ORDER = Object.keys(KIND_TITLES) as Proposal['kind'][];

const CASE_FIELDS = new Set(['memberId', 'groupNumber', 'insurerName']);
const TREATMENT_FORM: FieldSpec[] = [
  ...TREATMENT_SPECS,
  { name: 'drugClass', label: 'Drug class', hint: 'e.g. SSRI' },
];

const str = (v: unknown): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

const today = () => new Date().toISOString().slice(0, 10);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pick(values: Proposal['values'], specs: FieldSpec[]): Values {
  const out: Values = {};
  for (const spec of specs) if (spec.name in values) out[spec.name] = values[spec.name];
  return out;
}

/** A readable one-line summary of a proposal. */
export function summarize(p: Proposal): string {
  const v = p.values;
  const parts = (...xs: unknown[]) =>
    xs
      .map(str)
      .filter((x): x is string => x !== null)
      .join(' · ');
  switch (p.kind) {
    case 'treatment': {
      const name = v.drugClass ? `${str(v.name)} (${str(v.drugClass)})` : v.name;
      const span =
        v.startedOn || v.endedOn ? `${str(v.startedOn) ?? '?'} → ${str(v.endedOn) ?? '?'}` : null;
      return parts(name, v.dose, span, v.outcome);
    }
    case 'diagnosis':
      return parts(v.icd10Code, v.description);
    case 'assessment':
      return parts(v.instrument, v.score !== null ? `score ${str(v.score)}` : null, v.assessedOn);
    case 'identifier':
      return `${fieldName(str(v.field) ?? '')}: ${str(v.value) ?? ''}`;
    case 'request':
      return str(v.requestedTreatment) ?? '';
    case 'provider':
      return parts(v.name, v.npi ? `NPI ${str(v.npi)}` : null);
    case 'client':
      return v.name ? `Name: ${str(v.name)}` : `Date of birth: ${str(v.dateOfBirth) ?? ''}`;
    case 'procedure-code':
      return parts(v.system, v.code);
    case 'denial':
      return parts(
        v.deniedOn ? `Denied on ${str(v.deniedOn)}` : null,
        v.appealDeadline ? `Appeal by ${str(v.appealDeadline)}` : null,
        v.appealWithinDays ? `Appeal within ${str(v.appealWithinDays)} days` : null,
        v.reason,
      );
  }
}

function fieldName(field: string): string {
  const names: Record<string, string> = {
    memberId: 'Member ID',
    groupNumber: 'Group number',
    insurerName: 'Insurer',
    referenceNumber: 'Reference number',
    claimNumber: 'Claim number',
  };
  return names[field] ?? field;
}

function planFor(
  p: Proposal,
  all: Proposal[],
  caseId: number,
  documentId: number,
  fileName: string,
): Plan {
  const v = p.values;
  const sourceDocumentId = documentId;
  const record = (kind: 'diagnoses' | 'treatments' | 'assessments', specs: FieldSpec[]): Plan => ({
    specs,
    initial: pick(v, specs),
    blocked: null,
    save: async (values) => {
      await call(`${kind}.create`, { caseId, values: { ...values, sourceDocumentId } } as never);
    },
  });
  const updateCase = async (change: (c: Values) => Values) => {
    // Only the fields the fact sets, made from the case as it is now.
    const { case: c } = await call('cases.get', { id: caseId });
    await call('cases.update', {
      id: caseId,
      version: c.version,
      ...change(c as unknown as Values),
    } as never);
  };
  const caseField = (specs: FieldSpec[], initial: Values): Plan => ({
    specs,
    initial,
    blocked: null,
    save: (values) => updateCase(() => values),
  });
  const communication = (initial: Values): Plan => ({
    specs: COMMUNICATION_SPECS,
    initial: { channel: 'letter', ...initial },
    blocked: null,
    save: async (values) => {
      await call('communications.create', {
        caseId,
        values: { ...values, sourceDocumentId },
      } as never);
    },
  });
  const deniedOn =
    str(v.deniedOn) ??
    all.map((o) => (o.kind === 'denial' ? str(o.values.deniedOn) : null)).find(Boolean) ??
    null;

  switch (p.kind) {
    case 'diagnosis':
      return record('diagnoses', DIAGNOSIS_SPECS);
    case 'treatment':
      return record('treatments', TREATMENT_FORM);
    case 'assessment': {
      const plan = record('assessments', ASSESSMENT_SPECS);
      return {
        ...plan,
        blocked: v.assessedOn ? null : 'No date found: use Edit to add one.',
      };
    }
    case 'request':
      return caseField(
        CASE_SPECS.filter((s) => s.name === 'requestedTreatment').map((s) => ({
          ...s,
          group: undefined,
        })),
        { requestedTreatment: v.requestedTreatment },
      );
    case 'provider':
      return caseField(
        CASE_SPECS.filter((s) => s.name === 'providerName' || s.name === 'providerNpi').map(
          (s) => ({ ...s, group: undefined }),
        ),
        { providerName: v.name, providerNpi: v.npi },
      );
    case 'procedure-code':
      return {
        specs: [{ name: 'treatmentCodes', label: 'Code to add' }],
        initial: { treatmentCodes: v.code },
        blocked: null,
        save: (values) =>
          updateCase((c) => {
            const codes = (str(c.treatmentCodes) ?? '')
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean);
            for (const code of String(values.treatmentCodes ?? '').split(',')) {
              const clean = code.trim();
              if (clean && !codes.includes(clean)) codes.push(clean);
            }
            return { treatmentCodes: codes.join(', ') };
          }),
      };
    case 'identifier': {
      const field = str(v.field) ?? '';
      if (CASE_FIELDS.has(field)) {
        return caseField(
          CASE_SPECS.filter((s) => s.name === field).map((s) => ({ ...s, group: undefined })),
          { [field]: v.value },
        );
      }
      return communication({
        occurredOn: deniedOn ?? today(),
        referenceNumber: v.value,
        summary: `${fieldName(field)} from ${fileName}`,
      });
    }
    case 'client': {
      const names = v.name ? ['firstName', 'lastName'] : ['dateOfBirth'];
      const name = str(v.name) ?? '';
      const cut = name.lastIndexOf(' ');
      const initial: Values = v.name
        ? { firstName: cut > 0 ? name.slice(0, cut) : name, lastName: name.slice(cut + 1) }
        : { dateOfBirth: v.dateOfBirth };
      return {
        specs: CLIENT_SPECS.filter((s) => names.includes(s.name)),
        initial,
        blocked: null,
        save: async (values) => {
          const { client } = await call('cases.get', { id: caseId });
          await call('clients.update', {
            id: client.id,
            version: client.version,
            ...values,
          } as never);
        },
      };
    }
    case 'denial': {
      if (v.appealDeadline || v.appealWithinDays) {
        const dueOn = str(v.appealDeadline)
          ? str(v.appealDeadline)
          : deniedOn
            ? addDays(deniedOn, Number(v.appealWithinDays))
            : null;
        return {
          specs: DEADLINE_SPECS,
          initial: { kind: 'deadline', title: `Appeal due (from ${fileName})`, dueOn },
          blocked: dueOn ? null : 'No denial date to count from: use Edit to set the due date.',
          save: async (values) => {
            await call('deadlines.create', {
              caseId,
              values: { ...values, sourceDocumentId },
            } as never);
          },
        };
      }
      return communication({
        occurredOn: deniedOn ?? today(),
        summary: v.reason ? `Denial: ${str(v.reason)}` : `Denial (from ${fileName})`,
      });
    }
  }
}

export function FactReview({
  caseId,
  documentId,
  fileName,
  decisions,
  onDecide,
  onChanged,
  onClose,
}: {
  caseId: number;
  documentId: number;
  fileName: string;
  decisions: Decisions;
  onDecide: (index: number, decision: Decision) => void;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { data, error } = useLoad(
    () =>
      Promise.all([
        call('documents.get', { id: documentId }),
        call('documents.proposeFacts', { id: documentId }),
      ]),
    [documentId],
  );
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ index: number; error: AppError } | null>(null);
  const markRef = useRef<HTMLElement>(null);

  const text = data?.[0].text ?? '';
  const proposals = data?.[1] ?? [];
  const current = selected !== null ? proposals[selected] : undefined;

  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected, data]);

  async function run(index: number, save: () => Promise<void>) {
    setBusy(index);
    setFailure(null);
    try {
      await save();
      onDecide(index, 'added');
      setEditing(null);
      onChanged();
    } catch (e) {
      setFailure({ index, error: asAppError(e) });
    } finally {
      setBusy(null);
    }
  }

  const visible = proposals
    .map((p, index) => ({ p, index }))
    .filter(({ index }) => decisions[index] !== 'rejected');
  const rejected = proposals.length - visible.length;

  return (
    <Modal title={`Review facts: ${fileName}`} onClose={onClose} className="modal-review">
      <ErrorBanner error={error} />
      {!data && !error && <p>Loading…</p>}
      {data && (
        <div className="review-grid">
          <article
            className="paper paper-text review-text"
            data-testid="review-text"
            aria-label="Document text"
          >
            {current ? (
              <>
                {text.slice(0, current.start)}
                <mark ref={markRef}>{text.slice(current.start, current.end)}</mark>
                {text.slice(current.end)}
              </>
            ) : (
              text
            )}
          </article>
          <div className="review-list" aria-label="Proposed facts" role="region">
            <p className="review-intro">
              {proposals.length === 0
                ? 'No facts were found in this document.'
                : 'Nothing enters the case until you accept it.'}
              {rejected > 0 && ` ${rejected} rejected.`}
            </p>
            {KIND_ORDER.map((kind) => {
              const items = visible.filter(({ p }) => p.kind === kind);
              if (items.length === 0) return null;
              return (
                <section key={kind} className="review-group" aria-label={KIND_TITLES[kind]}>
                  <h3>{KIND_TITLES[kind]}</h3>
                  <ul>
                    {items.map(({ p, index }) => {
                      const plan = planFor(p, proposals, caseId, documentId, fileName);
                      const added = decisions[index] === 'added';
                      const summary = summarize(p);
                      return (
                        <li
                          key={index}
                          className={index === selected ? 'proposal selected' : 'proposal'}
                          data-testid="proposal"
                        >
                          <button
                            type="button"
                            className="proposal-summary"
                            aria-pressed={index === selected}
                            onClick={() => setSelected(index)}
                          >
                            {summary}
                          </button>
                          {added ? (
                            <p className="proposal-added" role="status">
                              Added ✓
                            </p>
                          ) : editing === index ? (
                            <EntityForm
                              formId={`proposal-${index}`}
                              specs={plan.specs}
                              initial={plan.initial}
                              submitLabel="Save to case"
                              onCancel={() => setEditing(null)}
                              onSubmit={async (values) => {
                                await plan.save(values);
                                onDecide(index, 'added');
                                setEditing(null);
                                onChanged();
                              }}
                            />
                          ) : (
                            <div className="proposal-actions">
                              <button
                                type="button"
                                className="button button-small button-primary"
                                disabled={plan.blocked !== null || busy !== null}
                                aria-label={`Accept ${summary}`}
                                onClick={() => {
                                  setSelected(index);
                                  const values = fromFormValues(
                                    plan.specs,
                                    toFormValues(plan.specs, plan.initial),
                                  );
                                  void run(index, () => plan.save(values));
                                }}
                              >
                                {busy === index ? 'Adding…' : 'Accept'}
                              </button>
                              <button
                                type="button"
                                className="button button-small"
                                aria-label={`Edit ${summary}`}
                                onClick={() => {
                                  setSelected(index);
                                  setEditing(index);
                                }}
                              >
                                Edit
                              </button>
                              <button
                                type="button"
                                className="button button-small button-ghost"
                                aria-label={`Reject ${summary}`}
                                onClick={() => {
                                  onDecide(index, 'rejected');
                                  if (selected === index) setSelected(null);
                                }}
                              >
                                Reject
                              </button>
                              {plan.blocked && (
                                <span className="proposal-hint">{plan.blocked}</span>
                              )}
                            </div>
                          )}
                          {failure?.index === index && <ErrorBanner error={failure.error} />}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </div>
        </div>
      )}
    </Modal>
  );
}
