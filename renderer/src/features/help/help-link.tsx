// A small "Help" link from a page header to its section of the help page.
import { Link } from 'react-router';

export function HelpLink({ section, label = 'Help' }: { section: string; label?: string }) {
  return (
    <Link className="button button-small button-ghost help-link" to={`/help#${section}`}>
      <span className="help-icon" aria-hidden="true">
        ?
      </span>
      {label}
    </Link>
  );
}
