import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DescribeFailures } from './describe-failures';

describe('DescribeFailures', () => {
  it('says how many could not be described, and why, for each', () => {
    render(
      <DescribeFailures
        what="tasks"
        failures={[
          { arn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc', reason: 'MISSING' },
          { reason: 'MISSING', detail: 'gone' },
        ]}
      />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('ECS could not describe 2 tasks');
    expect(status.textContent).toContain('task/prod/abc: MISSING');
    expect(status.textContent).toContain('(no ARN): MISSING (gone)');
  });

  it('shows nothing without failures', () => {
    const { container } = render(<DescribeFailures what="tasks" failures={[]} />);
    expect(container.textContent).toBe('');
  });
});
