// Makes an imported document's HTML safe to show: no scripts, styles, forms, remote images or live links.
import DOMPurify from 'dompurify';

export function sanitizeDocumentHtml(html: string): string {
  const fragment = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed'],
    // Attributes that fetch from a URL without being an <img src>: each would reach the network.
    FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'ping', 'action', 'formaction'],
    RETURN_DOM_FRAGMENT: true,
  });
  // Only images embedded in the file itself; anything else would reach out to the network.
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    if (!/^data:image\//i.test(img.getAttribute('src') ?? '')) img.remove();
  }
  // Links are shown but do nothing: a document should not open pages or jump the app around.
  for (const a of Array.from(fragment.querySelectorAll('a'))) {
    const href = a.getAttribute('href');
    a.removeAttribute('href');
    a.removeAttribute('target');
    if (href && !href.startsWith('#')) a.setAttribute('title', href);
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** Base64 of a file's bytes, a slice at a time so large files never spread into one call. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // A multiple of 3, so each slice encodes without padding and the pieces join cleanly.
  const step = 3 * 8192;
  for (let i = 0; i < bytes.length; i += step) {
    const slice = bytes.subarray(i, i + step);
    let binary = '';
    for (let j = 0; j < slice.length; j++) binary += String.fromCharCode(slice[j]!);
    parts.push(btoa(binary));
  }
  return parts.join('');
}
