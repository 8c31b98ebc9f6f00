/** The daemon reads into 64 KiB buffers: a datagram must fit, header included (REFERENCE §2). */
export const MAX_DATAGRAM_BYTES = 64 * 1024;

export type DropReason = 'tooLarge' | 'noHeader' | 'badHeader' | 'noSegment' | 'invalidSegment';

export type Datagram = { ok: true; segment: string } | { ok: false; reason: DropReason };

const NEWLINE = 0x0a;

/**
 * Splits a datagram into its header line, which must be `{"format": "json", "version": 1}`, and
 * the one segment document after it. Like the real daemon, the body is not looked into here.
 */
export function parseDatagram(message: Buffer): Datagram {
  if (message.length > MAX_DATAGRAM_BYTES) return { ok: false, reason: 'tooLarge' };
  const newline = message.indexOf(NEWLINE);
  if (newline === -1) return { ok: false, reason: 'noHeader' };
  let header: unknown;
  try {
    header = JSON.parse(message.subarray(0, newline).toString('utf8'));
  } catch {
    return { ok: false, reason: 'badHeader' };
  }
  if (
    typeof header !== 'object' ||
    header === null ||
    !('format' in header) ||
    !('version' in header) ||
    header.format !== 'json' ||
    header.version !== 1
  )
    return { ok: false, reason: 'badHeader' };
  const segment = message.subarray(newline + 1).toString('utf8');
  if (segment.trim() === '') return { ok: false, reason: 'noSegment' };
  return { ok: true, segment };
}
