// The command palette (Ctrl/Cmd+K): one box that finds cases, clients and actions. A modal
// <dialog> with the ARIA combobox pattern: focus stays in the input, arrows move the active
// option (aria-activedescendant), Enter runs it, Esc closes.
import { Fragment, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { NavigateFunction } from 'react-router';
import { asAppError, call } from '../../api';
import { CASE_STATUS } from '../../../../electron/contract/choices';

interface Item {
  key: string;
  group: 'Actions' | 'Cases' | 'Clients';
  label: string;
  detail?: string;
  run: () => void | Promise<void>;
}

interface Action {
  label: string;
  words: string;
  to?: string;
  run?: (navigate: NavigateFunction) => Promise<void>;
}

/** Actions the palette offers, in the order shown when nothing is typed. */
const ACTIONS: Action[] = [
  { label: 'New client', words: 'add person create', to: '/clients/new' },
  { label: 'New case', words: 'add open create request', to: '/cases/new' },
  { label: 'Dashboard', words: 'deadlines due overdue home', to: '/dashboard' },
  { label: 'Cases', words: 'case list all', to: '/' },
  { label: 'Clients', words: 'people list', to: '/clients' },
  { label: 'Contacts', words: 'address book insurers lawmakers', to: '/contacts' },
  { label: 'Letter templates', words: 'letters wording edit', to: '/templates' },
  { label: 'Payer criteria', words: 'policy criteria coverage insurer rules', to: '/criteria' },
  { label: 'Backups', words: 'restore archive move computer', to: '/backups' },
  {
    label: 'Back up now',
    words: 'backup copy save',
    run: async (navigate) => {
      await call('backups.create', {});
      navigate('/backups');
    },
  },
  { label: 'Settings', words: 'preferences folder default recipients letterhead', to: '/settings' },
  { label: 'Profile', words: 'my name signature letterhead', to: '/profile' },
  { label: 'Help', words: 'how to guide manual', to: '/help' },
  { label: 'Show the welcome', words: 'first run sample start', to: '/welcome' },
];

/** Actions on the case on screen, shown first while a case page is open. */
function caseActions(caseId: number): Action[] {
  const at = (query: string) => `/cases/${caseId}?${query}`;
  return [
    { label: 'Log a call on this case', words: 'log call phone letter note', to: at('do=log') },
    { label: 'Record a denial on this case', words: 'denial denied record', to: at('do=denial') },
    {
      label: 'Generate a letter on this case',
      words: 'write letter appeal generate',
      to: at('focus=letter-template'),
    },
    {
      label: 'Import files into this case',
      words: 'import files documents upload add',
      to: at('focus=section-documents'),
    },
    ...[
      ['Overview', 'section-details'],
      ['Workflow', 'section-workflow'],
      ['Records', 'section-records'],
      ['Letters', 'section-letters'],
      ['Documents', 'section-documents'],
      ['History', 'section-history'],
    ].map(([name, id]) => ({
      label: `Go to ${name} on this case`,
      words: 'section go jump',
      to: at(`focus=${id}`),
    })),
  ];
}

function matches(action: Action, query: string): boolean {
  const hay = `${action.label} ${action.words}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

export function CommandPalette({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const onCase = /^\/cases\/(\d+)/.exec(useLocation().pathname);
  const onScreen = onCase ? caseActions(Number(onCase[1])) : [];
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; items: Item[] }>({ query: '', items: [] });
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  // Cases and clients from the library, after a short pause in typing.
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      void Promise.all([
        call('search', { query: q, limit: 8 }),
        call('clients.list', { query: q, limit: 8 }),
      ])
        .then(([cases, clients]) => {
          if (!current) return;
          const items: Item[] = [
            ...cases.map((c): Item => ({
              key: `case-${c.id}`,
              group: 'Cases',
              label: `${c.clientName} · ${c.requestedTreatment}`,
              detail: [CASE_STATUS.labels[c.status], c.insurerName].filter(Boolean).join(' · '),
              run: () => navigate(`/cases/${c.id}`),
            })),
            ...clients.items.map((c): Item => ({
              key: `client-${c.id}`,
              group: 'Clients',
              label: `${c.firstName} ${c.lastName}`,
              detail: `${c.caseCount} ${c.caseCount === 1 ? 'case' : 'cases'}`,
              run: () => navigate(`/clients/${c.id}`),
            })),
          ];
          setFound({ query: q, items });
        })
        .catch((e: unknown) => current && setProblem(asAppError(e).message));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, navigate]);

  const q = query.trim();
  const actions: Item[] = [...onScreen, ...ACTIONS]
    .filter((a) => matches(a, q))
    .map((a) => ({
      key: `action-${a.label}`,
      group: 'Actions',
      label: a.label,
      run: a.run ? () => a.run!(navigate) : () => navigate(a.to!),
    }));
  // With words typed, what the library holds comes first: that is what people look for.
  const library = q && found.query === q ? found.items : [];
  const items = q ? [...library, ...actions] : actions;
  const current = Math.min(active, Math.max(items.length - 1, 0));

  const choose = async (item: Item | undefined) => {
    if (!item) return;
    try {
      await item.run();
      onClose();
    } catch (e) {
      setProblem(asAppError(e).message);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((current + 1) % Math.max(items.length, 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current - 1 + items.length) % Math.max(items.length, 1));
    } else if (e.key === 'Home') {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      setActive(items.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void choose(items[current]);
    }
  };

  useEffect(() => {
    document.getElementById(`palette-option-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Command palette"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (e.target === dialog.current) onClose();
      }}
    >
      <div className="palette-body">
        <input
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={items.length ? `palette-option-${current}` : undefined}
          aria-label="Find a case, client or action"
          placeholder="Find a case, client or action…"
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label="Results" className="palette-list">
          {items.map((item, index) => {
            const heading = item.group !== items[index - 1]?.group ? item.group : null;
            return (
              <Fragment key={item.key}>
                {heading && (
                  <li className="palette-group" role="presentation">
                    {heading}
                  </li>
                )}
                <li
                  id={`palette-option-${index}`}
                  role="option"
                  aria-selected={index === current}
                  className={index === current ? 'palette-option active' : 'palette-option'}
                  onMouseMove={() => setActive(index)}
                  onClick={() => void choose(item)}
                >
                  <span className="palette-label">
                    <span className="visually-hidden">{item.group.replace(/s$/, '')}: </span>
                    {item.label}
                  </span>
                  {item.detail && <span className="palette-detail">{item.detail}</span>}
                </li>
              </Fragment>
            );
          })}
          {items.length === 0 && (
            <li className="palette-empty" role="presentation">
              Nothing matches “{q}”.
            </li>
          )}
        </ul>
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        <p className="palette-hint" aria-hidden="true">
          <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
        </p>
      </div>
    </dialog>
  );
}
