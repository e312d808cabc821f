// Converts .docx files to PDF with LibreOffice headless, in one run with a profile of its own (so
// parallel test files never share one), as a person opening the letters would see them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function convertToPdf(dir: string, files: string[], timeout = 120_000): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { timeout, stdio: 'ignore' },
  );
}
