/** DNS host names (RFC 1123 labels, ASCII only): the only host text that may reach a command line. */
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function isValidHostName(name: string): boolean {
  return HOST_NAME.test(name);
}
