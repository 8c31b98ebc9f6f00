import type { EcsTaskDefinition, Task } from '@deckhand/shared';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/ui/copy-button';
import { LINK, PANEL } from '../../../components/ui/styles';
import { registryImagePath } from '../lib/registry-link';
import { portRows, shortDigest } from '../lib/task-detail';
import { TABLE_HEAD } from './tones';

const CELL = 'px-4 py-2 align-top';
const COLUMNS = ['Name', 'Image', 'Digest', 'Status', 'Exit code', 'Reason', 'Health'];

/** The image reference, linked to the image in the registry when it is in this account's ECR. */
function ContainerImage({
  task,
  image,
  digest,
}: {
  task: Task;
  image: string;
  digest: string | undefined;
}) {
  if (!image) return <>—</>;
  const path = registryImagePath(task.arn, image, digest);
  if (!path) return <>{image}</>;
  return (
    <Link to={path} className={`${LINK} font-normal`} title="Show this image in the registry">
      {image}
    </Link>
  );
}

/** Each container of the task: image and digest, state, exit code and reason, health. */
export function TaskContainersTable({ task }: { task: Task }) {
  return (
    <div className={`${PANEL} overflow-x-auto`}>
      <table aria-label="Containers" className="w-full text-left text-sm">
        <thead className={TABLE_HEAD}>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {task.containers.map((container) => (
            <tr key={container.name}>
              <th scope="row" className={`${CELL} font-medium`}>
                {container.name}
              </th>
              <td className={`${CELL} font-mono text-xs break-all`}>
                <ContainerImage
                  task={task}
                  image={container.image}
                  digest={container.imageDigest}
                />
              </td>
              <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>
                {container.imageDigest ? (
                  <span className="inline-flex items-center gap-2">
                    <span title={container.imageDigest}>{shortDigest(container.imageDigest)}</span>
                    <CopyButton
                      value={container.imageDigest}
                      label={`digest of ${container.name}`}
                    />
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td className={CELL}>{container.lastStatus ?? '—'}</td>
              <td className={`${CELL} tabular-nums`}>{container.exitCode ?? '—'}</td>
              <td className={CELL}>{container.reason ?? '—'}</td>
              <td className={CELL}>{container.healthStatus ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {task.containers.length === 0 && (
        <p className="px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
          ECS reported no containers for this task.
        </p>
      )}
    </div>
  );
}

/**
 * Where this task's container ports are reachable: host address and port → container and port.
 * A host port Docker picked (the definition said 0) is marked dynamic: it changes with each task.
 */
export function TaskPortMappings({
  task,
  definition,
}: {
  task: Task;
  definition: EcsTaskDefinition | undefined;
}) {
  const rows = portRows(task, definition);
  return (
    <section aria-labelledby="task-ports-heading" className="space-y-2">
      <h2 id="task-ports-heading" className="text-sm font-semibold">
        Port mappings
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This task maps no ports.</p>
      ) : (
        <ul
          aria-label="Port mappings"
          className={`${PANEL} divide-y divide-slate-100 dark:divide-slate-800`}
        >
          {rows.map((row) => (
            <li
              key={`${row.container}:${row.containerPort}:${row.hostPort}:${row.protocol}`}
              className="flex flex-wrap items-center gap-2 px-4 py-2 font-mono text-sm"
            >
              <span>
                {row.hostIp}:{row.hostPort} → {row.container}:{row.containerPort}/{row.protocol}
              </span>
              {row.dynamic && (
                <span className="rounded bg-sky-100 px-1.5 font-sans text-xs font-medium text-sky-900 dark:bg-sky-900/50 dark:text-sky-200">
                  dynamic
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
