import type { ImageScan } from '@deckhand/shared';
import { MUTED } from '../../../components/ui/styles';
import { SeverityBar } from './severity-bar';

const STATUS: Record<string, string> = {
  COMPLETE: 'Scanned',
  ACTIVE: 'Scanned',
  IN_PROGRESS: 'Scanning…',
  PENDING: 'Scan pending',
  FAILED: 'Scan failed',
  NOT_SCANNED: 'Not scanned',
  UNSUPPORTED_IMAGE: 'Unsupported',
  SCAN_ELIGIBILITY_EXPIRED: 'Scan expired',
  FINDINGS_UNAVAILABLE: 'Findings unavailable',
};

/** What people read for a scan status (ECR's own words otherwise). */
export function scanStatusLabel(status: string): string {
  return STATUS[status] ?? status;
}

/** A finished scan as a severity bar; any other state in words. */
export function ScanSummary({ scan }: { scan: ImageScan }) {
  if (scan.status === 'COMPLETE' || scan.status === 'ACTIVE') {
    return <SeverityBar counts={scan.counts} />;
  }
  return <span className={`text-xs ${MUTED}`}>{scanStatusLabel(scan.status)}</span>;
}
