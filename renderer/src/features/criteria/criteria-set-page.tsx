// One criteria set: the policy it comes from (payer, name and number, treatment, date, source and
// its own words) and its criteria, each a rule over the case's records or a question.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CRITERION_KIND } from '../../../../electron/contract/criteria';
import type {
  CriteriaSet,
  CriteriaSetInput,
  Criterion,
  CriterionKind,
} from '../../../../electron/contract/criteria';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';
import { useUnsavedChanges } from '../../lib/unsaved/unsaved-context';
import './criteria.css';

/** A criterion as the form holds it: numbers and lists as typed. */
interface Row {
  /** Identifies the row while editing (keys may be edited). */
  row: number;
  key: string;
  text: string;
  kind: CriterionKind;
  min: string;
  max: string;
  count: string;
  minWeeks: string;
  codes: string;
  excludeCodes: string;
  instruments: string;
  specialty: string;
  setting: string;
  orPsychotherapy: boolean;
}

type Setting = Exclude<keyof Row, 'row' | 'key' | 'text' | 'kind' | 'orPsychotherapy'>;

/** The settings each kind of rule reads, with their labels. */
const SETTINGS: Record<CriterionKind, [Setting, string][]> = {
  age: [
    ['min', 'Youngest age'],
    ['max', 'Oldest age'],
  ],
  diagnosis: [
    ['codes', 'ICD-10 codes covered (a category covers its codes; F32.0-F33.9 for a range)'],
    ['excludeCodes', 'ICD-10 codes excluded'],
  ],
  'failed-medication-trials': [
    ['count', 'Failed trials needed'],
    ['minWeeks', 'Weeks each (at a therapeutic dose)'],
  ],
  'distinct-classes': [['count', 'Drug classes needed']],
  'weeks-at-dose': [
    ['count', 'Trials needed'],
    ['minWeeks', 'Weeks at a therapeutic dose, each'],
  ],
  augmentation: [
    ['count', 'Augmentation trials needed'],
    ['minWeeks', 'Weeks each'],
  ],
  psychotherapy: [],
  'score-threshold': [
    ['instruments', 'Instruments (blank: any)'],
    ['min', 'Latest score at least'],
    ['count', 'Scores needed (when no threshold)'],
  ],
  ect: [],
  prescriber: [['specialty', 'Specialty']],
  setting: [['setting', 'Setting (e.g. outpatient, supervised)']],
  rems: [],
  'session-limit': [['max', 'Most sessions covered']],
  question: [],
};

const LISTS: ReadonlySet<Setting> = new Set(['codes', 'excludeCodes', 'instruments']);
const TEXTS: ReadonlySet<Setting> = new Set(['specialty', 'setting']);

let nextRow = 1;

function toRow(c: Criterion): Row {
  const num = (v: number | null) => (v === null ? '' : String(v));
  const list = (v: string[] | null) => (v ?? []).join(', ');
  return {
    row: nextRow++,
    key: c.key,
    text: c.text,
    kind: c.kind,
    min: num(c.min),
    max: num(c.max),
    count: num(c.count),
    minWeeks: num(c.minWeeks),
    codes: list(c.codes),
    excludeCodes: list(c.excludeCodes),
    instruments: list(c.instruments),
    specialty: c.specialty ?? '',
    setting: c.setting ?? '',
    orPsychotherapy: c.orPsychotherapy,
  };
}

/** Only the settings the row's kind reads are sent; the rest are cleared. */
function fromRow(r: Row): CriteriaSetInput['criteria'] extends (infer C)[] | undefined ? C : never {
  const used = new Set(SETTINGS[r.kind].map(([s]) => s));
  const value = (s: Setting) => {
    const v = r[s].trim();
    if (!used.has(s) || v === '') return null;
    if (LISTS.has(s))
      return v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    if (TEXTS.has(s)) return v;
    return Number(v);
  };
  return {
    key: r.key.trim(),
    text: r.text,
    kind: r.kind,
    min: value('min') as number | null,
    max: value('max') as number | null,
    count: value('count') as number | null,
    minWeeks: value('minWeeks') as number | null,
    codes: value('codes') as string[] | null,
    excludeCodes: value('excludeCodes') as string[] | null,
    instruments: value('instruments') as string[] | null,
    specialty: value('specialty') as string | null,
    setting: value('setting') as string | null,
    orPsychotherapy: r.kind === 'augmentation' && r.orPsychotherapy,
  };
}

interface Draft {
  payer: string;
  policyName: string;
  policyNumber: string;
  treatment: string;
  effectiveDate: string;
  sourceUrl: string;
  sourceText: string;
  rows: Row[];
}

const EMPTY: Draft = {
  payer: '',
  policyName: '',
  policyNumber: '',
  treatment: '',
  effectiveDate: '',
  sourceUrl: '',
  sourceText: '',
  rows: [],
};

const draftOf = (s: CriteriaSet | null): Draft =>
  s
    ? {
        payer: s.payer,
        policyName: s.policyName,
        policyNumber: s.policyNumber ?? '',
        treatment: s.treatment,
        effectiveDate: s.effectiveDate ?? '',
        sourceUrl: s.sourceUrl ?? '',
        sourceText: s.sourceText ?? '',
        rows: s.criteria.map(toRow),
      }
    : EMPTY;

const valuesOf = (d: Draft) => ({
  payer: d.payer,
  policyName: d.policyName,
  policyNumber: d.policyNumber,
  treatment: d.treatment,
  effectiveDate: d.effectiveDate,
  sourceUrl: d.sourceUrl,
  sourceText: d.sourceText,
  criteria: d.rows.map(fromRow),
});

/** A key for a new criterion: unique in the set. */
function newKey(rows: Row[]): string {
  for (let n = rows.length + 1; ; n++) {
    const key = `criterion-${n}`;
    if (!rows.some((r) => r.key === key)) return key;
  }
}

function Field({
  id,
  label,
  children,
  hint,
}: {
  id: string;
  label: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}

function CriterionEditor({
  row,
  index,
  onChange,
  onRemove,
}: {
  row: Row;
  index: number;
  onChange: (r: Row) => void;
  onRemove: () => void;
}) {
  const id = `criterion-${row.row}`;
  const set = <K extends keyof Row>(k: K, v: Row[K]) => onChange({ ...row, [k]: v });
  return (
    <fieldset className="criterion-editor">
      <legend>Criterion {index + 1}</legend>
      <div className="form-grid">
        <Field id={`${id}-kind`} label="Checks">
          <select
            id={`${id}-kind`}
            value={row.kind}
            onChange={(e) => set('kind', e.target.value as CriterionKind)}
          >
            {CRITERION_KIND.values.map((k) => (
              <option key={k} value={k}>
                {CRITERION_KIND.labels[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-key`} label="Short name" hint="Lowercase letters, digits and hyphens">
          <input
            id={`${id}-key`}
            value={row.key}
            maxLength={60}
            onChange={(e) => set('key', e.target.value)}
          />
        </Field>
        <div className="field field-wide">
          <label htmlFor={`${id}-text`}>The policy’s words</label>
          <textarea
            id={`${id}-text`}
            rows={2}
            value={row.text}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        {SETTINGS[row.kind].map(([s, label]) => (
          <Field key={s} id={`${id}-${s}`} label={label}>
            <input
              id={`${id}-${s}`}
              inputMode={LISTS.has(s) || TEXTS.has(s) ? undefined : 'numeric'}
              value={row[s]}
              onChange={(e) => set(s, e.target.value)}
            />
          </Field>
        ))}
        {row.kind === 'augmentation' && (
          <div className="field">
            <label className="field-inline" htmlFor={`${id}-or-therapy`}>
              <input
                id={`${id}-or-therapy`}
                type="checkbox"
                checked={row.orPsychotherapy}
                onChange={(e) => set('orPsychotherapy', e.target.checked)}
              />
              Or a trial of psychotherapy
            </label>
          </div>
        )}
      </div>
      <button
        type="button"
        className="button button-small button-ghost-danger"
        onClick={onRemove}
        aria-label={`Remove criterion ${index + 1}`}
      >
        Remove
      </button>
    </fieldset>
  );
}

function Editor({ set, onSaved }: { set: CriteriaSet | null; onSaved: (s: CriteriaSet) => void }) {
  const [base, setBase] = useState<Draft>(() => draftOf(set));
  const [draft, setDraft] = useState<Draft>(() => draftOf(set));
  const [version, setVersion] = useState(set?.version ?? 0);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const saving = useRef(false);
  const dirty = JSON.stringify(valuesOf(draft)) !== JSON.stringify(valuesOf(base));
  useUnsavedChanges({
    dirty,
    label: `the criteria set “${draft.policyName || 'new'}”`,
    changes: ['Criteria set'],
    discard: () => setDraft(base),
  });
  const field = (k: Exclude<keyof Draft, 'rows'>) => ({
    id: `set-${k}`,
    value: draft[k],
    onChange: (e: { target: { value: string } }) => {
      setSaved(false);
      setDraft({ ...draft, [k]: e.target.value });
    },
  });
  const setRows = (rows: Row[]) => {
    setSaved(false);
    setDraft({ ...draft, rows });
  };

  const save = async (from = version) => {
    if (saving.current) return;
    saving.current = true;
    setError(null);
    try {
      const values = valuesOf(draft);
      const result = set
        ? await call('criteria.update', { id: set.id, version: from, values })
        : await call('criteria.create', values);
      const next = draftOf(result);
      setBase(next);
      setDraft(next);
      setVersion(result.version);
      setSaved(true);
      onSaved(result);
    } catch (e) {
      setError(asAppError(e));
    } finally {
      saving.current = false;
    }
  };
  const conflict = error?.code === 'conflict' ? error.conflict : undefined;

  return (
    <form
      className="criteria-set-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {set?.starterKey && (
        <p className="banner banner-warn">
          An example from a public policy, shipped with the app. Payers change their policies often:
          check every criterion against the plan’s current policy and the member’s plan documents
          before relying on it.
        </p>
      )}
      <section className="card" aria-labelledby="set-policy">
        <h2 id="set-policy">Policy</h2>
        <div className="form-grid">
          <Field id="set-payer" label="Payer">
            <input {...field('payer')} required maxLength={200} />
          </Field>
          <Field id="set-treatment" label="Treatment" hint="As cases name it: Esketamine, TMS…">
            <input {...field('treatment')} required maxLength={100} />
          </Field>
          <Field id="set-policyName" label="Policy name">
            <input {...field('policyName')} required maxLength={300} />
          </Field>
          <Field id="set-policyNumber" label="Policy number">
            <input {...field('policyNumber')} maxLength={200} />
          </Field>
          <Field id="set-effectiveDate" label="Effective date">
            <input {...field('effectiveDate')} type="date" />
          </Field>
          <Field id="set-sourceUrl" label="Source" hint="Where the policy is from: a web address">
            <input {...field('sourceUrl')} maxLength={1000} />
          </Field>
          <div className="field field-wide">
            <label htmlFor="set-sourceText">The policy’s own words, and notes</label>
            <textarea {...field('sourceText')} rows={4} />
          </div>
        </div>
      </section>
      <section className="card" aria-labelledby="set-criteria">
        <h2 id="set-criteria">Criteria</h2>
        {draft.rows.length === 0 && <p className="empty-note">No criteria yet.</p>}
        {draft.rows.map((r, i) => (
          <CriterionEditor
            key={r.row}
            row={r}
            index={i}
            onChange={(next) => setRows(draft.rows.map((x) => (x.row === r.row ? next : x)))}
            onRemove={() => setRows(draft.rows.filter((x) => x.row !== r.row))}
          />
        ))}
        <button
          type="button"
          className="button"
          onClick={() =>
            setRows([
              ...draft.rows,
              toRow({
                key: newKey(draft.rows),
                text: '',
                kind: 'question',
                min: null,
                max: null,
                count: null,
                minWeeks: null,
                codes: null,
                excludeCodes: null,
                instruments: null,
                specialty: null,
                setting: null,
                orPsychotherapy: false,
              }),
            ])
          }
        >
          Add criterion
        </button>
      </section>
      {conflict ? (
        <div className="banner banner-error" role="alert">
          <p>{error!.message}</p>
          <div className="banner-actions">
            <button type="button" className="button" onClick={() => void save(conflict.version)}>
              Keep mine
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                const theirs = draftOf(conflict.current as unknown as CriteriaSet);
                setBase(theirs);
                setDraft(theirs);
                setVersion(conflict.version);
                setError(null);
              }}
            >
              Take the newer set
            </button>
          </div>
        </div>
      ) : (
        <ErrorBanner error={error} />
      )}
      {saved && (
        <div className="banner banner-ok" role="status">
          Criteria set saved.
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Save criteria set
        </button>
      </div>
    </form>
  );
}

export function CriteriaSetPage() {
  const param = useParams().id;
  const navigate = useNavigate();
  const id = param === 'new' ? null : Number(param);
  const { data, error, reload } = useLoad(
    () => (id === null ? Promise.resolve(null) : call('criteria.get', { id })),
    [id],
  );
  // Opened once saved: after the editor has taken in the saved set (so nothing reads as unsaved).
  const [created, setCreated] = useState<number | null>(null);
  useEffect(() => {
    if (created !== null) navigate(`/criteria/${created}`, { replace: true });
  }, [created, navigate]);
  const title = id === null ? 'New criteria set' : (data?.policyName ?? 'Criteria set');
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/criteria">Payer criteria</Link> <span aria-hidden="true">/</span> {title}
      </nav>
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <ErrorBanner error={error} />
      {(id === null || data) && (
        <Editor
          key={data?.id ?? 'new'}
          set={data}
          onSaved={(s) => (id === null ? setCreated(s.id) : reload())}
        />
      )}
    </div>
  );
}
