// A list's find box and its count, with the query it settles on once typing pauses.
import { useEffect, useState } from 'react';
import { count } from './show-more';

/** The typed text, and the query it becomes after a pause (so each keystroke does not query). */
export function useFindQuery(): [text: string, setText: (text: string) => void, query: string] {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return [text, setText, query];
}

/** The box, and how many there are once the list has loaded (`total` null until then). */
export function FindToolbar({
  id,
  label,
  placeholder,
  text,
  onText,
  total,
  noun,
}: {
  id: string;
  label: string;
  placeholder: string;
  text: string;
  onText: (text: string) => void;
  total: number | null;
  noun: [one: string, many: string];
}) {
  return (
    <div className="toolbar">
      <div className="field field-inline">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="search"
          placeholder={placeholder}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      </div>
      {total !== null && (
        <p className="toolbar-count" role="status">
          {count(total)} {total === 1 ? noun[0] : noun[1]}
        </p>
      )}
    </div>
  );
}
