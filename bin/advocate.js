#!/usr/bin/env node
// The `advocate` command: runs the TypeScript CLI through tsx, so it is never out of date.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
