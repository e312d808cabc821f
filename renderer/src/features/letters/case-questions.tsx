// The questions letter templates ask of this case ("date the appeal was faxed"), answered once
// here and read by every letter that asks them. Hidden while no template asks anything.
import { useState } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import type { CaseQuestion } from '../../../../electron/contract/letter';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';

function Question({
  caseId,
  question,
  answer,
  onSaved,
}: {
  caseId: number;
  question: CaseQuestion;
  answer: string;
  onSaved: () => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const value = text ?? answer;
  const id = `question-${question.key}`;
  const save = async () => {
    setBusy(true);
    try {
      await call('caseAnswers.save', { caseId, key: question.key, answer: value });
      setText(null);
      setError(null);
      onSaved();
    } catch (e) {
      setError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {question.ask.charAt(0).toUpperCase() + question.ask.slice(1)}
      </label>
      <span className="field-hint" id={`${id}-hint`}>
        {question.hint ? `${question.hint} ` : ''}Asked by {question.askedBy.join(', ')}.
      </span>
      {question.long ? (
        <textarea
          id={id}
          aria-describedby={`${id}-hint`}
          rows={4}
          value={value}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      )}
      {text !== null && text !== answer && (
        <button type="button" className="button button-small" disabled={busy} onClick={save}>
          Save answer<span className="visually-hidden"> to {question.ask}</span>
        </button>
      )}
      <ErrorBanner error={error} />
    </div>
  );
}

export function CaseQuestions({ caseId, onChanged }: { caseId: number; onChanged: () => void }) {
  const { data, error, reload } = useLoad(() => call('caseAnswers.list', { caseId }), [caseId]);
  if (!data || data.questions.length === 0) return error ? <ErrorBanner error={error} /> : null;
  return (
    <section className="card case-questions" aria-labelledby="section-questions">
      <div className="card-header">
        <h2 id="section-questions">Questions the letters ask</h2>
      </div>
      <p className="page-meta">
        Answered once for this case; every letter that asks a question uses the same answer.
      </p>
      {data.questions.map((q) => (
        <Question
          key={q.key}
          caseId={caseId}
          question={q}
          answer={data.answers[q.key] ?? ''}
          onSaved={() => {
            reload();
            onChanged();
          }}
        />
      ))}
    </section>
  );
}
