// The layout pool's worker as it starts from the source tree (Node with tsx: tests, the CLI, the
// browser host): TypeScript is loaded through tsx. The packaged app runs the bundled
// out/main/docx-worker.mjs instead, built from docx-task.ts (electron.vite.config.ts).
import { register } from 'tsx/esm/api';

register();
const { default: layout } = await import('./docx-task.ts');

export default layout;
