// The bridge the Electron preload exposes; absent when the app runs in a browser via the host.
import type { ApiReply } from '../../electron/contract/errors';

declare global {
  interface Window {
    api?: { call(name: string, args: unknown): Promise<ApiReply<unknown>> };
  }
}

export {};
