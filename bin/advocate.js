#!/usr/bin/env node
// The `advocate` command: the CLI from a bundle of the current TypeScript sources (cli-bundle.mjs),
// or through the TypeScript loader where no bundle can be built.
import { readFileSync } from 'node:fs';
import { cliBundle } from './cli-bundle.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

let entry = await cliBundle();
if (!entry) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = new URL('../electron/cli/main.ts', import.meta.url).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2), version);
