// The bridge the Electron preload exposes; absent when the app runs in a browser via the host.
import type { ApiReply } from '../../electron/contract/errors';
import type { MenuRoute } from '../../electron/contract/navigation';

declare global {
  interface Window {
    api?: {
      call(name: string, args: unknown): Promise<ApiReply<unknown>>;
      onNavigate?(callback: (route: MenuRoute) => void): () => void;
    };
  }
}

export {};
