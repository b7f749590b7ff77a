import './pnp';
import type { SPFI } from './pnp';
import { BUILT_IN, LISTS, fieldNames } from '../schema';

const F = fieldNames(LISTS.settings);
import { DEFAULT_SETTINGS, type HubSettings, type ISettingsRepository } from '../../services/ports/settings';
import { guarded } from '../errors/normalise';
import { odataString } from './odata';

interface SettingItem {
  Id: number;
  SettingKey: string;
  SettingValue: string | null;
}

export const SETTINGS_SELECT = [BUILT_IN.Id, F.SettingKey, F.SettingValue] as const;

/** Turns stored key/value rows into settings; unknown keys are ignored, bad numbers fall back. */
export function settingsFromItems(items: readonly SettingItem[]): HubSettings {
  const out: HubSettings = { ...DEFAULT_SETTINGS };
  for (const item of items) {
    const key = item.SettingKey as keyof HubSettings;
    if (!(key in DEFAULT_SETTINGS)) continue;
    const raw = item.SettingValue ?? '';
    if (typeof DEFAULT_SETTINGS[key] === 'number') {
      const n = Number(raw);
      if (raw !== '' && Number.isFinite(n)) (out as unknown as Record<string, number>)[key] = n;
    } else {
      (out as unknown as Record<string, string>)[key] = raw;
    }
  }
  return out;
}

export class SpSettingsRepository implements ISettingsRepository {
  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(LISTS.settings.title).items;
  }

  public load(): Promise<HubSettings> {
    return guarded(async () => settingsFromItems(await this.items.select(...SETTINGS_SELECT).top(500)<SettingItem[]>()));
  }

  public save(changes: Partial<HubSettings>): Promise<HubSettings> {
    return guarded(async () => {
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        const existing = await this.items.filter(`${F.SettingKey} eq ${odataString(key)}`).select(...SETTINGS_SELECT).top(1)<SettingItem[]>();
        if (existing.length === 0) await this.items.add({ [BUILT_IN.Title]: key, [F.SettingKey]: key, [F.SettingValue]: String(value) });
        else if (existing[0].SettingValue !== String(value)) await this.items.getById(existing[0].Id).update({ [F.SettingValue]: String(value) });
      }
      return this.load();
    });
  }
}
