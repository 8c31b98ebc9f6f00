import type { PortFinding, PortMap, PortMapRow } from '@deckhand/shared';
import { regionSearch } from '../../../lib/url-state';
import { ephemeralRange, type PortRange } from './port-explanations';
import {
  filterRows,
  findingsForService,
  groupRows,
  narrowToService,
  type TargetGroupGroup,
} from './port-map-selectors';

export interface PortMapView {
  /** The rows in scope (the cluster's, or one service's), before the text filter. */
  scoped: PortMapRow[];
  /** The rows the filter lets through, grouped target group → host → task. */
  groups: TargetGroupGroup[];
  shownCount: number;
  findings: PortFinding[];
  range: PortRange;
}

/** What the page shows of a port map answer, for a service (or the whole cluster) and a filter. */
export function selectPortMapView(
  map: PortMap,
  service: string | undefined,
  query: string,
): PortMapView {
  const scoped = narrowToService(map.rows, service);
  const shown = filterRows(scoped, query);
  return {
    scoped,
    groups: groupRows(shown),
    shownCount: shown.length,
    findings: findingsForService(map.findings, service),
    range: ephemeralRange(map.findings),
  };
}

export function clusterHref(cluster: string, region: string | undefined): string {
  return `/clusters/${encodeURIComponent(cluster)}${regionSearch(region)}`;
}

export function serviceHref(cluster: string, service: string, region: string | undefined): string {
  return `/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service)}${regionSearch(region)}`;
}

export function taskHref(cluster: string, taskId: string, region: string | undefined): string {
  return `/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(taskId)}${regionSearch(region)}`;
}
