// The readiness meter: what a strong request needs, from the case's own records.
import type { Readiness } from '../../../../electron/contract/workflow';
import './workflow.css';

export function ReadinessMeter({ readiness }: { readiness: Readiness }) {
  const { items, done, total } = readiness;
  const percent = Math.round((done / total) * 100);
  return (
    <div className="readiness">
      <div className="readiness-head">
        <h3 id="readiness-title">
          {readiness.criteriaSet
            ? `Readiness against ${readiness.criteriaSet.payer}’s criteria`
            : 'Request readiness'}
        </h3>
        <span className="readiness-count">
          {done} of {total}
        </span>
      </div>
      <div
        className="readiness-bar"
        role="meter"
        aria-labelledby="readiness-title"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} ready`}
      >
        {/* SVG attributes, not inline styles: the app's CSP allows no inline style. */}
        <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
          <rect className="readiness-track" x="0" y="0" width="100" height="8" rx="4" />
          <rect
            className={done === total ? 'readiness-fill complete' : 'readiness-fill'}
            x="0"
            y="0"
            width={percent}
            height="8"
            rx="4"
          />
        </svg>
      </div>
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.key} className={item.done ? 'check-done' : 'check-todo'}>
            <span className="check-mark" aria-hidden="true">
              {item.done ? '✓' : item.unknown ? '?' : '○'}
            </span>
            <span>
              <span className="check-label">
                {item.label}
                <span className="visually-hidden">
                  {item.done ? ' (done)' : item.unknown ? ' (not known yet)' : ' (to do)'}
                </span>
              </span>
              <span className="check-detail">{item.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
