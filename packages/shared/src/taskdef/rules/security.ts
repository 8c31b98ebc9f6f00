import { DOCS, member, show, str, type LintRule } from './model.js';

/** Settings that register and run but weaken isolation (Fargate refuses the first two outright). */

const ROOT_USER = /^(?:root|0)(?::.*)?$/;

export const securityRules: LintRule[] = [
  {
    id: 'privileged-container',
    severity: 'warning',
    title: 'Privileged container',
    docUrl: DOCS.security,
    *check({ containers, fargate }) {
      if (fargate) return; // `fargate-privileged`
      for (const container of containers) {
        if (member(container.def, 'privileged') !== true) continue;
        yield {
          path: container.at('privileged'),
          message: `${container.label} is privileged: it has root access to the host and every container on it.`,
        };
      }
    },
  },
  {
    id: 'pid-mode-host',
    severity: 'warning',
    title: 'pidMode host',
    docUrl: DOCS.pidMode,
    *check({ doc, fargate }) {
      if (fargate || member(doc, 'pidMode') !== 'host') return; // Fargate: `fargate-pid-mode`
      yield {
        path: 'pidMode',
        message:
          '"pidMode": "host" lets the containers see and signal every process on the instance.',
      };
    },
  },
  {
    id: 'host-network-root',
    severity: 'warning',
    title: 'Host network with the root user',
    docUrl: DOCS.securityTasks,
    *check({ containers, networkMode }) {
      if (networkMode !== 'host') return;
      for (const container of containers) {
        const user = str(container.def, 'user');
        if (user !== undefined && !ROOT_USER.test(user.trim())) continue;
        yield {
          path: container.at('user'),
          message: `${container.label} runs as ${user === undefined ? 'root (no user set)' : `root (user ${show(user)})`} on the host's network: it can bind any port and see all of the instance's traffic. Set a non-root user.`,
        };
      }
    },
  },
];
