// One letter laid out as .docx on a worker thread of the layout pool (layout-pool.ts): a batch of
// letters uses every core the machine lends it while the main thread reads and composes.
import type { LetterModel } from '../../contract/letter';
import { letterDocx } from './docx';

export interface LayoutTask {
  model: LetterModel;
  subject: string;
  letterhead: Uint8Array | null;
}

export default async function layout({
  model,
  subject,
  letterhead,
}: LayoutTask): Promise<Uint8Array> {
  return letterDocx(model, { subject, letterhead });
}
