// The Electron window's security settings, read without Electron's runtime.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/content-security-policy';
import {
  SECURE_WEB_PREFERENCES,
  isAllowedExternalUrl,
  isAppUrl,
} from '../../electron/security/window-policy';

describe('window settings', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('the main window uses those settings and blocks navigation, new windows and permissions', () => {
    const source = readFileSync('electron/main/window.ts', 'utf8');
    expect(source).toContain('...SECURE_WEB_PREFERENCES');
    expect(source).toMatch(/on\('will-navigate'/);
    expect(source).toMatch(/setWindowOpenHandler\([\s\S]*action: 'deny'/);
    expect(source).toMatch(/setPermissionRequestHandler\(\([^)]*\) =>\s*callback\(false\)/);
    expect(source).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('allows only our own scripts: no eval, no inline code, no remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('which addresses the window may load or open', () => {
  it('loads only app:// pages (and the dev server while developing)', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://elsewhere/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('hands only https and mailto links to the system', () => {
    expect(
      isAllowedExternalUrl('https://www.healthcare.gov/appeal-insurance-company-decision/'),
    ).toBe(true);
    expect(isAllowedExternalUrl('mailto:caseworker@example.gov')).toBe(true);
    expect(isAllowedExternalUrl('http://example.com')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pass@example.com')).toBe(false);
  });
});
