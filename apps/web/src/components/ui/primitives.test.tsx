import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleLink } from './console-link';
import { CopyButton } from './copy-button';
import { EmptyState } from './empty-state';
import { JsonView } from './json-view';
import { Skeleton } from './skeleton';
import { StaleBadge } from './stale-badge';

afterEach(() => vi.useRealTimers());

describe('UI primitives', () => {
  it('copies the value and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyButton value="arn:aws:ecs:x" label="cluster ARN" />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy cluster ARN' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith('arn:aws:ecs:x');
    expect(screen.getByRole('button', { name: 'Copy cluster ARN' }).textContent).toBe('Copied');
  });

  it('shows a resource as pretty JSON', () => {
    render(<JsonView value={{ name: 'web', count: 2 }} label="Service" />);
    expect(screen.getByLabelText('Service as JSON')).toBeTruthy();
    expect(screen.getByText(/"count": 2/)).toBeTruthy();
  });

  it('marks stale data with its time, and says nothing when fresh', () => {
    const { rerender } = render(<StaleBadge stale={false} asOf="2026-11-27T00:00:00.000Z" />);
    expect(screen.queryByText(/Stale/)).toBeNull();
    rerender(<StaleBadge stale asOf={new Date().toISOString()} />);
    expect(screen.getByText(/^Stale · as of/)).toBeTruthy();
  });

  it('links to the AWS console only in aws mode', () => {
    const { rerender } = render(<ConsoleLink href="https://x" mode="simulator" />);
    expect(screen.queryByRole('link')).toBeNull();
    rerender(<ConsoleLink href="https://x" mode="aws" />);
    expect(screen.getByRole('link', { name: /AWS console/ }).getAttribute('href')).toBe(
      'https://x',
    );
  });

  it('announces loading and says what to do when empty', () => {
    render(
      <>
        <Skeleton label="services" rows={2} />
        <EmptyState title="No services">Create one with the AWS CLI.</EmptyState>
      </>,
    );
    expect(screen.getByRole('status', { name: 'Loading services' })).toBeTruthy();
    expect(screen.getByText('Create one with the AWS CLI.')).toBeTruthy();
  });
});
