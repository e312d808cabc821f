// Entry point: the API module reads the host's token before the router sees the URL, and the
// shared styles come before every feature's own (each feature's .css is imported beside it).
import './api';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
