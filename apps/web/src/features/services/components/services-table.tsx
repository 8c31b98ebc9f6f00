import type { Service } from '@deckhand/shared';
import { Link } from 'react-router';
import { revisionOf } from '../lib/describe-event';
import { regionSearch } from '../lib/region-search';
import { TABLE_HEAD } from './tones';

const CELL = 'px-4 py-2';
const NUMBER = `${CELL} text-right tabular-nums`;

/** What a service's deployments are doing, in a word, with the tone to show it in. */
export function deploymentState(service: Service): { text: string; tone: string } {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  if (primary?.rolloutState === 'FAILED')
    return { text: 'Failed', tone: 'text-red-700 dark:text-red-300' };
  if (service.deployments.length > 1 || primary?.rolloutState === 'IN_PROGRESS')
    return { text: 'Deploying', tone: 'text-violet-700 dark:text-violet-300' };
  if (service.runningCount < service.desiredCount)
    return { text: 'Below desired', tone: 'text-amber-700 dark:text-amber-300' };
  return { text: 'Steady', tone: 'text-emerald-700 dark:text-emerald-300' };
}

/** A cluster's services: counts, what the deployment is doing, revision and launch type. */
export function ServicesTable({
  services,
  cluster,
  region,
}: {
  services: Service[];
  cluster: string;
  region: string | undefined;
}) {
  return (
    <table aria-label="Services" className="w-full text-left text-sm">
      <thead className={TABLE_HEAD}>
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">
            Service
          </th>
          <th scope="col" className="px-4 py-2 text-right font-medium">
            Desired
          </th>
          <th scope="col" className="px-4 py-2 text-right font-medium">
            Running
          </th>
          <th scope="col" className="px-4 py-2 text-right font-medium">
            Pending
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Deployment
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Revision
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Launch type
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {services.map((service) => {
          const state = deploymentState(service);
          return (
            <tr key={service.arn} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <th scope="row" className={`${CELL} font-medium`}>
                <Link
                  to={`/clusters/${encodeURIComponent(cluster)}/services/${encodeURIComponent(service.name)}${regionSearch(region)}`}
                  className="text-sky-700 hover:underline dark:text-sky-300"
                >
                  {service.name}
                </Link>
              </th>
              <td className={NUMBER}>{service.desiredCount}</td>
              <td className={NUMBER}>{service.runningCount}</td>
              <td className={NUMBER}>{service.pendingCount}</td>
              <td className={`${CELL} text-xs font-medium ${state.tone}`}>{state.text}</td>
              <td className={`${CELL} font-mono text-xs`} title={service.taskDefinition}>
                {service.taskDefinition.slice(0, service.taskDefinition.lastIndexOf(':') + 1)}
                <span className="font-semibold">{revisionOf(service.taskDefinition)}</span>
              </td>
              <td className={`${CELL} text-xs`}>
                {service.launchType ??
                  service.capacityProviderStrategy.map((item) => item.capacityProvider).join(', ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
