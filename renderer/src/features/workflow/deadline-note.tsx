// The rule behind a denial's deadline, what it needs from the user, and its warnings.
import type { DenialView } from '../../../../electron/contract/workflow';

const NEEDS: Record<string, string> = {
  'plan-type': 'Set the plan type on the case, or enter the date printed on the letter.',
  'state-window': "Enter the state's appeal window in days (on the notice), or the letter's date.",
  'letter-date': 'Enter the deadline printed on the letter.',
};

export function DeadlineNote({ denial }: { denial: DenialView }) {
  const { computation } = denial;
  return (
    <div className="deadline-note">
      <p className="rule" data-testid="deadline-rule">
        <span className="rule-label">Rule:</span> {computation.rule}
      </p>
      {computation.needs && !denial.effectiveOn && (
        <p className="needs">{NEEDS[computation.needs]}</p>
      )}
      {computation.warnings.length > 0 && (
        <ul className="warnings">
          {computation.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
