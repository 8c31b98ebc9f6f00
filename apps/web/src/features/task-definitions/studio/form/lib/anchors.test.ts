import type { LintFinding } from '@deckhand/shared/taskdef';
import { describe, expect, it } from 'vitest';
import {
  countSeverities,
  describeCounts,
  groupByAnchor,
  idForPath,
  isWithin,
  placeFindings,
  resolveAnchor,
  sameFindings,
} from './anchors';

const finding = (path: string, severity: LintFinding['severity'] = 'error'): LintFinding => ({
  ruleId: 'rule',
  severity,
  path,
  message: `at ${path}`,
});

describe('finding anchors', () => {
  it('shows a finding at the deepest field the form renders on its path', () => {
    expect(resolveAnchor('family')).toBe('family');
    expect(resolveAnchor('containerDefinitions[0].portMappings[1].hostPort')).toBe(
      'containerDefinitions[0].portMappings[1].hostPort',
    );
    expect(resolveAnchor('containerDefinitions[0].portMappings[1]')).toBe(
      'containerDefinitions[0].portMappings[1]',
    );
    expect(resolveAnchor('containerDefinitions[2].linuxParameters.capabilities')).toBe(
      'containerDefinitions[2]',
    );
    expect(resolveAnchor('containerDefinitions[0].healthCheck.command[0]')).toBe(
      'containerDefinitions[0].healthCheck.command',
    );
    expect(resolveAnchor('containerDefinitions[0].logConfiguration.options["awslogs-group"]')).toBe(
      'containerDefinitions[0].logConfiguration.options["awslogs-group"]',
    );
    expect(resolveAnchor('requiresCompatibilities[0]')).toBe('requiresCompatibilities');
    expect(resolveAnchor('volumes[0].efsVolumeConfiguration.authorizationConfig.iam')).toBe(
      'volumes[0].efsVolumeConfiguration.authorizationConfig.iam',
    );
    expect(resolveAnchor('placementConstraints[0]')).toBe('');
    expect(resolveAnchor('')).toBe('');
    expect(resolveAnchor('not a path!')).toBe('');
  });

  it('with the document, stops where the form renders nothing deeper', () => {
    const document = {
      containerDefinitions: [
        { name: 'web', logConfiguration: { logDriver: 'awslogs', options: { a: '1' } } },
        'oops',
      ],
      runtimePlatform: 'linux',
    };
    const group = 'containerDefinitions[0].logConfiguration.options["awslogs-group"]';
    expect(resolveAnchor(group, document)).toBe('containerDefinitions[0].logConfiguration.options');
    expect(resolveAnchor('containerDefinitions[0].logConfiguration.options.a', document)).toBe(
      'containerDefinitions[0].logConfiguration.options.a',
    );
    expect(resolveAnchor('containerDefinitions[1].image', document)).toBe(
      'containerDefinitions[1]',
    );
    expect(resolveAnchor('containerDefinitions[5].image', document)).toBe('containerDefinitions');
    expect(resolveAnchor('runtimePlatform.cpuArchitecture', document)).toBe('runtimePlatform');
    // A missing holder is still rendered (its fields are empty inputs).
    expect(resolveAnchor('containerDefinitions[0].healthCheck.interval', document)).toBe(
      'containerDefinitions[0].healthCheck.interval',
    );
  });

  it('tells whether a path is inside another', () => {
    expect(isWithin('containerDefinitions[1].image', 'containerDefinitions[1]')).toBe(true);
    expect(isWithin('containerDefinitions[10].image', 'containerDefinitions[1]')).toBe(false);
    expect(isWithin('family', '')).toBe(true);
    expect(isWithin('familyName', 'family')).toBe(false);
  });

  it('groups, counts and describes findings', () => {
    const placed = placeFindings([
      finding('cpu'),
      finding('cpu', 'warning'),
      finding('containerDefinitions[0].ulimits', 'info'),
    ]);
    const groups = groupByAnchor(placed);
    expect(groups.get('cpu')?.length).toBe(2);
    expect(groups.get('containerDefinitions[0]')?.length).toBe(1);
    const counts = countSeverities(placed.map((item) => item.finding));
    expect(describeCounts(counts)).toBe('1 error, 1 warning, 1 note');
    expect(describeCounts({ error: 2, warning: 0, info: 0 })).toBe('2 errors');
    expect(describeCounts({ error: 0, warning: 0, info: 0 })).toBe('');
  });

  it('compares findings by content', () => {
    expect(sameFindings(placeFindings([finding('cpu')]), placeFindings([finding('cpu')]))).toBe(
      true,
    );
    expect(sameFindings(placeFindings([finding('cpu')]), placeFindings([finding('memory')]))).toBe(
      false,
    );
  });

  it('derives distinct element ids from paths', () => {
    const ids = [
      'containerDefinitions[0].image',
      'containerDefinitions[0]_image',
      'options["a.b"]',
      'options["a-b"]',
      '',
    ].map((path) => idForPath('f', path));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[A-Za-z0-9_-]+$/.test(id))).toBe(true);
  });
});
