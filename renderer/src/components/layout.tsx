// The app's frame: navigation on the left, search across cases at the top, the command palette
// (Ctrl/Cmd+K) everywhere, and the welcome on a new library.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LockIcon } from './lock-icon';
import { call } from '../api';
import { CommandPalette } from '../features/palette/command-palette';

/** The palette's shortcut as this computer writes it. */
const PALETTE_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl+K';

const NAV = [
  { to: '/dashboard', label: 'Dashboard', end: false },
  { to: '/', label: 'Cases', end: true },
  { to: '/clients', label: 'Clients', end: false },
  { to: '/contacts', label: 'Contacts', end: false },
  { to: '/templates', label: 'Letter templates', end: false },
  { to: '/evidence', label: 'Evidence library', end: false },
  { to: '/criteria', label: 'Payer criteria', end: false },
  { to: '/profile', label: 'Profile', end: false },
  { to: '/backups', label: 'Backups', end: false },
  { to: '/settings', label: 'Settings', end: false },
  { to: '/help', label: 'Help', end: false },
];

export function Layout() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [palette, setPalette] = useState(false);
  const { pathname } = useLocation();

  // A new library opens on the welcome, once per start, and only from the home page: a link or
  // a menu entry that asked for another page gets that page.
  useEffect(() => {
    if (pathname !== '/') return;
    let current = true;
    call('settings.get', {}).then(
      (s) => current && s.welcome.due && navigate('/welcome', { replace: true }),
      () => undefined,
    );
    return () => {
      current = false;
    };
    // Only at start: after that the advocate goes where they choose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette((open) => !open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // Hash links are routes here: move focus by hand instead.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">Advocate Desk</div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="nav-link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="palette-button"
          onClick={() => setPalette(true)}
          aria-keyshortcuts="Control+K Meta+K"
        >
          <span>Find anything</span>
          <kbd>{PALETTE_KEYS}</kbd>
        </button>
        <p className="sidebar-note">
          <LockIcon /> All data stays on this computer.
        </p>
      </aside>
      {palette && <CommandPalette onClose={() => setPalette(false)} />}
      <div className="workspace">
        <header className="topbar">
          <form role="search" onSubmit={search} className="topbar-search">
            <label htmlFor="global-search" className="visually-hidden">
              Search all cases
            </label>
            <input
              id="global-search"
              type="search"
              placeholder="Search clients, treatments, member IDs, notes…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="button">
              Search
            </button>
          </form>
        </header>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
