// Leaving with unsaved work asks first: moving to another page in the app (the router's blocker)
// and reloading or closing the tab or window (beforeunload; Electron's main process turns the
// refusal into its own question, see electron/main/unload-prompt.ts).
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { confirmDiscard } from './discard-prompt';
import { appScope } from './registry';

/** Renders nothing; mounted once inside the router. */
export function NavigationGuard(): null {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && appScope.dirty().length > 0,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let current = true;
    void confirmDiscard(appScope).then((discard) => {
      if (!current) return;
      if (discard) blocker.proceed();
      else blocker.reset();
    });
    return () => {
      current = false;
    };
  }, [blocker]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (appScope.dirty().length === 0) return;
      // The browser asks in its own words; drafts of long text survive if the advocate goes.
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return null;
}
