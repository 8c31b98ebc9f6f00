import { DOCS, isDoc, member, str, type LintRule } from './model.js';

/** Sidecars and proxies whose AWS service is going away. */

export const APP_MESH_END_OF_SUPPORT = '2026-09-30';

export const sidecarRules: LintRule[] = [
  {
    id: 'app-mesh-proxy',
    severity: 'warning',
    title: 'App Mesh proxy configuration',
    docUrl: DOCS.appMesh,
    *check({ doc }) {
      if (!isDoc(member(doc, 'proxyConfiguration'))) return;
      yield {
        path: 'proxyConfiguration',
        message: `proxyConfiguration configures an App Mesh proxy; AWS App Mesh reaches end of support on ${APP_MESH_END_OF_SUPPORT}. Plan a move to ECS Service Connect.`,
      };
    },
  },
  {
    id: 'xray-daemon-sidecar',
    severity: 'info',
    title: 'X-Ray daemon sidecar: consider the ADOT collector',
    docUrl: DOCS.adot,
    *check({ containers }) {
      for (const container of containers) {
        const image = str(container.def, 'image');
        if (image === undefined || !/aws-xray-daemon/i.test(image)) continue;
        yield {
          path: container.at('image'),
          message: `${container.label} runs the X-Ray daemon, which is reaching end of support; the AWS Distro for OpenTelemetry (ADOT) collector receives the same X-Ray segments and is its replacement.`,
        };
      }
    },
  },
];
