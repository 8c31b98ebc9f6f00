import { effectiveTag, parseImageReference } from '../../registry/image-ref.js';
import { DOCS, fix, list, member, show, str, type LintRule, isPlaceholder } from './model.js';

/** Container identity: names, images, essential containers, and the bridge-only members. */

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** What ECS accepts in `image` (its parameter reference): letters, digits, `-_:./#@`, ≤ 255. */
const IMAGE = /^[A-Za-z0-9][A-Za-z0-9_.:/#@-]*$/;

export const containerRules: LintRule[] = [
  {
    id: 'container-name-invalid',
    severity: 'error',
    title: 'Container name missing or invalid',
    docUrl: DOCS.name,
    *check({ containers }) {
      for (const container of containers) {
        const name = member(container.def, 'name');
        if (name === undefined || name === null || name === '') {
          yield { path: container.at('name'), message: `${container.label}: name is required.` };
        } else if (typeof name === 'string' && !isPlaceholder(name) && !NAME.test(name)) {
          yield {
            path: container.at('name'),
            message: `Container name ${show(name)} must be 1–255 letters, digits, hyphens or underscores.`,
          };
        }
      }
    },
  },
  {
    id: 'container-name-duplicate',
    severity: 'error',
    title: 'Container names must be unique',
    docUrl: DOCS.name,
    *check({ containers, containerByName }) {
      for (const container of containers) {
        const first =
          container.name === undefined ? undefined : containerByName.get(container.name);
        if (first && first.index !== container.index) {
          yield {
            path: container.at('name'),
            message: `${container.label} is declared twice (also containerDefinitions[${first.index}]); container names must be unique.`,
          };
        }
      }
    },
  },
  {
    id: 'image-missing',
    severity: 'error',
    title: 'Container image required',
    docUrl: DOCS.image,
    *check({ containers }) {
      for (const container of containers) {
        const image = member(container.def, 'image');
        if (image === undefined || image === null || (typeof image === 'string' && !image.trim())) {
          yield { path: container.at('image'), message: `${container.label}: image is required.` };
        }
      }
    },
  },
  {
    id: 'image-invalid',
    severity: 'error',
    title: 'Image reference has characters ECS rejects',
    docUrl: DOCS.image,
    *check({ containers }) {
      for (const container of containers) {
        const image = str(container.def, 'image');
        if (!image?.trim() || isPlaceholder(image)) continue;
        if (image.length <= 255 && IMAGE.test(image)) continue;
        yield {
          path: container.at('image'),
          message: `${container.label}: image ${show(image)} is not an image reference (up to 255 letters, digits and - _ : . / # @).`,
          ...(image.trim() !== image && IMAGE.test(image.trim())
            ? {
                fix: fix('Trim spaces', [
                  { op: 'set', path: container.at('image'), value: image.trim() },
                ]),
              }
            : {}),
        };
      }
    },
  },
  {
    id: 'image-latest',
    severity: 'warning',
    title: 'Image tag :latest or no tag',
    docUrl: DOCS.image,
    *check({ containers }) {
      for (const container of containers) {
        const image = str(container.def, 'image');
        if (image === undefined || isPlaceholder(image)) continue;
        const reference = parseImageReference(image);
        if (!reference || effectiveTag(reference) !== 'latest') continue;
        yield {
          path: container.at('image'),
          message: `${container.label}: image ${show(image)} ${reference.tag === undefined ? 'has no tag, so it means :latest' : 'uses :latest'}; pin a version tag or digest so every task runs the same code and rollbacks work.`,
        };
      }
    },
  },
  {
    id: 'no-essential-container',
    severity: 'error',
    title: 'At least one essential container',
    docUrl: DOCS.essential,
    *check({ containers }) {
      if (containers.length === 0 || containers.some((container) => container.essential)) return;
      const first = containers[0];
      if (!first) return;
      yield {
        path: first.at('essential'),
        message:
          'Every container has "essential": false; a task needs at least one essential container.',
        fix: fix(`Make ${first.label.replace(/^Container /, 'container ')} essential`, [
          { op: 'set', path: first.at('essential'), value: true },
        ]),
      };
    },
  },
  {
    id: 'links-not-bridge',
    severity: 'error',
    title: 'links only in bridge mode',
    docUrl: DOCS.network,
    *check({ containers, networkMode }) {
      if (networkMode === undefined || networkMode === 'bridge') return;
      for (const container of containers) {
        if (list(container.def, 'links').length === 0) continue;
        yield {
          path: container.at('links'),
          message: `${container.label}: links work only in bridge mode, not ${networkMode}; containers in a task reach each other on localhost in awsvpc and host modes.`,
          fix: fix('Remove links', [{ op: 'remove', path: container.at('links') }]),
        };
      }
    },
  },
  {
    id: 'hostname-awsvpc',
    severity: 'error',
    title: 'hostname not allowed in awsvpc mode',
    docUrl: DOCS.network,
    *check({ containers, networkMode }) {
      if (networkMode !== 'awsvpc') return;
      for (const container of containers) {
        const hostname = member(container.def, 'hostname');
        if (hostname === undefined || hostname === null) continue;
        yield {
          path: container.at('hostname'),
          message: `${container.label}: hostname is not supported in awsvpc mode.`,
          fix: fix('Remove hostname', [{ op: 'remove', path: container.at('hostname') }]),
        };
      }
    },
  },
  {
    id: 'extra-hosts-awsvpc',
    severity: 'error',
    title: 'extraHosts not allowed in awsvpc mode',
    docUrl: DOCS.network,
    *check({ containers, networkMode }) {
      if (networkMode !== 'awsvpc') return;
      for (const container of containers) {
        if (list(container.def, 'extraHosts').length === 0) continue;
        yield {
          path: container.at('extraHosts'),
          message: `${container.label}: extraHosts is not supported in awsvpc mode.`,
          fix: fix('Remove extraHosts', [{ op: 'remove', path: container.at('extraHosts') }]),
        };
      }
    },
  },
];
