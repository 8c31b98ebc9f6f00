/** One listening address of the daemon. */
export interface Endpoint {
  host: string;
  port: number;
}

/** Where the daemon takes segments (UDP) and sampling calls (TCP). */
export interface DaemonAddress {
  udp: Endpoint;
  tcp: Endpoint;
}

export const DEFAULT_DAEMON_ADDRESS = '127.0.0.1:2000';

const FORMAT = 'must be host:port or "tcp:host:port udp:host:port" (as AWS_XRAY_DAEMON_ADDRESS)';

function parseEndpoint(text: string, whole: string): Endpoint {
  // `[::1]:2000` for IPv6, `host:2000` otherwise.
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]]+)):(\d{1,5})$/.exec(text);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port > 65_535)
    throw new Error(`X-Ray daemon address "${whole}" ${FORMAT}`);
  return { host, port };
}

/**
 * Parses an address in the forms the X-Ray SDKs read from AWS_XRAY_DAEMON_ADDRESS: `host:port`
 * (UDP and TCP on the same port) or `tcp:host:port udp:host:port` (either order).
 */
export function parseDaemonAddress(text: string): DaemonAddress {
  const parts = text.trim().split(/\s+/);
  if (parts.length === 1 && parts[0] !== undefined && !/^(tcp|udp):/i.test(parts[0])) {
    const endpoint = parseEndpoint(parts[0], text);
    return { udp: endpoint, tcp: { ...endpoint } };
  }
  const tcp = parts.find((part) => /^tcp:/i.test(part));
  const udp = parts.find((part) => /^udp:/i.test(part));
  if (parts.length !== 2 || tcp === undefined || udp === undefined)
    throw new Error(`X-Ray daemon address "${text}" ${FORMAT}`);
  return { tcp: parseEndpoint(tcp.slice(4), text), udp: parseEndpoint(udp.slice(4), text) };
}

/** `host:port`, bracketing IPv6 hosts. */
export const formatEndpoint = ({ host, port }: Endpoint) =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
