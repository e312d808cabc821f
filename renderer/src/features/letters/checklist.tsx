// What a letter will lack, each with a link to where it is filled in. A long list shows its
// first few until asked for the rest, so the letter's controls stay in view.
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChecklistItem } from '../../../../electron/contract/letter';

const SHOWN_AT_FIRST = 6;

export function Checklist({ items }: { items: ChecklistItem[] }) {
  const [all, setAll] = useState(false);
  if (!items.length) {
    return (
      <p className="letter-checklist-ready" role="status">
        Everything this letter uses is on file.
      </p>
    );
  }
  const shown = all ? items : items.slice(0, SHOWN_AT_FIRST);
  return (
    <div className="letter-checklist" role="region" aria-label="What the letter will lack">
      <p className="letter-checklist-title">
        This letter will lack {items.length === 1 ? 'one thing' : `${items.length} things`}. Each is
        marked in the letter until you fill it in:
      </p>
      <ul>
        {shown.map((item) => (
          <li key={item.label}>
            <span className="letter-checklist-label">{item.label}</span>
            <Link to={item.link} className="letter-checklist-link">
              Fill in on {item.where}
            </Link>
          </li>
        ))}
      </ul>
      {items.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {items.length}
        </button>
      )}
    </div>
  );
}
