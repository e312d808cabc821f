// Shown on every screen, and kept there, once the engine says the library file was replaced or
// removed under it: nothing more can be saved, and the advocate must know before typing more.
// The page stays usable underneath, so text typed into a form can still be copied out.
import { useEffect, useState } from 'react';
import { onLibraryLost } from '../../api';

export function LibraryLostBanner() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => onLibraryLost((error) => setMessage(error.message)), []);
  if (!message) return null;
  return (
    <div className="banner banner-error library-lost" role="alert" aria-label="Library lost">
      <strong>Nothing more can be saved.</strong> {message}
    </div>
  );
}
