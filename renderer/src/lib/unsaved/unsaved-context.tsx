// The nearest unsaved-changes scope, and the hook through which forms and editors report into it.
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { UnsavedScope, appScope } from './registry';
import type { UnsavedEntry } from './registry';

const ScopeContext = createContext<UnsavedScope>(appScope);

/** The scope forms below report into (a dialog's own, or the app's). */
export function useUnsavedScope(): UnsavedScope {
  return useContext(ScopeContext);
}

/** A new scope inside the current one, for a dialog to ask about its own forms on Esc. */
export function useChildScope(): UnsavedScope {
  const parent = useContext(ScopeContext);
  const [scope] = useState(() => new UnsavedScope(parent));
  return scope;
}

/** Makes `scope` the one the children report into. */
export function UnsavedScopeProvider({
  scope,
  children,
}: {
  scope: UnsavedScope;
  children: ReactNode;
}) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export interface UnsavedState {
  dirty: boolean;
  /** Read when the question is asked (a form finds the heading around it then). */
  label: string | (() => string);
  changes?: string[];
  discard?: () => void;
}

/**
 * Reports this component's unsaved work while it is mounted. The entry reads the latest state at
 * the moment someone asks, so typing never re-registers anything.
 */
export function useUnsavedChanges(state: UnsavedState, suspended?: { current: boolean }): void {
  const scope = useUnsavedScope();
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  useEffect(() => {
    const entry: UnsavedEntry = {
      isDirty: () => latest.current.dirty && !suspended?.current,
      label: () => {
        const { label } = latest.current;
        return typeof label === 'function' ? label() : label;
      },
      changes: () => latest.current.changes ?? [],
      discard: () => latest.current.discard?.(),
    };
    return scope.add(entry);
  }, [scope, suspended]);
}
