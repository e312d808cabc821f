// A stored document leaves the app two ways: downloaded to a file the user picks (the browser's
// or Electron's save dialog), or opened in the computer's own app for it ("Open in Word").
import { call } from '../api';

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves text the app wrote (a calendar, a CSV list) as a file, through the save dialog. */
export function downloadText(fileName: string, text: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a document's original bytes under its own name, through the save dialog. */
export async function downloadDocument(id: number): Promise<void> {
  const file = await call('documents.file', { id });
  const url = URL.createObjectURL(
    new Blob([base64ToBytes(file.contentBase64)], { type: file.mediaType }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens a document in the system's app for it (Word, LibreOffice, Pages...). */
export async function openDocument(id: number): Promise<void> {
  await call('documents.open', { id });
}
