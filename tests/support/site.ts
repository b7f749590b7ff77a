import type { Emulator } from '../../workbench/emulator';
import { seedDemo } from '../../workbench/seed';

/** The workbench's demo site (set-up, groups, demo accounts) on an emulator for integration tests. */
export async function seedDemoSite(emu: Emulator): Promise<void> {
  await seedDemo(emu.siteUrl);
}
