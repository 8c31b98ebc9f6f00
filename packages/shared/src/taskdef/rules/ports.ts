import {
  EPHEMERAL_PORT_RANGE,
  inEphemeralRange,
  RESERVED_HOST_PORTS,
} from '../../ecs/port-rules.js';
import {
  DOCS,
  fix,
  member,
  num,
  objects,
  present,
  show,
  str,
  type ContainerView,
  type Doc,
  type LintRule,
  type RuleInput,
  isPlaceholder,
} from './model.js';

/** Port mappings against the network mode (REFERENCE.md §4). */

interface Mapping {
  container: ContainerView;
  index: number;
  def: Doc;
  containerPort: number | undefined;
  hostPort: number | undefined;
  at(key: string): string;
}

function* mappings(containers: readonly ContainerView[]): Generator<Mapping> {
  for (const container of containers) {
    for (const { index, value } of objects(container.def, 'portMappings')) {
      yield {
        container,
        index,
        def: value,
        containerPort: num(value, 'containerPort'),
        hostPort: num(value, 'hostPort'),
        at: (key) => container.at('portMappings', index, key),
      };
    }
  }
}

/** A bridge mapping's static host port (0 and omitted are dynamic). */
const staticBridgePort = ({ networkMode }: RuleInput, mapping: Mapping) =>
  networkMode === 'bridge' && mapping.hostPort !== undefined && mapping.hostPort > 0
    ? mapping.hostPort
    : undefined;

const useDynamic = (mapping: Mapping) =>
  fix('Use a dynamic host port (0)', [{ op: 'set', path: mapping.at('hostPort'), value: 0 }]);

export const portRules: LintRule[] = [
  {
    id: 'port-out-of-range',
    severity: 'error',
    title: 'Port outside its range',
    docUrl: DOCS.portMappings,
    *check({ containers }) {
      for (const mapping of mappings(containers)) {
        const { container, containerPort, hostPort } = mapping;
        if (!present(mapping.def, 'containerPort') && !present(mapping.def, 'containerPortRange')) {
          yield {
            path: mapping.at('containerPort'),
            message: `${container.label}: portMappings[${mapping.index}] needs a containerPort.`,
          };
        } else if (containerPort !== undefined && (containerPort < 1 || containerPort > 65535)) {
          yield {
            path: mapping.at('containerPort'),
            message: `${container.label}: containerPort ${containerPort} must be between 1 and 65535.`,
          };
        }
        if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535)) {
          yield {
            path: mapping.at('hostPort'),
            message: `${container.label}: hostPort ${hostPort} must be between 0 and 65535.`,
          };
        }
      }
    },
  },
  {
    id: 'port-protocol-invalid',
    severity: 'error',
    title: 'Port protocol is tcp or udp',
    docUrl: DOCS.portMappings,
    *check({ containers }) {
      for (const mapping of mappings(containers)) {
        const protocol = str(mapping.def, 'protocol');
        if (protocol === undefined || protocol === 'tcp' || protocol === 'udp') continue;
        if (isPlaceholder(protocol)) continue;
        const meant = protocol.trim().toLowerCase() === 'udp' ? 'udp' : 'tcp';
        yield {
          path: mapping.at('protocol'),
          message: `${mapping.container.label}: protocol ${show(protocol)} must be "tcp" or "udp".`,
          fix: fix(`Use ${meant}`, [{ op: 'set', path: mapping.at('protocol'), value: meant }]),
        };
      }
    },
  },
  {
    id: 'host-port-mismatch',
    severity: 'error',
    title: 'hostPort must equal containerPort in awsvpc and host modes',
    docUrl: DOCS.portMappings,
    *check({ containers, networkMode }) {
      if (networkMode !== 'awsvpc' && networkMode !== 'host') return;
      for (const mapping of mappings(containers)) {
        const { hostPort, containerPort } = mapping;
        if (hostPort === undefined || containerPort === undefined || hostPort === containerPort) {
          continue;
        }
        yield {
          path: mapping.at('hostPort'),
          message: `${mapping.container.label}: hostPort ${hostPort} must equal containerPort ${containerPort} in ${networkMode} mode, or be omitted.`,
          fix: fix('Remove hostPort', [{ op: 'remove', path: mapping.at('hostPort') }]),
        };
      }
    },
  },
  {
    id: 'port-mappings-network-none',
    severity: 'error',
    title: 'No port mappings in none mode',
    docUrl: DOCS.networkMode,
    *check({ containers, networkMode }) {
      if (networkMode !== 'none') return;
      for (const container of containers) {
        const portMappings = member(container.def, 'portMappings');
        if (!Array.isArray(portMappings) || portMappings.length === 0) continue;
        yield {
          path: container.at('portMappings'),
          message: `${container.label}: a task in "none" network mode cannot map ports.`,
          fix: fix('Remove portMappings', [{ op: 'remove', path: container.at('portMappings') }]),
        };
      }
    },
  },
  {
    id: 'host-port-reserved',
    severity: 'warning',
    title: 'Host port reserved by the ECS agent or Docker',
    docUrl: DOCS.portMappings,
    *check(input) {
      for (const mapping of mappings(input.containers)) {
        // In host mode the container binds its containerPort on the instance itself.
        const port =
          input.networkMode === 'host'
            ? (mapping.hostPort ?? mapping.containerPort)
            : staticBridgePort(input, mapping);
        if (port === undefined || !RESERVED_HOST_PORTS.includes(port)) continue;
        yield {
          path: mapping.at(mapping.hostPort === undefined ? 'containerPort' : 'hostPort'),
          message: `${mapping.container.label}: host port ${port} is reserved on every container instance (${RESERVED_HOST_PORTS.join(', ')}); the task will not be placed.`,
          ...(input.networkMode === 'bridge' ? { fix: useDynamic(mapping) } : {}),
        };
      }
    },
  },
  {
    id: 'host-port-ephemeral',
    severity: 'warning',
    title: 'Static host port inside the ephemeral range',
    docUrl: DOCS.portMappings,
    *check(input) {
      for (const mapping of mappings(input.containers)) {
        const port = staticBridgePort(input, mapping);
        if (port === undefined || !inEphemeralRange(port)) continue;
        yield {
          path: mapping.at('hostPort'),
          message: `${mapping.container.label}: static hostPort ${port} lies in the ephemeral range ${EPHEMERAL_PORT_RANGE.from}–${EPHEMERAL_PORT_RANGE.to} that dynamic ports come from; it can collide with them. Use 0 or a port below ${EPHEMERAL_PORT_RANGE.from}.`,
          fix: useDynamic(mapping),
        };
      }
    },
  },
  {
    id: 'static-host-port-behind-lb',
    severity: 'warning',
    title: 'Static host port behind a load balancer',
    docUrl: DOCS.dynamicPorts,
    *check(input) {
      if (input.context.behindLoadBalancer !== true) return;
      for (const mapping of mappings(input.containers)) {
        const port = staticBridgePort(input, mapping);
        if (port === undefined) continue;
        yield {
          path: mapping.at('hostPort'),
          message: `${mapping.container.label}: static hostPort ${port} allows one task per instance behind the load balancer; use 0 for a dynamic port.`,
          fix: useDynamic(mapping),
        };
      }
    },
  },
];
