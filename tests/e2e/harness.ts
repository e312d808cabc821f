// Shared by the e2e suites: a browser host on a temp library, Debian's Chromium, and API shortcuts.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Host {
  child: ChildProcess;
  url: string;
}

export class Harness {
  readonly children: ChildProcess[] = [];
  dir = '';
  dbPath = '';
  browser: Browser | null = null;

  /** Makes the temp library folder and launches Chromium. */
  async setUp(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'advocate-e2e-'));
    this.dbPath = join(this.dir, 'lib.sqlite');
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }

  async tearDown(): Promise<void> {
    await this.browser?.close();
    await Promise.all(this.children.map(stopHost));
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Starts the host on the given library (the temp one by default); resolves with its address.
   * A new library opens on the welcome: suites about other screens mark it finished, unless they
   * ask for the first run.
   */
  /**
   * Starts the host on `db`, or with `configHome` on the default library of a user whose config
   * folder is that one (as `npm start` does), where the library can be moved.
   */
  async startHost(
    db: string = this.dbPath,
    options: { firstRun?: boolean; configHome?: string } = {},
  ): Promise<Host> {
    const host = await this.spawnHost(options.configHome ? null : db, options.configHome);
    if (!options.firstRun) await apiCall(host.url, 'welcome.finish', {});
    return host;
  }

  private spawnHost(db: string | null, configHome?: string): Promise<Host> {
    const { ADVOCATE_DESK_DB: _explicit, ...env } = process.env;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/run.ts', ...(db ? ['--db', db] : []), '--port', '0'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: configHome ? { ...env, XDG_CONFIG_HOME: configHome } : process.env,
      },
    );
    this.children.push(child);
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Advocate Desk is running at (\S+)/.exec(out);
        if (match?.[1]) resolve({ child, url: match[1] });
      });
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`host exited (${code}): ${err}`)));
    });
  }

  /** Opens the app in a new page and checks it loads without a script error. */
  async openApp(url: string): Promise<Page> {
    if (!this.browser) throw new Error('setUp() first');
    const page = await this.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await expect.poll(() => problems).toEqual([]);
    return page;
  }
}

export function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Calls the host's API directly with the token from its address; throws on a refusal. */
export async function apiCall<T>(hostUrl: string, name: string, args: unknown): Promise<T> {
  const token = /token=([^&]+)/.exec(new URL(hostUrl).hash)?.[1];
  if (!token) throw new Error(`no token in ${hostUrl}`);
  const response = await fetch(new URL('/api/call', hostUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${decodeURIComponent(token)}`,
    },
    body: JSON.stringify({ name, args }),
  });
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${name} refused: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

/** A date as YYYY-MM-DD on this computer's calendar, as a date field takes it. */
export const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
