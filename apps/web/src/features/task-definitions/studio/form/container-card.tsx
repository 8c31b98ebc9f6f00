import { formatPath, type JsonValue } from '@deckhand/shared/taskdef';
import { memo, useMemo } from 'react';
import { Collapsible } from './collapsible';
import { CardActions } from './container-actions';
import { ContainerBody, type ContainerContext } from './container-body';
import { ReadOnlyField } from './field';
import { FindingsProvider, useApplyFix } from './form-context';
import { groupByAnchor, isWithin, sameFindings, type PlacedFinding } from './lib/anchors';
import { isJsonObject } from './lib/json-edit';

/** One container as a collapsible card with its own findings scope. */
export const ContainerCard = memo(
  function ContainerCard({
    index,
    container,
    findings,
    context,
  }: {
    index: number;
    container: JsonValue | undefined;
    findings: readonly PlacedFinding[];
    context: ContainerContext;
  }) {
    const applyFix = useApplyFix();
    const scope = useMemo(
      () => ({ byAnchor: groupByAnchor(findings), applyFix }),
      [findings, applyFix],
    );
    const prefix = formatPath(['containerDefinitions', index]);
    const name =
      isJsonObject(container) && typeof container.name === 'string' && container.name !== ''
        ? container.name
        : `Container ${index + 1}`;
    const image =
      isJsonObject(container) && typeof container.image === 'string' ? container.image : '';
    return (
      <FindingsProvider value={scope}>
        <Collapsible
          label={name}
          heading={<span className="font-mono">{name}</span>}
          headingLevel={3}
          anchor={prefix}
          contains={(path) => isWithin(path, prefix)}
          defaultOpen={context.defaultOpen}
          findings={findings.map((placed) => placed.finding)}
          summary={
            image ? (
              <span className="max-w-[28rem] truncate font-mono text-xs text-slate-500 dark:text-slate-400">
                {image}
              </span>
            ) : undefined
          }
          actions={
            <CardActions
              index={index}
              name={name}
              count={context.containerNames.length}
              names={context.containerNames}
            />
          }
        >
          {isJsonObject(container) ? (
            <ContainerBody index={index} container={container} context={context} />
          ) : (
            <ReadOnlyField
              label={`Container ${index + 1}`}
              segments={['containerDefinitions', index]}
              value={container ?? null}
            />
          )}
        </Collapsible>
      </FindingsProvider>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.container === after.container &&
    before.context === after.context &&
    sameFindings(before.findings, after.findings),
);
