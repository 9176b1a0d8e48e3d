/**
 * Facts about the machine that are not in the registry, and the few actions the product
 * takes on it. Windows answers with tasklist/gpresult/shutdown; the simulated machine
 * answers from its machine.json.
 */
export interface LmPolicyState {
  /** A domain or local security policy sets "LAN Manager authentication level". */
  readonly managed: boolean;
  /** The level the policy sets, when known. */
  readonly level?: number;
}

export interface ServerEvent {
  readonly source: string;
  readonly id: number;
  readonly time?: string;
  readonly message?: string;
}

export interface SystemPort {
  isOutlookRunning(): Promise<boolean>;
  lmCompatibilityPolicy(): Promise<LmPolicyState>;
  /** The process has administrator rights (true for SYSTEM). */
  isElevated(): Promise<boolean>;
  /** The process runs as LocalSystem (no user profile to fix). */
  isSystemAccount(): Promise<boolean>;
  /**
   * The PC is joined to a domain (Kerberos can work only where a domain controller is in
   * reach); null when it cannot be told. Absent: this machine cannot say.
   */
  isDomainJoined?(): Promise<boolean | null>;
  /** Starts Outlook again after a profile change (never kills it). */
  startOutlook(): Promise<void>;
  /** Restarts Windows; only called after the person confirmed. */
  restartWindows(): Promise<void>;
}
