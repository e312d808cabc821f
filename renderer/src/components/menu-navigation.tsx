// Follows the application menu (Electron only): each route it sends becomes a router navigation.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { resolveMenuRoute } from '../../../electron/contract/navigation';
import { onMenuNavigate } from '../api';

/** Renders nothing; listens to the menu's navigation requests while the app is mounted. */
export function MenuNavigation(): null {
  const navigate = useNavigate();
  useEffect(
    () =>
      onMenuNavigate((route) => {
        // The hash holds the route on screen (hash routing), read when the menu is used.
        void navigate(resolveMenuRoute(route, window.location.hash.replace(/^#/, '')));
      }),
    [navigate],
  );
  return null;
}
