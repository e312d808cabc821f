// Links from a letter's checklist end in ?focus=ELEMENT_ID: once the page has loaded, bring that
// field or section into view and put the cursor there.
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';

export function useFocusFromQuery(ready: boolean): void {
  const [params] = useSearchParams();
  const target = params.get('focus');
  useEffect(() => {
    if (!ready || !target) return;
    const element = document.getElementById(target);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    // A section heading is not focusable by default; make it so for this one move.
    if (!element.matches('input, select, textarea, button, a[href]')) {
      element.setAttribute('tabindex', '-1');
    }
    element.focus({ preventScroll: true });
  }, [ready, target]);
}
