// The installers' configuration, read and checked here because the packaged app cannot be built
// or run on machines without Electron's runtime: electron-builder's own schema, what ships, the
// targets, fuses and icon, where the installed engine finds its resources, and which
// better-sqlite3 build each runtime loads.
import Database from 'better-sqlite3';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { packagedResourcesDir } from '../../electron/main/packaged-resources';
import {
  electronBinding,
  nodeBinding,
  nodeBuildDir,
  nodeBuildKeep,
  withNodeBuildKept,
} from '../../scripts/sqlite-builds.mjs';
import { cleanup, tempDir } from './helpers';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild?: boolean;
  publish: null;
  electronFuses: Record<string, boolean>;
  win: { target: string[]; icon: string };
  nsis: Record<string, unknown>;
  mac: { target: string[]; icon: string; hardenedRuntime: boolean; entitlements: string };
  linux: { target: string[]; icon: string; category: string; maintainer: string };
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
// electron-builder's own helpers, from its install (they ship no types for these paths).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));
const { minimatch } = builderRequire('minimatch') as {
  minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean;
};
const shipped = (path: string) => config.files.some((p) => minimatch(path, p, { dot: true }));
const unpacked = (path: string) => config.asarUnpack.some((p) => minimatch(path, p, { dot: true }));
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = builderRequire(
      'app-builder-lib/out/util/config/config.js',
    ) as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = builderRequire('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check has teeth: a misspelt option fails it.
    await expect(
      validateConfiguration(
        { ...config, nsis: { ...config.nsis, oneclick: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/nsis/);
  });

  it('names the app Advocate Desk with a stable id', () => {
    expect(config.productName).toBe('Advocate Desk');
    expect(pkg.productName).toBe('Advocate Desk');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
    expect(pkg.description).toBeTruthy();
    expect((pkg.author as { email?: string }).email).toMatch(/@/); // the deb needs a maintainer
  });

  it('ships only the built app and the data the engine reads', () => {
    expect(config.files.sort()).toEqual([
      'out/**',
      'package.json',
      'resources/criteria/**',
      'resources/evidence/**',
      'resources/templates/**',
      'resources/vocabulary/**',
    ]);
    for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(shipped(path), path).toBe(true);
    for (const path of [
      'electron/main/index.ts',
      'renderer/src/app.tsx',
      'tests/engine/menu.test.ts',
      'resources/icons/icon.png',
      '.cache/electron-45.4.1/better-sqlite3/build/Release/better_sqlite3.node',
      'scratch/notes.txt',
    ])
      expect(shipped(path), path).toBe(false);
    for (const file of [
      ...filesUnder('resources/criteria'),
      ...filesUnder('resources/templates'),
      ...filesUnder('resources/vocabulary'),
      ...filesUnder('resources/evidence'),
    ])
      expect(shipped(relative('.', file).split('\\').join('/')), file).toBe(true);
  });

  it('packs one asar with native addons unpacked and the import worker inside', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    // The worker stays beside the main bundle, where its imports (mammoth, pdf.js…) resolve.
    expect(shipped('out/main/convert-worker.mjs')).toBe(true);
    expect(unpacked('out/main/convert-worker.mjs')).toBe(false);
    expect(readFileSync('electron.vite.config.ts', 'utf8')).toMatch(
      /'convert-worker': resolve\('electron\/engine\/imports\/convert-worker\.mjs'\)/,
    );
    expect(readFileSync('electron/engine/imports/convert-pool.ts', 'utf8')).toContain(
      "new URL('./convert-worker.mjs', import.meta.url)",
    );
    // So does the library check's worker.
    expect(shipped('out/main/check-worker.mjs')).toBe(true);
    expect(readFileSync('electron.vite.config.ts', 'utf8')).toMatch(
      /'check-worker': resolve\('electron\/engine\/db\/check-worker\.mjs'\)/,
    );
    expect(readFileSync('electron/engine/db/library-check.ts', 'utf8')).toContain(
      "new URL('./check-worker.mjs', import.meta.url)",
    );
    // OCR reads its engine and English data with plain file reads and starts its own worker.
    for (const path of [
      'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
      'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm',
      'node_modules/tesseract.js/src/worker-script/node/index.js',
    ])
      expect(unpacked(path), path).toBe(true);
    // better-sqlite3 is rebuilt for Electron at packaging (electron-builder's default, kept on).
    expect(config.npmRebuild).not.toBe(false);
  });

  it('builds every target: per-user NSIS, hardened dmg, AppImage and deb; no updates', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      deleteAppDataOnUninstall: false,
    });
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(config.mac.entitlements, 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toMatch(/<key>[^<]*disable-library-validation/);
    expect(config.linux.target.sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.publish).toBeNull();
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // runAsNode off breaks child_process.fork: nothing in the app may rely on it.
    const sources = filesUnder('electron').filter((f) => /\.(ts|mjs)$/.test(f));
    for (const file of sources) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bfork\(/);
  });

  it('has a 512×512 PNG icon for every platform, drawn from icon.svg', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(icon).toBe('resources/icons/icon.png');
    }
    const png = readFileSync('resources/icons/icon.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync('resources/icons/icon.svg', 'utf8')).toMatch(/viewBox="0 0 512 512"/);
  });

  it('keeps install scripts that download binaries from running on npm install', () => {
    const allow = pkg.allowScripts as Record<string, boolean>;
    expect(allow).toMatchObject({
      electron: false,
      'electron-winstaller': false,
      'better-sqlite3': true,
    });
    const scripts = pkg.scripts as Record<string, string>;
    expect(scripts.dist).toBe('node scripts/dist.mjs');
    expect(scripts['dist:all']).toBe('node scripts/dist.mjs --all');
  });
});

describe('the installed app finds its resources', () => {
  it('inside app.asar, where `files` puts them, through ADVOCATE_DESK_RESOURCES', async () => {
    // Lay out what electron-builder packs: <install>/resources/app.asar/{out,resources/...}.
    const appAsar = join(tempDir(), 'resources', 'app.asar');
    for (const file of [
      ...filesUnder('resources/criteria'),
      ...filesUnder('resources/templates'),
      ...filesUnder('resources/vocabulary'),
    ])
      if (shipped(relative('.', file).split('\\').join('/')))
        cpSync(file, join(appAsar, file), { recursive: true });

    const dir = packagedResourcesDir(true, appAsar, {});
    expect(dir).toBe(join(appAsar, 'resources'));
    expect(existsSync(join(dir!, 'templates', 'appeal.md'))).toBe(true);

    vi.stubEnv('ADVOCATE_DESK_RESOURCES', dir!);
    vi.resetModules();
    const { resourcesDir, resourcePath } = await import('../../electron/engine/resources');
    expect(resourcesDir()).toBe(dir);
    expect(existsSync(resourcePath('vocabulary', 'medications.json'))).toBe(true);
    expect(existsSync(resourcePath('criteria', 'starter-sets.json'))).toBe(true);
  });

  it('is left alone in development and when the user chose a folder', () => {
    expect(packagedResourcesDir(false, '/src/advocate-desk', {})).toBeUndefined();
    expect(
      packagedResourcesDir(true, '/opt/app.asar', { ADVOCATE_DESK_RESOURCES: '/mine' }),
    ).toBeUndefined();
  });
});

describe('one better-sqlite3 build per runtime', () => {
  it("keeps Electron's build under .cache, apart from Node's in node_modules", () => {
    const node = nodeBinding('/p');
    const electron = electronBinding('/p', '45.4.1');
    expect(node).toBe(join('/p/node_modules/better-sqlite3/build/Release/better_sqlite3.node'));
    expect(electron).toBe(
      join('/p/.cache/electron-45.4.1/better-sqlite3/build/Release/better_sqlite3.node'),
    );
    expect(electronBinding('/p', '46.0.0')).not.toBe(electron);
    // Where `npm run dist` keeps Node's build folder while electron-builder rebuilds it.
    expect(nodeBinding('/p').startsWith(nodeBuildDir('/p'))).toBe(true);
    expect(nodeBuildKeep('/p', '115')).toBe(join('/p/.cache/node-abi-115/better-sqlite3-build'));
    expect(nodeBuildKeep('/p', '115')).not.toBe(nodeBuildKeep('/p', '127'));
  });

  it("npm run dist puts Node's build back however electron-builder ends", () => {
    const root = tempDir();
    const setBuild = (text: string) => {
      mkdirSync(dirname(nodeBinding(root)), { recursive: true });
      writeFileSync(nodeBinding(root), text);
    };
    setBuild('node');
    // node-gyp deletes the folder, then fails (offline) or writes Electron's build.
    const failed = withNodeBuildKept(
      root,
      '115',
      () => true,
      () => {
        rmSync(nodeBuildDir(root), { recursive: true });
        return 1;
      },
    );
    expect(failed).toBe(1);
    expect(readFileSync(nodeBinding(root), 'utf8')).toBe('node');
    expect(() =>
      withNodeBuildKept(
        root,
        '115',
        () => true,
        () => {
          setBuild('electron');
          throw new Error('packaging failed');
        },
      ),
    ).toThrow('packaging failed');
    expect(readFileSync(nodeBinding(root), 'utf8')).toBe('node');
    // A build that does not load in Node (left by someone else) never replaces the kept one.
    setBuild('electron');
    withNodeBuildKept(
      root,
      '115',
      () => false,
      () => 0,
    );
    expect(readFileSync(nodeBinding(root), 'utf8')).toBe('node');
  });

  it("loads Node's build here (the tests' runtime)", () => {
    expect(existsSync(nodeBinding(process.cwd()))).toBe(true);
    const db = new Database(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
  });
});
