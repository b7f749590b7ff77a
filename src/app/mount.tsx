import * as React from 'react';
import * as ReactDom from 'react-dom';
import { App } from '../ui/shell/App';
import { createServices } from './createServices';
import type { Host } from './host';

/** Renders the app for a host into an element; returns the function that unmounts it. */
export function mountApp(element: HTMLElement, host: Host): () => void {
  ReactDom.render(<App services={createServices(host)} />, element);
  return () => { ReactDom.unmountComponentAtNode(element); };
}
