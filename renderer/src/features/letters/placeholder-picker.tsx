// The template editor's field picker: every name a template can read, found by its words, put in
// at the cursor ({{ name }}, or a loop for a list), so an author never has to guess a spelling.
import { useState } from 'react';
import { call } from '../../api';
import { useLoad } from '../../lib/use-load';

/** What the picker puts in for a name: the value, or a loop over a list. */
function snippet(name: string, list: boolean): string {
  if (!list) return `{{ ${name} }}`;
  const item = name.split('.').at(-1)!.replace(/s$/, '') || 'item';
  return `{% for ${item} in ${name} %}{{ ${item} }}{% endfor %}`;
}

export function PlaceholderPicker({ onPick }: { onPick: (text: string) => void }) {
  const { data } = useLoad(() => call('placeholders.list', {}), []);
  const [chosen, setChosen] = useState('');
  if (!data) return null;
  return (
    <div className="placeholder-picker">
      <label htmlFor="placeholder-picker">Insert a field</label>
      <input
        id="placeholder-picker"
        list="placeholder-names"
        value={chosen}
        placeholder="Type to find: member ID, client.name…"
        onChange={(e) => setChosen(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const found = data.find((p) => p.name === chosen.trim());
          if (found) {
            onPick(snippet(found.name, found.list));
            setChosen('');
          }
        }}
      />
      <datalist id="placeholder-names">
        {data.map((p) => (
          <option key={p.name} value={p.name}>
            {p.label}
            {p.list ? ' (a list)' : ''}
          </option>
        ))}
      </datalist>
      <button
        type="button"
        className="button button-small"
        disabled={!data.some((p) => p.name === chosen.trim())}
        onClick={() => {
          const found = data.find((p) => p.name === chosen.trim());
          if (!found) return;
          onPick(snippet(found.name, found.list));
          setChosen('');
        }}
      >
        Insert
      </button>
    </div>
  );
}
