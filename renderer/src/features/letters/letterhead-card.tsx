// The advocate's own letterhead: a Word file with {{letter}} where letters go, or none (then
// letters are headed with the profile's name, address and phone).
import { useRef, useState } from 'react';
import type { AppError } from '../../../../electron/contract/errors';
import { asAppError, call } from '../../api';
import { ErrorBanner } from '../../components/error-banner';
import { formatSize } from '../../lib/format';
import { bytesToBase64 } from '../../lib/sanitize';
import { useLoad } from '../../lib/use-load';

/** `profileAbove`: the profile form is on the same page (Profile, the welcome), so "above" reads. */
export function LetterheadCard({ profileAbove = true }: { profileAbove?: boolean }) {
  const { data, error, reload } = useLoad(() => call('letterhead.get', {}), []);
  const [problem, setProblem] = useState<AppError | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      reload();
    } catch (e) {
      setProblem(asAppError(e));
    }
  };
  const choose = (file: File | undefined) =>
    file &&
    act(async () =>
      call('letterhead.set', {
        fileName: file.name,
        contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
      }),
    );

  return (
    <section className="card" aria-labelledby="section-letterhead">
      <div className="card-header">
        <h2 id="section-letterhead">Letterhead</h2>
      </div>
      <p>
        {data
          ? `Letters you sign are written on your own letterhead, ${data.fileName} (${formatSize(data.sizeBytes)}).`
          : `Letters you sign are headed with your name, organization, address and phone from ${profileAbove ? 'above' : 'your profile'}.`}
      </p>
      <p className="field-hint">
        To use your own: open your letterhead in Word, type <code>{'{{letter}}'}</code> on a line of
        its own where the letter should start, save it as .docx and choose it here. Letters for a
        treating provider to sign stay on the practice&apos;s details.
      </p>
      <ErrorBanner error={problem} />
      <ErrorBanner error={error} />
      <div className="letter-actions">
        <button type="button" className="button" onClick={() => input.current?.click()}>
          {data ? 'Replace letterhead…' : 'Use my own letterhead…'}
        </button>
        {data && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => act(() => call('letterhead.clear', {}))}
          >
            Stop using it
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          aria-label="Letterhead Word file"
          onChange={(e) => {
            choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
