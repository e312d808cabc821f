// The advocate's own details, which head every letter.
import { call } from '../../api';
import { EntityForm } from '../../components/entity-form';
import { LetterheadCard } from '../letters/letterhead-card';
import { ErrorBanner } from '../../components/error-banner';
import { PROFILE_SPECS } from '../../lib/specs';
import { useFocusFromQuery } from '../../lib/use-focus-from-query';
import { useLoad } from '../../lib/use-load';

export function ProfilePage() {
  const { data, error } = useLoad(() => call('profile.get', {}), []);
  useFocusFromQuery(data !== null);

  return (
    <div className="page page-narrow">
      <h1>Your profile</h1>
      <p className="lead">These details head every letter you write.</p>
      <ErrorBanner error={error} />
      {data && (
        <section className="card">
          <EntityForm
            formId="profile"
            specs={PROFILE_SPECS}
            initial={data}
            submitLabel="Save profile"
            onSubmit={(changes, version) =>
              call('profile.update', { ...changes, version: version ?? data.version } as never)
            }
          />
        </section>
      )}
      <LetterheadCard />
    </div>
  );
}
