import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initTheme } from './lib/theme';
import './index.css';

// Before the first render, so the console never renders in the wrong theme first. The CSP allows
// no inline script in index.html, so the bundle's start is the earliest point.
initTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
