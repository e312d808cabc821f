// Edits one template's text beside a live preview of it on a real case.
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../../electron/contract/errors';
import type { LetterPreview, Template } from '../../../../electron/contract/letter';
import { asAppError, call } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ConflictPanel } from '../../components/conflict-panel';
import { ErrorBanner } from '../../components/error-banner';
import type { FieldSpec } from '../../lib/form';
import { conflictRows, resolveConflict, useVersionedForm } from '../../lib/versioned-form';
import { useLoad } from '../../lib/use-load';
import { useUnsavedChanges } from '../../lib/unsaved/unsaved-context';
import { Checklist } from './checklist';
import { LetterPaper } from './letter-paper';
import { PlaceholderPicker } from './placeholder-picker';
import './letters.css';

/** How long typing must pause before the preview is redrawn. */
const PREVIEW_DELAY_MS = 400;

function useLivePreview(caseId: number | null, source: string) {
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  useEffect(() => {
    if (!caseId || !source) return;
    let current = true;
    const timer = setTimeout(() => {
      call('letters.preview', { caseId, source }).then(
        (p) => {
          if (!current) return;
          setPreview(p);
          setProblem(null);
        },
        (e: unknown) => current && setProblem(asAppError(e)),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [caseId, source]);
  return { preview, problem };
}

/** The template's one edited field, as the versioned form sees it. */
const SOURCE: FieldSpec[] = [{ name: 'source', type: 'textarea', label: 'Template text' }];

function Editor({ template, onSaved }: { template: Template; onSaved: (t: Template) => void }) {
  // The stored template as the page has it now: the text follows it until the user types.
  const form = useVersionedForm(SOURCE, template);
  const source = form.state.values.source ?? '';
  const setSource = (text: string) => form.setField('source', text);
  // Leaving the editor with edits asks first.
  useUnsavedChanges({
    dirty: form.dirty,
    label: `the template “${template.name}”`,
    changes: ['Template text'],
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const sourceBox = useRef<HTMLTextAreaElement>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const cases = useLoad(() => call('cases.list', { limit: 200 }), []);
  const [caseId, setCaseId] = useState<number | null>(null);
  const previewCase = caseId ?? cases.data?.items[0]?.id ?? null;
  const { preview, problem } = useLivePreview(previewCase, source);

  const conflict = saveError?.code === 'conflict' ? saveError.conflict : undefined;

  const save = async (work: () => Promise<Template>, message: string) => {
    setSaveError(null);
    try {
      const next = await work();
      form.saved(next);
      setSaved(message);
      onSaved(next);
    } catch (e) {
      setSaved(null);
      setSaveError(asAppError(e));
    }
  };

  return (
    <div className="template-editor">
      <div className="template-source">
        <label className="field" htmlFor="template-source">
          <span className="field-label">Template text</span>
          <span className="field-hint">
            Settings between the --- lines, then the letter in Markdown with{' '}
            <code>{'{{ fields }}'}</code>. The guide lists every field.
          </span>
        </label>
        <PlaceholderPicker
          onPick={(text) => {
            const box = sourceBox.current;
            const at = box ? box.selectionStart : source.length;
            const end = box ? box.selectionEnd : source.length;
            setSource(source.slice(0, at) + text + source.slice(end));
            setSaved(null);
            // The cursor goes after what was put in, ready to type on.
            requestAnimationFrame(() => {
              box?.focus();
              box?.setSelectionRange(at + text.length, at + text.length);
            });
          }}
        />
        <textarea
          ref={sourceBox}
          id="template-source"
          spellCheck={false}
          value={source}
          onChange={(e) => {
            setSource(e.target.value);
            setSaved(null);
          }}
        />
        <div className="letter-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() =>
              save(
                () =>
                  call('templates.save', {
                    id: template.id,
                    version: form.state.version ?? template.version,
                    source,
                  }),
                'Template saved.',
              )
            }
          >
            Save template
          </button>
          {template.builtInKey && (
            <button type="button" className="button" onClick={() => setConfirmReset(true)}>
              Reset to original
            </button>
          )}
        </div>
        {confirmReset && (
          <ConfirmDialog
            title="Reset to the original?"
            message={`“${template.name}” will go back to the text that comes with the app${form.dirty ? ', and the edits you have not saved will be lost' : ''}. Your changes to it cannot be brought back. Letters already written are kept.`}
            confirmLabel="Reset template"
            onClose={() => setConfirmReset(false)}
            onConfirm={async () => {
              setConfirmReset(false);
              await save(
                () => call('templates.reset', { id: template.id }),
                'Reset to the original that comes with the app.',
              );
            }}
          />
        )}
        {conflict ? (
          <ConflictPanel
            message={saveError!.message}
            rows={conflictRows(SOURCE, form.state, conflict)}
            onKeepMine={() => {
              const next = resolveConflict(SOURCE, form.state, conflict, 'mine');
              form.setState(next);
              void save(
                () =>
                  call('templates.save', {
                    id: template.id,
                    version: conflict.version,
                    source: next.values.source ?? '',
                  }),
                'Template saved.',
              );
            }}
            onTakeTheirs={() => {
              form.setState(resolveConflict(SOURCE, form.state, conflict, 'theirs'));
              setSaveError(null);
            }}
          />
        ) : (
          <ErrorBanner error={saveError} />
        )}
        {saved && (
          <div className="banner banner-ok" role="status">
            {saved}
          </div>
        )}
      </div>
      <div className="template-preview">
        <div className="field">
          <label className="field-label" htmlFor="template-preview-case">
            Preview on case
          </label>
          <select
            id="template-preview-case"
            value={previewCase ?? ''}
            onChange={(e) => setCaseId(Number(e.target.value))}
            disabled={!cases.data?.items.length}
          >
            {cases.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.clientName} — {c.requestedTreatment}
              </option>
            ))}
          </select>
        </div>
        {cases.data && cases.data.items.length === 0 && (
          <p className="empty-note">Add a case to preview templates on real data.</p>
        )}
        <ErrorBanner error={problem} />
        {preview && !problem && (
          <>
            <Checklist items={preview.checklist} />
            <LetterPaper model={preview.model} />
          </>
        )}
      </div>
    </div>
  );
}

export function TemplateEditPage() {
  const id = Number(useParams().id);
  const { data, error, reload } = useLoad(() => call('templates.get', { id }), [id]);
  return (
    <div className="page page-wide">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/templates">Letter templates</Link> <span aria-hidden="true">/</span>{' '}
        {data?.name ?? '…'}
      </nav>
      <div className="page-header">
        <h1>{data?.name ?? 'Template'}</h1>
      </div>
      <ErrorBanner error={error} />
      {data && <Editor key={data.id} template={data} onSaved={reload} />}
    </div>
  );
}
