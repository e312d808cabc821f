// The evidence library: every citation letters may cite, found by any word, added to, edited and
// deleted by the advocate. Letters cite only what is here and picked for a case.
import { useState } from 'react';
import { EVIDENCE_TREATMENT } from '../../../../electron/contract/evidence';
import type { Citation, EvidenceTreatment } from '../../../../electron/contract/evidence';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DataTable } from '../../components/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { FindToolbar, useFindQuery } from '../../components/find-toolbar';
import { RowActions } from '../../components/row-actions';
import { useLoad } from '../../lib/use-load';
import { CitationDialog } from './citation-dialog';
import { citationShort, identifiers } from './citation-specs';
import './evidence.css';

type Editing =
  { mode: 'add' } | { mode: 'edit'; row: Citation } | { mode: 'delete'; row: Citation } | null;

export function EvidencePage() {
  const [typed, setTyped, query] = useFindQuery();
  const [treatment, setTreatment] = useState<EvidenceTreatment | ''>('');
  const [editing, setEditing] = useState<Editing>(null);
  const { data, error, reload } = useLoad(
    () =>
      call('citations.list', {
        ...(query ? { query } : {}),
        ...(treatment ? { treatment } : {}),
      }),
    [query, treatment],
  );

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Evidence library</h1>
          <p className="page-meta">
            Trials, guidelines and regulatory actions your letters can cite. A case picks from here;
            a letter cites nothing else. PMID and DOI are kept only where they were seen on a public
            page: check the note before quoting an entry.
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ mode: 'add' })}
          >
            Add citation
          </button>
        </div>
      </div>
      <FindToolbar
        id="citation-find"
        label="Find"
        placeholder="Author, title, finding, PMID…"
        text={typed}
        onText={setTyped}
        total={data?.total ?? null}
        noun={['citation', 'citations']}
      />
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="citation-treatment">Treatment</label>
          <select
            id="citation-treatment"
            value={treatment}
            onChange={(e) => setTreatment(e.currentTarget.value as EvidenceTreatment | '')}
          >
            <option value="">All treatments</option>
            {EVIDENCE_TREATMENT.values.map((v) => (
              <option key={v} value={v}>
                {EVIDENCE_TREATMENT.labels[v]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={error} />
      {data &&
        (data.items.length === 0 ? (
          <p className="empty-note">
            No citation matches. Try fewer words, or add the study yourself.
          </p>
        ) : (
          <DataTable
            caption="Citations in the evidence library"
            rows={data.items}
            columns={[
              {
                header: 'Citation',
                render: (c) => (
                  <div className="citation-cell">
                    <strong>{citationShort(c)}</strong> {c.title}
                    {c.journal && <em>. {c.journal}</em>}
                    <div className="citation-meta">
                      {[EVIDENCE_TREATMENT.labels[c.treatment], c.design, c.conditions]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    {identifiers(c) ? (
                      <div className="citation-ids">
                        {identifiers(c)
                          .split(' · ')
                          .map((id) => (
                            <span key={id} className="identifier">
                              {id}
                            </span>
                          ))}
                      </div>
                    ) : (
                      <span className="citation-unverified">
                        No identifiers seen{c.note ? `: ${c.note}` : ''}
                      </span>
                    )}
                  </div>
                ),
              },
              { header: 'Finding', render: (c) => c.finding },
            ]}
            actions={(c) => (
              <RowActions
                name={`citation ${citationShort(c)}`}
                onEdit={() => setEditing({ mode: 'edit', row: c })}
                onDelete={() => setEditing({ mode: 'delete', row: c })}
              />
            )}
          />
        ))}
      {(editing?.mode === 'add' || editing?.mode === 'edit') && (
        <CitationDialog
          citation={editing.mode === 'edit' ? editing.row : null}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      )}
      {editing?.mode === 'delete' && (
        <ConfirmDialog
          title="Delete this citation?"
          message={`${citationShort(editing.row)}, “${editing.row.title}”, will leave the library and every case that cites it; letters already written keep their text.`}
          confirmLabel="Delete citation"
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            await call('citations.delete', { id: editing.row.id });
            setEditing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
