// Opens a password-protected .docx in memory (officecrypto-tool): the password is used here
// and nowhere else, and the decrypted package is bounded like any other .docx before mammoth.
import { unzipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';

/** The same bounds inspect-file.ts applies to a plain .docx's central directory. */
const MAX_UNZIPPED = 250 * 1024 * 1024;
const MAX_ENTRIES = 5000;

/** The .docx inside protected `bytes`, or why it cannot be opened. */
export async function openProtected(bytes, password) {
  if (!password) {
    return { ok: false, problem: 'it is protected with a password.', code: 'password-required' };
  }
  let plain;
  try {
    plain = await officeCrypto.decrypt(bytes, { password });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /password/i.test(message)
      ? {
          ok: false,
          problem: 'the password is not right for this file.',
          code: 'wrong-password',
        }
      : {
          ok: false,
          problem: 'it is protected with a kind of encryption the app cannot open.',
        };
  }
  let entries = 0;
  let total = 0;
  try {
    // Sizes from the central directory only: the filter refuses every entry, so nothing inflates.
    unzipSync(plain, {
      filter: (file) => {
        entries += 1;
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return {
      ok: false,
      problem: 'it opened with the password, but the document inside is damaged.',
    };
  }
  if (entries > MAX_ENTRIES || total > MAX_UNZIPPED) {
    return {
      ok: false,
      problem:
        'the document inside would unpack to far more than any real letter; it was not opened.',
    };
  }
  return { ok: true, bytes: Buffer.from(plain) };
}
