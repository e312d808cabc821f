// The welcome a new library opens with: the advocate's profile and letterhead, where data and
// backups live, and a fictional sample case to explore. "Finish" leads to the case list.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AppError } from '../../../../electron/contract/errors';
import { LockIcon } from '../../components/lock-icon';
import { asAppError, call } from '../../api';
import { EntityForm } from '../../components/entity-form';
import { ErrorBanner } from '../../components/error-banner';
import { PROFILE_SPECS } from '../../lib/specs';
import { useLoad } from '../../lib/use-load';
import { LetterheadCard } from '../letters/letterhead-card';
import { BackupFolderForm, DataFolderNote } from '../settings/backup-folder-form';
import { RemoveSampleButton, SampleBadge, useSampleStatus } from './sample';

export function WelcomePage() {
  const navigate = useNavigate();
  const profile = useLoad(() => call('profile.get', {}), []);
  const sample = useSampleStatus();
  const [problem, setProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(asAppError(e));
    } finally {
      setBusy(false);
    }
  };

  const finish = () =>
    act(async () => {
      await call('welcome.finish', {});
      navigate('/');
    });

  return (
    <div className="page page-narrow welcome">
      <div className="page-header">
        <div>
          <h1>Welcome to Advocate Desk</h1>
          <p className="lead">
            Three short steps and you are ready. You can change all of this later in{' '}
            <Link to="/settings">Settings</Link>.
          </p>
        </div>
      </div>
      <p className="privacy-note" role="note">
        <LockIcon /> All data stays on this computer. Advocate Desk never sends your clients&apos;
        information anywhere.
      </p>

      <section className="card" aria-labelledby="welcome-profile">
        <div className="card-header">
          <h2 id="welcome-profile">
            <span className="step-number" aria-hidden="true">
              1
            </span>
            About you
          </h2>
        </div>
        <p>Your name, organization and signature head every letter you write.</p>
        {profile.data && (
          <EntityForm
            formId="welcome-profile-form"
            specs={PROFILE_SPECS}
            initial={profile.data}
            submitLabel="Save profile"
            onSubmit={(changes, version) =>
              call('profile.update', {
                ...changes,
                version: version ?? profile.data!.version,
              } as never)
            }
          />
        )}
        <ErrorBanner error={profile.error} />
      </section>
      <LetterheadCard />

      <section className="card" aria-labelledby="welcome-data">
        <div className="card-header">
          <h2 id="welcome-data">
            <span className="step-number" aria-hidden="true">
              2
            </span>
            Where your data lives
          </h2>
        </div>
        <DataFolderNote />
        <BackupFolderForm idPrefix="welcome" />
      </section>

      <section className="card" aria-labelledby="welcome-sample">
        <div className="card-header">
          <h2 id="welcome-sample">
            <span className="step-number" aria-hidden="true">
              3
            </span>
            Try it with a sample case
          </h2>
        </div>
        {sample.data?.present ? (
          <>
            <p role="status">
              <SampleBadge /> The sample client <strong>Jamie Rivera</strong> and a TMS case are in
              your library: diagnoses, four medication trials, PHQ-9 scores, a denial with its
              appeal deadline, a call and two contacts to write to. It is fictional and marked
              “Sample” wherever it shows.
            </p>
            <div className="letter-actions">
              {sample.data.caseId !== null && (
                <Link className="button" to={`/cases/${sample.data.caseId}`}>
                  Open the sample case
                </Link>
              )}
              <RemoveSampleButton onRemoved={sample.reload} />
            </div>
          </>
        ) : (
          <>
            <p>
              Add a fictional client with a case to see every screen — the case page, letters,
              deadlines and the dashboard — before real data goes in. You can remove it in one click
              from here, the dashboard or the case list.
            </p>
            <div className="letter-actions">
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => act(async () => call('sample.create', {}).then(sample.reload))}
              >
                Add the sample case
              </button>
            </div>
          </>
        )}
      </section>

      <ErrorBanner error={problem ?? sample.error} />
      <div className="welcome-finish">
        <button type="button" className="button button-primary" disabled={busy} onClick={finish}>
          Finish
        </button>
      </div>
    </div>
  );
}
