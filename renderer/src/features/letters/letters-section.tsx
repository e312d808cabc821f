// Letters on the case page: pick a template and a recipient, see what the letter will lack and
// how it reads, then generate the .docx into the case's documents.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CONTACT_KIND } from '../../../../electron/contract/choices';
import type { AppError } from '../../../../electron/contract/errors';
import { LETTER_KIND } from '../../../../electron/contract/letter';
import type { GeneratedLetter, TemplateSummary } from '../../../../electron/contract/letter';
import { asAppError, call } from '../../api';
import { MAX_PAGE } from '../../../../electron/contract/paging';
import { ErrorBanner } from '../../components/error-banner';
import { contactName, counted } from '../../lib/format';
import { DocumentFileButtons } from '../../components/document-file-buttons';
import { useLoad } from '../../lib/use-load';
import { Checklist } from './checklist';
import { LetterPaper } from './letter-paper';
import { LetterJourneyList } from './letter-journey';
import './letters.css';

/** Options grouped under a heading per kind, in the kinds' own order. */
function GroupedOptions<T extends { id: number; kind: string }>(props: {
  items: T[];
  kinds: { values: readonly string[]; labels: Readonly<Record<string, string>> };
  label: (item: T) => string;
}) {
  return (
    <>
      {props.kinds.values.map((kind) => {
        const ofKind = props.items.filter((item) => item.kind === kind);
        if (!ofKind.length) return null;
        return (
          <optgroup key={kind} label={props.kinds.labels[kind]}>
            {ofKind.map((item) => (
              <option key={item.id} value={item.id}>
                {props.label(item)}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

const templateLabel = (t: TemplateSummary) => `${t.name}${t.builtInKey ? '' : ' (yours)'}`;

interface LettersSectionProps {
  caseId: number;
  /** Changes whenever the case or its records do, so the checklist and preview follow. */
  version: string;
  onChanged: () => void;
  /** The case's own insurer and provider, offered as recipients even before they are contacts. */
  parties?: { insurer: string | null; provider: string | null; state?: string | null };
}

export function LettersSection({ caseId, version, onChanged, parties }: LettersSectionProps) {
  const lists = useLoad(
    async () => ({
      templates: await call('templates.list', {}),
      // A picker lists the whole address book (up to a thousand contacts).
      contacts: (await call('contacts.list', { limit: MAX_PAGE })).items,
      settings: await call('settings.get', {}),
    }),
    [],
  );
  const [templateId, setTemplateId] = useState<number | null>(null);
  // undefined until the advocate picks one: then the letter kind's default from Settings applies.
  const [picked, setPicked] = useState<number | null | undefined>(undefined);
  const [showPreview, setShowPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<GeneratedLetter | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  // "Write the appeal to the insurer" on the overview: that letter, to the case's insurer.
  const [params, setParams] = useSearchParams();
  const askedKind = params.get('letter');
  const askedTo = params.get('to');
  const asked = askedKind
    ? lists.data?.templates.find((t) => t.kind === askedKind && t.builtInKey)
    : undefined;
  const chosen = templateId ?? asked?.id ?? lists.data?.templates[0]?.id ?? null;
  const chosenTemplate = lists.data?.templates.find((t) => t.id === chosen);
  const chosenKind = chosenTemplate?.kind;
  // The contacts the letter is meant for come first (insurers for an appeal, lawmakers for...).
  const meantFor = chosenTemplate?.recipientKind ?? 'insurer';
  const contactKinds = {
    values: [meantFor, ...CONTACT_KIND.values.filter((k) => k !== meantFor)],
    labels: CONTACT_KIND.labels,
  };
  // The case's insurer, when the address book already has it, is the natural one to write to.
  const insurerName = parties?.insurer?.toLowerCase();
  const caseInsurer = insurerName
    ? lists.data?.contacts.find(
        (c) =>
          c.kind === 'insurer' &&
          [c.organisation, c.name].some((v) => v?.toLowerCase() === insurerName),
      )
    : undefined;
  const recipientId =
    picked !== undefined
      ? picked
      : ((chosenKind && lists.data?.settings.defaultRecipients[chosenKind]) ??
        (meantFor === 'insurer' ? caseInsurer?.id : undefined) ??
        null);
  const fromCase = (kind: 'insurer' | 'provider') =>
    call('contacts.fromCase', { caseId, kind }).then(
      (contact) => {
        lists.reload();
        setPicked(contact.id);
      },
      (err: unknown) => setActionError(asAppError(err)),
    );
  // Asked for the insurer and it is not a contact yet: made from the case, once.
  useEffect(() => {
    if (askedTo !== 'insurer' || !lists.data) return;
    const next = new URLSearchParams(params);
    next.delete('to');
    setParams(next, { replace: true });
    if (!caseInsurer && parties?.insurer) void fromCase('insurer');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once the lists are read
  }, [askedTo, lists.data]);
  // The client's lawmakers: those of the client's state in the address book.
  const lawmakers = (lists.data?.contacts ?? []).filter(
    (c) => c.kind === 'lawmaker' && parties?.state && c.state === parties.state,
  );
  const request = {
    caseId,
    ...(chosen ? { templateId: chosen } : { kind: 'medical-necessity' as const }),
    ...(recipientId ? { recipientId } : {}),
  };
  const preview = useLoad(
    () => call('letters.preview', request),
    [caseId, chosen, recipientId, version],
  );

  const generate = async () => {
    setBusy(true);
    setActionError(null);
    try {
      setMade(await call('letters.generate', request));
      onChanged();
    } catch (e) {
      setActionError(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="section-letters">
      <div className="card-header">
        <h2 id="section-letters">Letters</h2>
        <Link className="button button-small button-ghost" to="/templates">
          Edit templates
        </Link>
      </div>
      <ErrorBanner error={lists.error} />
      <div className="letter-controls">
        <div className="field">
          <label className="field-label" htmlFor="letter-template">
            Letter
          </label>
          <select
            id="letter-template"
            value={chosen ?? ''}
            onChange={(e) => {
              setTemplateId(Number(e.target.value));
              setMade(null);
            }}
          >
            <GroupedOptions
              items={lists.data?.templates ?? []}
              kinds={LETTER_KIND}
              label={templateLabel}
            />
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="letter-recipient">
            To
          </label>
          <select
            id="letter-recipient"
            value={recipientId ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              setMade(null);
              if (value === 'case:insurer' || value === 'case:provider') {
                void fromCase(value === 'case:insurer' ? 'insurer' : 'provider');
                return;
              }
              setPicked(value ? Number(value) : null);
            }}
          >
            <option value="">Choose from the address book…</option>
            {(parties?.insurer || parties?.provider || lawmakers.length > 0) && (
              <optgroup label="From this case">
                {parties?.insurer && !caseInsurer && (
                  <option value="case:insurer">{parties.insurer} (the case’s insurer)</option>
                )}
                {parties?.provider && (
                  <option value="case:provider">{parties.provider} (the case’s provider)</option>
                )}
                {caseInsurer && (
                  <option value={caseInsurer.id}>
                    {contactName(caseInsurer)} (the case’s insurer)
                  </option>
                )}
                {lawmakers.map((c) => (
                  <option key={`law-${c.id}`} value={c.id}>
                    {contactName(c)} (the client’s lawmaker)
                  </option>
                ))}
              </optgroup>
            )}
            <GroupedOptions
              items={lists.data?.contacts ?? []}
              kinds={contactKinds}
              label={contactName}
            />
          </select>
        </div>
      </div>

      <ErrorBanner error={preview.error} />
      {preview.data && <Checklist items={preview.data.checklist} />}

      <div className="letter-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !preview.data}
          onClick={generate}
        >
          {busy ? 'Writing the letter…' : 'Generate letter'}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={showPreview}
          onClick={() => setShowPreview((v) => !v)}
        >
          {showPreview ? 'Hide preview' : 'Preview'}
        </button>
      </div>
      <ErrorBanner error={actionError} />
      {made && (
        <div className="banner banner-ok" role="status">
          <span>
            Saved <strong>{made.fileName}</strong> with this case&apos;s documents
            {made.gaps > 0
              ? ` — ${counted(made.gaps, ['gap is', 'gaps are'])} marked in yellow for you to fill in.`
              : '.'}
          </span>
          <span className="banner-actions">
            <DocumentFileButtons
              id={made.documentId}
              fileName={made.fileName}
              onError={setActionError}
            />
          </span>
        </div>
      )}
      {showPreview && preview.data && <LetterPaper model={preview.data.model} />}
      <LetterJourneyList caseId={caseId} version={`${version}|${made?.documentId ?? ''}`} />
    </section>
  );
}
