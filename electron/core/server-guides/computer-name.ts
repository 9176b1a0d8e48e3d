const NETBIOS = /^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;

/**
 * A Windows computer (NetBIOS) name: the only server name that may reach a command line.
 * Its own file so the renderer can use it without the guides' texts.
 */
export function isComputerName(name: string): boolean {
  return NETBIOS.test(name);
}
