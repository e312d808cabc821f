// A letter as it will print: the same model the .docx is laid out from, shown on a page.
import type { Block, LetterModel, Run } from '../../../../electron/contract/letter';
import type { ReactNode } from 'react';
import './letters.css';

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.gap) node = <mark className="letter-gap">{node}</mark>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return (
        <h3 className="letter-heading">
          <Runs runs={block.runs} />
        </h3>
      );
    case 'paragraph':
      return (
        <p className="pre-line">
          <Runs runs={block.runs} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <Runs runs={block.runs} />
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <table className="letter-table">
          <thead>
            <tr>
              {block.header.map((cell, i) => (
                <th key={i} scope="col">
                  <Runs runs={cell} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>
                    <Runs runs={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

function Lines({ lines, className }: { lines: Run[][]; className?: string }) {
  return (
    <div className={className}>
      {lines.map((line, i) => (
        <div key={i}>
          <Runs runs={line} />
        </div>
      ))}
    </div>
  );
}

function Listed({ label, lines }: { label: string; lines: Run[][] }) {
  if (!lines.length) return null;
  return (
    <div className="letter-listed">
      <p>
        <strong>{label}</strong>
      </p>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>
            <Runs runs={line} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function LetterPaper({ model }: { model: LetterModel }) {
  return (
    <article className="letter-paper" aria-label={`Preview of the ${model.title}`}>
      <header className="letter-letterhead">
        {model.letterhead.name && (
          <div className="letter-letterhead-name">{model.letterhead.name}</div>
        )}
        {model.letterhead.lines.map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </header>
      <p>{model.form ? `Prepared ${model.date}` : model.date}</p>
      <Lines lines={model.recipient} className="letter-recipient" />
      <div className="letter-re">
        {model.re.map((line, i) => (
          <div key={i}>
            <span className="letter-re-label">{i === 0 ? 'RE:' : ''}</span>
            <span>
              <Runs runs={line} />
            </span>
          </div>
        ))}
      </div>
      {model.body.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
      {model.closing && <p className="letter-closing">{model.closing}</p>}
      <Lines lines={model.signature} />
      <Listed label="Enclosures" lines={model.enclosures} />
      <Listed label="cc" lines={model.cc} />
    </article>
  );
}
