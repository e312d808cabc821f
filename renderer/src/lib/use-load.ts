// Loads data for a view and lets the view reload it after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../electron/contract/errors';
import { asAppError } from '../api';

export interface Loaded<T> {
  data: T | null;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  data: T | null;
  error: AppError | null;
}

/** Runs `load` whenever `deps` (plain values) change or `reload` is called. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ key: '', data: null, error: null });
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
        if (current) setSettled({ key, data, error: null });
      },
      (e: unknown) => {
        // Keep what was shown before: a failed reload should not blank the page.
        if (current) setSettled((old) => ({ key, data: old.data, error: asAppError(e) }));
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: settled.data, error: settled.error, loading: settled.key !== key, reload };
}
