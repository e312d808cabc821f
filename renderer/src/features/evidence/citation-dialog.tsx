// Adding a citation to the evidence library, or editing one (from the version shown).
import type { Citation } from '../../../../electron/contract/evidence';
import { call } from '../../api';
import { EntityForm } from '../../components/entity-form';
import { Modal } from '../../components/modal';
import { CITATION_SPECS } from './citation-specs';

interface CitationDialogProps {
  citation: Citation | null;
  onClose: () => void;
  onSaved: (saved: Citation) => void;
}

export function CitationDialog({ citation, onClose, onSaved }: CitationDialogProps) {
  return (
    <Modal title={citation ? 'Edit citation' : 'Add a citation'} onClose={onClose}>
      <EntityForm
        formId="citation-form"
        specs={CITATION_SPECS}
        initial={citation}
        submitLabel={citation ? 'Save changes' : 'Add citation'}
        onCancel={onClose}
        onSubmit={async (values, version) => {
          const saved = citation
            ? await call('citations.update', {
                id: citation.id,
                version: version ?? citation.version,
                values: values as never,
              })
            : await call('citations.create', values as never);
          onClose();
          onSaved(saved);
          return saved;
        }}
      />
    </Modal>
  );
}
