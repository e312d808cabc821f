// Settings card: treatments the advocate adds to the drug vocabulary (a new drug, a local
// therapy), with the class filled into every treatment saved under that name.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TREATMENT_KIND } from '../../../../electron/contract/choices';
import type { AppError } from '../../../../electron/contract/errors';
import { TREATMENT_ROLES } from '../../../../electron/contract/vocabulary';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { useLoad } from '../../lib/use-load';

const EMPTY = {
  name: '',
  kind: 'medication',
  drugClass: '',
  role: 'antidepressant',
  otherNames: '',
};

export function OwnTreatmentsCard() {
  const list = useLoad(() => call('vocabulary.customTreatments', {}), []);
  const [form, setForm] = useState(EMPTY);
  const [problem, setProblem] = useState<AppError | null>(null);
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await call('vocabulary.addTreatment', {
        name: form.name,
        kind: form.kind as (typeof TREATMENT_KIND.values)[number],
        drugClass: form.drugClass,
        role: form.role as (typeof TREATMENT_ROLES)[number],
        otherNames: form.otherNames
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      });
      setForm(EMPTY);
    } catch (error) {
      setProblem(asAppError(error));
    }
    list.reload();
  };

  const remove = async (name: string) => {
    setProblem(null);
    try {
      await call('vocabulary.removeTreatment', { name });
    } catch (error) {
      setProblem(asAppError(error));
    }
    list.reload();
  };

  return (
    <section className="card" aria-labelledby="settings-treatments">
      <div className="card-header">
        <h2 id="settings-treatments">Treatments you added</h2>
      </div>
      <p>
        The app knows the usual antidepressants, augmenting drugs, pain drugs, therapies and
        procedures, with brand names. Add one it does not know: every treatment saved under that
        name then gets its class, as the others do.
      </p>
      <ErrorBanner error={problem ?? list.error} />
      {(list.data ?? []).length > 0 && (
        <ul aria-label="Treatments you added">
          {(list.data ?? []).map((t) => (
            <li key={t.name}>
              {t.name} — {t.drugClass} ({TREATMENT_KIND.labels[t.kind]}, {t.role})
              {t.otherNames.length > 0 && `; also ${t.otherNames.join(', ')}`}{' '}
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => void remove(t.name)}
              >
                Remove {t.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="settings-grid" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label className="field-label" htmlFor="own-treatment-name">
            Name
          </label>
          <input id="own-treatment-name" value={form.name} onChange={set('name')} required />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="own-treatment-kind">
            Kind
          </label>
          <select id="own-treatment-kind" value={form.kind} onChange={set('kind')}>
            {TREATMENT_KIND.values.map((k) => (
              <option key={k} value={k}>
                {TREATMENT_KIND.labels[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="own-treatment-class">
            Class
          </label>
          <input
            id="own-treatment-class"
            value={form.drugClass}
            onChange={set('drugClass')}
            required
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="own-treatment-role">
            Role
          </label>
          <select id="own-treatment-role" value={form.role} onChange={set('role')}>
            {TREATMENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="own-treatment-other">
            Other names
          </label>
          <input
            id="own-treatment-other"
            value={form.otherNames}
            onChange={set('otherNames')}
            aria-describedby="own-treatment-other-hint"
          />
          <span className="field-hint" id="own-treatment-other-hint">
            Brand names or spellings, separated by commas.
          </span>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Add treatment
          </button>
        </div>
      </form>
    </section>
  );
}
