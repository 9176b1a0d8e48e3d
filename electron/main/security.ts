import type { BrowserWindow, Session, WebContents } from 'electron';

export const APP_ORIGIN = 'app://wizard';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** True only for our own top-level page: every IPC message is checked against it. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Electron security checklist: no navigation, no new windows, no permissions, no remote content. */
export function lockDown(win: BrowserWindow, session: Session): void {
  const contents: WebContents = win.webContents;
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  // The one permission the wizard needs: copying the ticket summary to the clipboard.
  const allowed = (permission: string) => permission === 'clipboard-sanitized-write';
  session.setPermissionRequestHandler((_wc, permission, cb) => cb(allowed(permission)));
  session.setPermissionCheckHandler((_wc, permission) => allowed(permission));
  session.webRequest.onBeforeRequest((details, cb) => {
    // Only our packaged files and devtools internals; never the network.
    const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://');
    cb({ cancel: !ok });
  });
}
