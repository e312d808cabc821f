// The client's cost for the course of treatment, in and out of network side by side, from the
// latest benefits check; what a figure lacks or assumes is said beside it.
import type { BenefitsCheck } from '../../../../electron/contract/case-records';
import { formatMoney } from '../../../../electron/contract/amounts';
import { estimateCost } from '../../../../electron/contract/cost-estimate';
import { formatDate } from '../../lib/format';

export function CostEstimateTable({ check }: { check: BenefitsCheck }) {
  const sides = [estimateCost(check, 'in'), estimateCost(check, 'out')];
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v));
  return (
    <div className="cost-estimate">
      <h3>
        Estimated cost of {check.plannedSessions ?? 'the'} session
        {check.plannedSessions === 1 ? '' : 's'} (benefits checked {formatDate(check.checkedOn)})
      </h3>
      <table className="data-table">
        <caption className="visually-hidden">Estimated cost, in and out of network</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">In network</th>
            <th scope="col">Out of network</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Plan’s allowed amount for the course</th>
            {sides.map((e) => (
              <td key={e.side}>{money(e.allowedTotal)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Toward the deductible</th>
            {sides.map((e) => (
              <td key={e.side}>{money(e.towardDeductible)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Client pays (estimate)</th>
            {sides.map((e) => (
              <td key={e.side} className="cost-total">
                {e.total === null ? (
                  <span className="estimate-note">Needs {e.missing.join(', ')}</span>
                ) : (
                  <>
                    <strong>{money(e.total)}</strong>
                    {e.capped && (
                      <span className="strip-sub">capped by the out-of-pocket maximum</span>
                    )}
                  </>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Assumes</th>
            {sides.map((e) => (
              <td key={e.side} className="estimate-note">
                {e.assumptions.length ? e.assumptions.join('; ') : 'nothing beyond the check'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
