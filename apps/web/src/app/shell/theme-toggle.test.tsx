import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '../../lib/theme';
import { ThemeToggle } from './theme-toggle';

afterEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
});

const radio = (name: string) => screen.getByRole('radio', { name });
const checked = (name: string) => radio(name).getAttribute('aria-checked');

describe('ThemeToggle', () => {
  it('offers light, dark and system, checked as stored', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    render(<ThemeToggle />);
    expect(screen.getByRole('radiogroup', { name: 'Theme' })).toBeTruthy();
    expect(checked('Light')).toBe('true');
    expect(checked('System')).toBe('false');
    expect(radio('Light').tabIndex).toBe(0);
    expect(radio('Dark').tabIndex).toBe(-1);
  });

  it('applies and persists a choice', () => {
    render(<ThemeToggle />);
    expect(checked('System')).toBe('true');
    fireEvent.click(radio('Dark'));
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(checked('Dark')).toBe('true');
    fireEvent.click(radio('Light'));
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  it('moves and chooses with the arrow keys, wrapping around', () => {
    render(<ThemeToggle />);
    fireEvent.keyDown(radio('System'), { key: 'ArrowRight' });
    expect(checked('Light')).toBe('true');
    expect(document.activeElement).toBe(radio('Light'));
    fireEvent.keyDown(radio('Light'), { key: 'ArrowLeft' });
    expect(checked('System')).toBe('true');
    fireEvent.keyDown(radio('System'), { key: 'ArrowUp' });
    expect(checked('Dark')).toBe('true');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });
});
