// A save refused because the record changed since the form loaded it: the user's value and the
// newer one side by side, field by field, and the choice of which to keep. Never decided for them.
import { useEffect, useId, useRef } from 'react';

export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
  /** Long text (a template, notes): shown as a block. */
  long?: boolean;
}

interface ConflictPanelProps {
  message: string;
  rows: ConflictRow[];
  busy?: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

const shown = (v: string) => (v.trim() === '' ? '(empty)' : v);

export function ConflictPanel({
  message,
  rows,
  busy,
  onKeepMine,
  onTakeTheirs,
}: ConflictPanelProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Move the reader to the choice they must make.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="conflict" role="region" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Changed since you opened it
      </h3>
      <p role="alert">{message}</p>
      <table className="conflict-table">
        <caption className="visually-hidden">Your values and the newer values</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Yours</th>
            <th scope="col">Newer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field} data-field={r.field}>
              <th scope="row">{r.label}</th>
              <td>
                {r.long ? <pre className="conflict-text">{shown(r.mine)}</pre> : shown(r.mine)}
              </td>
              <td>
                {r.long ? <pre className="conflict-text">{shown(r.theirs)}</pre> : shown(r.theirs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={onKeepMine}
        >
          Keep mine
        </button>
        <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
          Take the newer values
        </button>
      </div>
      <p className="field-hint">
        Keep mine saves your values over the newer ones. Take the newer values puts them in the
        form; anything else you changed stays there to save.
      </p>
    </section>
  );
}
