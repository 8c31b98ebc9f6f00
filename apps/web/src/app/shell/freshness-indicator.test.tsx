import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../lib/format';
import { FreshnessIndicator } from './freshness-indicator';

const asOf = '2026-11-26T10:00:00.000Z';

function Observer({ id }: { id: string }) {
  useQuery({
    queryKey: ['test', id],
    queryFn: () => new Promise<never>(() => {}),
    staleTime: Infinity,
  });
  return null;
}

function renderIndicator(observed: string[] = ['a', 'b']) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      {observed.map((id) => (
        <Observer key={id} id={id} />
      ))}
      <FreshnessIndicator />
    </QueryClientProvider>,
  );
  return client;
}

const indicator = () => screen.queryByRole('status', { name: 'Data freshness' });

describe('FreshnessIndicator', () => {
  it('shows nothing until an answer with freshness is on screen', () => {
    const client = renderIndicator();
    expect(indicator()).toBeNull();
    act(() => {
      client.setQueryData(['test', 'a'], { mode: 'simulator' });
    });
    expect(indicator()).toBeNull();
  });

  it('says Fresh, then Stale as of the oldest stale answer, then Fresh again', () => {
    const client = renderIndicator();
    act(() => {
      client.setQueryData(['test', 'a'], { stale: false, asOf, items: [] });
    });
    expect(indicator()?.textContent).toBe('Fresh');
    expect(indicator()?.dataset.state).toBe('fresh');

    const older = '2026-11-26T09:58:30.000Z';
    act(() => {
      client.setQueryData(['test', 'a'], { stale: true, asOf, items: [] });
      client.setQueryData(['test', 'b'], { stale: true, asOf: older, items: [] });
    });
    expect(indicator()?.textContent).toBe(`Stale · as of ${formatTime(older)}`);
    expect(indicator()?.dataset.state).toBe('stale');

    act(() => {
      client.setQueryData(['test', 'a'], { stale: false, asOf, items: [] });
      client.setQueryData(['test', 'b'], { stale: false, asOf, items: [] });
    });
    expect(indicator()?.textContent).toBe('Fresh');
  });

  it('ignores a stale answer that nothing on screen shows', () => {
    const client = renderIndicator(['a']);
    act(() => {
      client.setQueryData(['test', 'a'], { stale: false, asOf });
      client.setQueryData(['test', 'left-behind'], { stale: true, asOf });
    });
    expect(indicator()?.textContent).toBe('Fresh');
  });
});
