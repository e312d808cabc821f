// Loads data for a view, lets the view reload it after a change, and reloads it by itself when
// the library changes elsewhere (another tab, the app, the CLI) — see freshness/.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { asAppError } from '../api';
import { useLibraryGeneration } from './freshness/use-library-generation';

export interface Loaded<T> {
  data: T | null;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | null;
  /** `data` as JSON, so an unchanged answer keeps the same object (and nothing re-renders). */
  json: string;
  error: AppError | null;
}

/**
 * Runs `load` whenever `deps` (plain values) change, `reload` is called or the library changes.
 * A refresh in the background never shows as loading and never blanks what is shown.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [version, setVersion] = useState(0);
  const generation = useLibraryGeneration();
  const [settled, setSettled] = useState<Settled<T>>({
    key: '',
    data: null,
    json: '',
    error: null,
  });
  const key = JSON.stringify([...deps, version]);
  // The latest closure, so the effect depends only on the key and not on a new function each render.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    // A slower, older request must not overwrite a newer one's answer.
    let current = true;
    loadRef.current().then(
      (data) => {
        if (!current) return;
        const json = JSON.stringify(data) ?? '';
        setSettled((old) =>
          old.key === key && old.json === json && !old.error
            ? old
            : { key, data: old.json === json ? old.data : data, json, error: null },
        );
      },
      (e: unknown) => {
        // Keep what was shown before: a failed reload should not blank the page.
        if (current) setSettled((old) => ({ ...old, key, error: asAppError(e) }));
      },
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: settled.data, error: settled.error, loading: settled.key !== key, reload };
}
