import type { AllowedWriteKind } from '../registry/allowlist';

/**
 * Values Outlook reads at start and may rewrite while it runs or exits (its profile, its sign-in
 * switches): they are changed only while Outlook is closed, and Outlook is started again after.
 * Removing a saved sign-in is in the same class: a running Outlook saves its cached one again.
 */
export const OUTLOOK_CLOSED_KINDS: ReadonlySet<AllowedWriteKind> = new Set<AllowedWriteKind>([
  'roh-auth-scheme',
  'profile-config-flags',
  'profile-auth-package',
  'office-identity',
  'exchange-client-option',
]);
