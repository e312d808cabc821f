// Edit and Delete for one row; `name` tells screen-reader users which row they act on.
export function RowActions(props: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <>
      <button type="button" className="button button-small" onClick={props.onEdit}>
        Edit<span className="visually-hidden"> {props.name}</span>
      </button>
      <button
        type="button"
        className="button button-small button-ghost-danger"
        onClick={props.onDelete}
      >
        Delete<span className="visually-hidden"> {props.name}</span>
      </button>
    </>
  );
}
