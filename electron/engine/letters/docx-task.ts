// One letter laid out as .docx on a worker thread of the layout pool (layout-pool.ts): a batch of
// letters uses every core the machine lends it while the main thread reads and composes.
import type { LetterModel } from '../../contract/letter';
import { letterDocx } from './docx';

export interface LayoutTask {
  model: LetterModel;
  subject: string;
  /** Who signs it: the document's author in Word's properties. */
  author?: string | null;
  letterhead: Uint8Array | null;
}

export default async function layout(task: LayoutTask): Promise<Uint8Array> {
  return letterDocx(task.model, task);
}
