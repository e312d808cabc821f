// One filter of the case list: a labelled select whose empty choice means "any".
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  /** The empty choice's words ("All insurers"). */
  any: string;
  options: readonly (readonly [value: string, label: string])[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field field-inline">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
