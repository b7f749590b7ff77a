import type { Host } from './host';
import { SpRegisterRepository } from '../data/sp/registerRepository';
import { SpRegisterWriter } from '../data/sp/registerWriter';
import { SpHashtagsRepository } from '../data/sp/hashtagsRepository';
import { HashtagRegisterService } from '../services/hashtagRegisterService';
import { RegisterService } from '../services/registerService';
import { AccountUpdatesService } from '../services/accountUpdatesService';
import { SpAccountUpdates } from '../data/sp/accountUpdatesRepository';
import { SpGroupMembership } from '../data/sp/groupMembership';
import { SpActivityLog } from '../data/sp/activityLog';
import { newSubmissionId } from '../data/sp/submissionId';
import { SpRegisterImporter } from '../data/sp/registerImporter';
import { RegisterImportService } from '../services/registerImportService';
import { SpAccountHistory } from '../data/sp/accountHistoryRepository';
import { AccountHistoryService } from '../services/accountHistoryService';
import { GraphDirectory } from '../data/graph/graphDirectory';
import { PeopleService } from '../services/peopleService';

// The register's reader, in the register view's own chunk: the policy page does not need it.

export function createRegister(host: Host, me: () => Promise<number>): RegisterService {
  const history = new SpAccountHistory(host.sp);
  const updates = new AccountUpdatesService(new SpAccountUpdates(host.sp, me), new SpGroupMembership(host.sp), new SpActivityLog(host.sp), newSubmissionId, history);
  const writer = new SpRegisterWriter(host.sp);
  const imports = new RegisterImportService(new SpRegisterImporter(host.sp), writer, newSubmissionId);
  return new RegisterService(new SpRegisterRepository(host.sp), me, updates, writer, new HashtagRegisterService(new SpHashtagsRepository(host.sp)), imports,
    new AccountHistoryService(history, me), new PeopleService(host.graph && new GraphDirectory(host.graph)));
}
