import { formatPath } from '../paths.js';
import {
  DOCS,
  fix,
  member,
  obj,
  objects,
  show,
  str,
  type LintRule,
  isPlaceholder,
} from './model.js';

/** Volumes and what containers mount from them. */

const DOCKER_SOCKET = /^\/(?:var\/)?run\/docker\.sock$/;

export const volumeRules: LintRule[] = [
  {
    id: 'mount-source-volume-undeclared',
    severity: 'error',
    title: 'Mount point names an undeclared volume',
    docUrl: DOCS.storage,
    *check({ containers, volumeNames }) {
      for (const container of containers) {
        for (const { index, value } of objects(container.def, 'mountPoints')) {
          const path = container.at('mountPoints', index, 'sourceVolume');
          const sourceVolume = member(value, 'sourceVolume');
          if (sourceVolume === undefined || sourceVolume === null || sourceVolume === '') {
            yield {
              path,
              message: `${container.label}: mountPoints[${index}] needs a sourceVolume.`,
            };
          } else if (
            typeof sourceVolume === 'string' &&
            !isPlaceholder(sourceVolume) &&
            !volumeNames.has(sourceVolume)
          ) {
            yield {
              path,
              message: `${container.label} mounts volume ${show(sourceVolume)}, which is not declared in volumes.`,
              fix: fix(`Declare volume ${show(sourceVolume)} (a task-scoped bind mount)`, [
                { op: 'append', path: 'volumes', value: { name: sourceVolume } },
              ]),
            };
          }
        }
      }
    },
  },
  {
    id: 'volumes-from-unknown-container',
    severity: 'error',
    title: 'volumesFrom names a container that does not exist',
    docUrl: DOCS.storage,
    *check({ containers, containerByName }) {
      for (const container of containers) {
        for (const { index, value } of objects(container.def, 'volumesFrom')) {
          const path = container.at('volumesFrom', index, 'sourceContainer');
          const source = member(value, 'sourceContainer');
          if (source === undefined || source === null || source === '') {
            yield {
              path,
              message: `${container.label}: volumesFrom[${index}] needs a sourceContainer.`,
            };
          } else if (
            typeof source === 'string' &&
            !isPlaceholder(source) &&
            !containerByName.has(source)
          ) {
            yield {
              path,
              message: `${container.label} takes volumes from ${show(source)}, which is not a container in this task definition.`,
            };
          }
        }
      }
    },
  },
  {
    id: 'docker-socket-mount',
    severity: 'warning',
    title: 'Docker socket mounted into a container',
    docUrl: DOCS.securityTasks,
    *check({ containers, volumes }) {
      const sockets = new Set<string>();
      for (const volume of volumes) {
        const sourcePath = str(obj(volume.def, 'host'), 'sourcePath');
        if (volume.name && sourcePath && DOCKER_SOCKET.test(sourcePath)) sockets.add(volume.name);
      }
      if (sockets.size === 0) return;
      for (const container of containers) {
        for (const { index, value } of objects(container.def, 'mountPoints')) {
          const sourceVolume = str(value, 'sourceVolume');
          if (sourceVolume === undefined || !sockets.has(sourceVolume)) continue;
          yield {
            path: container.at('mountPoints', index, 'sourceVolume'),
            message: `${container.label} mounts the Docker socket (volume ${show(sourceVolume)}): whoever controls the container controls every container on the host, as root.`,
          };
        }
      }
    },
  },
  {
    id: 'efs-transit-encryption',
    severity: 'warning',
    title: 'EFS volume without transit encryption',
    docUrl: DOCS.efs,
    *check({ volumes }) {
      for (const volume of volumes) {
        const efs = obj(volume.def, 'efsVolumeConfiguration');
        if (!efs) continue;
        const encryption = member(efs, 'transitEncryption');
        if (encryption === 'ENABLED' || isPlaceholder(encryption)) continue;
        const path = formatPath([
          'volumes',
          volume.index,
          'efsVolumeConfiguration',
          'transitEncryption',
        ]);
        // IAM authorization only works over TLS: ECS rejects that combination outright.
        const iam = str(obj(efs, 'authorizationConfig'), 'iam') === 'ENABLED';
        yield {
          path,
          message: iam
            ? `Volume ${show(volume.name ?? volume.index)}: EFS IAM authorization requires transitEncryption ENABLED.`
            : `Volume ${show(volume.name ?? volume.index)}: EFS traffic is not encrypted in transit; set transitEncryption to ENABLED.`,
          ...(iam ? { severity: 'error' as const } : {}),
          fix: fix('Enable transit encryption', [{ op: 'set', path, value: 'ENABLED' }]),
        };
      }
    },
  },
];
