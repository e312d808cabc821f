// A case against its payer's criteria: which set applies (suggested from insurer and treatment,
// the advocate's choice), each criterion met / not met / unknown with the records that meet it,
// what to gather, and the advocate's answers to what the records cannot say.
import { useState } from 'react';
import { Link } from 'react-router';
import type {
  CaseCriteria,
  CriteriaSetSummary,
  CriterionResult,
} from '../../../../electron/contract/criteria';
import { CRITERION_STATUS_LABELS } from '../../../../electron/contract/criteria';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';
import { setLabel } from './set-label';
import './criteria.css';

const TONE = { met: 'good', 'not-met': 'bad', unknown: 'warn' } as const;

interface Props {
  caseId: number;
  /** Changes whenever the case's records do: the criteria are measured again. */
  version: string;
  onChanged: () => void;
}

function AnswerForm({
  result,
  onAnswer,
}: {
  result: CriterionResult;
  onAnswer: (answer: 'yes' | 'no' | null, note: string) => Promise<void>;
}) {
  const [note, setNote] = useState(result.answer?.note ?? '');
  const id = `criterion-${result.key}`;
  return (
    <div className="criterion-answer">
      <label className="visually-hidden" htmlFor={`${id}-note`}>
        Where it is documented, for: {result.text}
      </label>
      <input
        id={`${id}-note`}
        type="text"
        maxLength={1000}
        placeholder="Where it is documented (optional)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button
        type="button"
        className="button button-small"
        aria-label={`Yes, documented: ${result.text}`}
        onClick={() => onAnswer('yes', note)}
      >
        Yes, documented
      </button>
      <button
        type="button"
        className="button button-small"
        aria-label={`No: ${result.text}`}
        onClick={() => onAnswer('no', note)}
      >
        No
      </button>
      {result.answer && (
        <button
          type="button"
          className="button button-small button-ghost"
          aria-label={`Clear answer: ${result.text}`}
          onClick={() => onAnswer(null, '')}
        >
          Clear answer
        </button>
      )}
    </div>
  );
}

function CriterionItem({
  result,
  onAnswer,
}: {
  result: CriterionResult;
  onAnswer: (answer: 'yes' | 'no' | null, note: string) => Promise<void>;
}) {
  return (
    <li className={`criterion criterion-${result.status}`} data-criterion={result.key}>
      <div className="criterion-head">
        <span className={`badge badge-${TONE[result.status]}`}>
          {CRITERION_STATUS_LABELS[result.status]}
        </span>
        <span className="criterion-text">{result.text}</span>
      </div>
      {result.evidence.length > 0 && (
        <div className="criterion-evidence">
          <span className="criterion-caption">Evidence:</span>
          <ul>
            {result.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {result.gather && (
        <p className="criterion-gather">
          <span className="criterion-caption">To gather:</span> {result.gather}
        </p>
      )}
      {result.answerable && <AnswerForm result={result} onAnswer={onAnswer} />}
    </li>
  );
}

export function CaseCriteriaSection({ caseId, version, onChanged }: Props) {
  const criteria = useLoad(() => call('caseCriteria.get', { caseId }), [caseId, version]);
  const sets = useLoad(() => call('criteria.list', {}), []);
  const [problem, setProblem] = useState<AppError | null>(null);
  const data: CaseCriteria | null = criteria.data;

  const act = async (work: (version: number) => Promise<unknown>) => {
    if (!data) return;
    setProblem(null);
    try {
      await work(data.version);
    } catch (e) {
      setProblem(asAppError(e));
    }
    criteria.reload();
    onChanged();
  };
  const link = (setId: number | null) =>
    act((v) => call('caseCriteria.link', { caseId, setId, version: v }));
  const answer = (key: string) => (value: 'yes' | 'no' | null, note: string) =>
    act((v) =>
      call('caseCriteria.answer', {
        caseId,
        key,
        version: v,
        answer: value ? { answer: value, note } : null,
      }),
    );

  const options: CriteriaSetSummary[] = sets.data ?? [];
  const set = data?.set ?? null;

  return (
    <section className="card" aria-labelledby="section-criteria" id="case-criteria">
      <div className="card-header">
        <h2 id="section-criteria">Payer criteria</h2>
        {data && data.total > 0 && (
          <span className="readiness-count">
            {data.met} of {data.total} met
          </span>
        )}
      </div>
      <ErrorBanner error={criteria.error ?? sets.error ?? problem} />
      {data && (
        <>
          <div className="field criteria-picker">
            <label className="field-label" htmlFor="case-criteria-set">
              Criteria set
            </label>
            <select
              id="case-criteria-set"
              value={set?.id ?? ''}
              onChange={(e) => void link(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">None: use the general readiness list</option>
              {options.map((s) => (
                <option key={s.id} value={s.id}>
                  {setLabel(s)}
                </option>
              ))}
            </select>
            <span className="field-hint">
              <Link to="/criteria">Criteria sets</Link>: create, copy and edit them.
            </span>
          </div>
          {!set && data.suggested && (
            <div className="banner banner-info" role="status">
              <p>
                Suggested from the insurer and treatment:{' '}
                <strong>{setLabel(data.suggested)}</strong>
              </p>
              <button
                type="button"
                className="button button-small"
                onClick={() => void link(data.suggested!.id)}
              >
                Use this set
              </button>
            </div>
          )}
          {!set && !data.suggested && (
            <p className="empty-note">
              No criteria set is linked: the readiness list above checks what most payers ask for.
              Link the plan’s policy to check this case against its own criteria.
            </p>
          )}
          {set && (
            <>
              <p className="criteria-caution">
                {set.starterKey
                  ? 'An example from a public policy: '
                  : 'Criteria as entered in this library: '}
                check it against the plan’s current policy and the member’s plan documents.
                {set.sourceUrl ? ` Source: ${set.sourceUrl}` : ''}
              </p>
              {data.results.length === 0 ? (
                <p className="empty-note">
                  This set has no criteria yet. <Link to={`/criteria/${set.id}`}>Add them</Link>.
                </p>
              ) : (
                <ul className="criteria-list" aria-label={`Criteria of ${setLabel(set)}`}>
                  {data.results.map((r) => (
                    <CriterionItem
                      key={`${r.key}:${r.answer?.answer ?? ''}:${r.answer?.note ?? ''}`}
                      result={r}
                      onAnswer={answer(r.key)}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
