import type { Host } from './host';
import { SpRegisterRepository } from '../data/sp/registerRepository';
import { RegisterService } from '../services/registerService';

// The register's reader, in the register view's own chunk: the policy page does not need it.

export function createRegister(host: Host, me: () => Promise<number>): RegisterService {
  return new RegisterService(new SpRegisterRepository(host.sp), me);
}
