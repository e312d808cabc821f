// What a letter will lack, each with a link to where it is filled in.
import { Link } from 'react-router';
import type { ChecklistItem } from '../../../../electron/contract/letter';

export function Checklist({ items }: { items: ChecklistItem[] }) {
  if (!items.length) {
    return (
      <p className="checklist-ready" role="status">
        Everything this letter uses is on file.
      </p>
    );
  }
  return (
    <div className="checklist" role="region" aria-label="What the letter will lack">
      <p className="checklist-title">
        This letter will lack {items.length === 1 ? 'one thing' : `${items.length} things`}. Each is
        marked in the letter until you fill it in:
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <span className="checklist-label">{item.label}</span>
            <Link to={item.link} className="checklist-link">
              Fill in on {item.where}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
