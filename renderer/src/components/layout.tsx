// The app's frame: navigation on the left, search across cases at the top.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';

const NAV = [
  { to: '/dashboard', label: 'Dashboard', end: false },
  { to: '/', label: 'Cases', end: true },
  { to: '/clients', label: 'Clients', end: false },
  { to: '/contacts', label: 'Contacts', end: false },
  { to: '/templates', label: 'Letter templates', end: false },
  { to: '/profile', label: 'Profile', end: false },
  { to: '/backups', label: 'Backups', end: false },
];

export function Layout() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');

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
      </aside>
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
