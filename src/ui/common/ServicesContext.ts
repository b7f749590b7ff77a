import * as React from 'react';
import type { Services } from '../../app/createServices';

export const ServicesContext = React.createContext<Services | undefined>(undefined);

export function useServices(): Services {
  const services = React.useContext(ServicesContext);
  if (!services) throw new Error('useServices() used outside <App>');
  return services;
}
