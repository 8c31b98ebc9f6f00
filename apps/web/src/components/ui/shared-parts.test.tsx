import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Dialog, DialogActions } from './dialog';
import { QueryError } from './query-error';
import { SortHeader } from './sort-header';

describe('shared parts of the pages', () => {
  it('shows a failed query and refetches it on "Try again"', () => {
    const refetch = vi.fn(() => Promise.resolve());
    render(
      <QueryError
        title="Tasks could not be loaded"
        query={{ error: new Error('Boom.'), refetch }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Tasks could not be loaded');
    expect(screen.getByRole('alert').textContent).toContain('Boom.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledOnce();
  });

  it('sorts by a column and says how it is sorted', () => {
    const onSort = vi.fn();
    render(
      <table>
        <thead>
          <tr>
            <SortHeader
              label="Name"
              column="name"
              sort={{ key: 'name', descending: true }}
              onSort={onSort}
            />
            <SortHeader
              label="Size"
              column="size"
              sort={{ key: 'name', descending: true }}
              onSort={onSort}
            />
          </tr>
        </thead>
      </table>,
    );
    const [name, size] = screen.getAllByRole('columnheader');
    expect(name?.getAttribute('aria-sort')).toBe('descending');
    expect(size?.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByRole('button', { name: 'Size' }));
    expect(onSort).toHaveBeenCalledWith('size');
  });

  it('ends a dialog form with Cancel and its action', () => {
    const onClose = vi.fn();
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <Dialog title="Stop task" onClose={onClose}>
        <form onSubmit={onSubmit}>
          <DialogActions
            onCancel={onClose}
            submitLabel="Confirm stop"
            variant="danger"
            disabled={false}
          />
        </form>
      </Dialog>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Confirm stop' }));
    expect(onSubmit).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
