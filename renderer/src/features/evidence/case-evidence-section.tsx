// The case page's evidence: the citations its letters cite (in order, numbered as the letters'
// References), what the library suggests for this treatment, diagnosis and denial, and a search
// of the whole library to pick anything else.
import { useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../../electron/contract/errors';
import type { Citation } from '../../../../electron/contract/evidence';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useFindQuery } from '../../components/find-toolbar';
import { useLoad } from '../../lib/use-load';
import { citationShort, identifiers } from './citation-specs';
import './evidence.css';

const SHOWN = 8;

function CitationWords({ c }: { c: Citation }) {
  return (
    <>
      <strong>{citationShort(c)}</strong> {c.title}
      {c.journal && <em>. {c.journal}</em>}
      <span className="citation-meta">
        {c.design && <>{c.design} · </>}
        {c.finding}
      </span>
      {!identifiers(c) && c.note && (
        <span className="citation-unverified">Check before citing: {c.note}</span>
      )}
    </>
  );
}

export function CaseEvidenceSection({
  caseId,
  onChanged,
}: {
  caseId: number;
  onChanged: () => void;
}) {
  const { data, error, reload } = useLoad(() => call('caseCitations.list', { caseId }), [caseId]);
  const [text, setText, query] = useFindQuery();
  const found = useLoad(
    () => (query ? call('citations.list', { query }) : Promise.resolve(null)),
    [query],
  );
  const [actionError, setActionError] = useState<AppError | null>(null);
  const current = data;

  const act = async (name: 'caseCitations.pick' | 'caseCitations.unpick', citationId: number) => {
    try {
      await call(name, { caseId, citationId });
      setActionError(null);
      reload();
      onChanged();
    } catch (e) {
      setActionError(asAppError(e));
    }
  };
  const pickedIds = new Set(current?.picked.map((c) => c.id) ?? []);
  const results = (found.data?.items ?? []).filter((c) => !pickedIds.has(c.id)).slice(0, SHOWN);

  return (
    <section className="card" aria-labelledby="section-evidence">
      <div className="card-header">
        <h2 id="section-evidence">Evidence cited</h2>
        <Link className="button button-small" to="/evidence">
          Evidence library
        </Link>
      </div>
      <ErrorBanner error={error ?? actionError} />
      {current && (
        <>
          {current.picked.length === 0 ? (
            <p className="empty-note">
              Letters cite no studies yet. Pick from the suggestions below or find one in the
              library; appeals and the letter of medical necessity cite them and list them under
              References.
            </p>
          ) : (
            <ol className="citation-list" aria-label="Cited in this case’s letters">
              {current.picked.map((c) => (
                <li key={c.id}>
                  <div>
                    <CitationWords c={c} />
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => act('caseCitations.unpick', c.id)}
                  >
                    Remove<span className="visually-hidden"> {citationShort(c)}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
          <h3 className="subhead">Suggested for this case</h3>
          {current.suggested.length === 0 ? (
            <p className="empty-note">
              No suggestion: the library has nothing more for this treatment and diagnosis.
            </p>
          ) : (
            <ul className="citation-list" aria-label="Suggested citations">
              {current.suggested.map((c) => (
                <li key={c.id}>
                  <div>
                    <CitationWords c={c} />
                    <span className="citation-why">Why: {c.why}</span>
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => act('caseCitations.pick', c.id)}
                  >
                    Cite<span className="visually-hidden"> {citationShort(c)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="toolbar">
            <div className="field field-inline">
              <label htmlFor="case-citation-find">Find in the library</label>
              <input
                id="case-citation-find"
                type="search"
                placeholder="Author, title, finding…"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
          </div>
          {query &&
            found.data &&
            (results.length === 0 ? (
              <p className="empty-note" role="status">
                No other citation matches “{query}”.
              </p>
            ) : (
              <ul className="citation-list" aria-label="Citations found">
                {results.map((c) => (
                  <li key={c.id}>
                    <div>
                      <CitationWords c={c} />
                    </div>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => act('caseCitations.pick', c.id)}
                    >
                      Cite<span className="visually-hidden"> {citationShort(c)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
    </section>
  );
}
