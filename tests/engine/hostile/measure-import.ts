// A process the hostile-input tests run on one file and watch: it imports the file into a fresh
// library and prints the reply and how far its peak memory (RSS) rose during that one call, so a
// file that inflates without bound can only take down this process, never the test runner.
// `node --import tsx measure-import.ts <docx|archive> <database> <file> <warm-up.docx>`
import { openEngine } from '../../../electron/engine';

const [kind, databasePath, file, warmUp] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const engine = openEngine({ databasePath });
const peakKb = () => process.resourceUsage().maxRSS;

async function main() {
  const client = await engine.call('clients.create', { firstName: 'Bomb', lastName: 'Test' });
  if (!client.ok) throw new Error(JSON.stringify(client.error));
  const kase = await engine.call('cases.create', {
    clientId: client.value.id,
    requestedTreatment: 'Ketamine infusion',
  });
  if (!kase.ok) throw new Error(JSON.stringify(kase.error));
  // Warm up on a real document, so mammoth, the worker and the unzip code are already loaded and
  // what is measured is the hostile file alone.
  await engine.call('documents.import', { caseId: kase.value.id, paths: [warmUp] });
  const before = peakKb();
  const started = Date.now();
  const reply =
    kind === 'archive'
      ? await engine.call('archive.import', { file })
      : await engine.call('documents.import', { caseId: kase.value.id, paths: [file] });
  const result = {
    reply,
    baseMb: Math.round(before / 1024),
    peakMb: Math.round(peakKb() / 1024),
    growthMb: Math.round((peakKb() - before) / 1024),
    ms: Date.now() - started,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  engine.close();
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
