// The help page: a table of contents and one section per feature, each with its own anchor.
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { HELP } from './help-content';
import type { HelpBlock } from './help-content';

function Block({ block }: { block: HelpBlock }) {
  if (typeof block === 'string') return <p>{block}</p>;
  if ('steps' in block) {
    return (
      <ol>
        {block.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    );
  }
  return (
    <ul>
      {block.points.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
}

export function HelpPage() {
  const { hash } = useLocation();
  // The router owns the URL fragment, so sections are reached by scrolling to them by hand.
  const section = hash.slice(1);
  useEffect(() => {
    if (!section) return;
    const target = document.getElementById(`help-${section}`);
    target?.scrollIntoView();
    target?.focus();
  }, [section]);

  return (
    <div className="page page-narrow help">
      <h1>Help</h1>
      <p className="lead">How to do each part of your work in Advocate Desk.</p>
      <nav className="card help-toc" aria-labelledby="help-toc-title">
        <h2 id="help-toc-title">Contents</h2>
        <ol>
          {HELP.map((s) => (
            <li key={s.id}>
              <a
                href={`#/help#${s.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  const target = document.getElementById(`help-${s.id}`);
                  target?.scrollIntoView();
                  target?.focus();
                }}
              >
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {HELP.map((s) => (
        <section
          key={s.id}
          id={`help-${s.id}`}
          className="card help-section"
          aria-labelledby={`help-${s.id}-title`}
          tabIndex={-1}
        >
          <h2 id={`help-${s.id}-title`}>{s.title}</h2>
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </div>
  );
}
