import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provisioningTemplateXml, TEMPLATE_PATH } from './provisioning-template';

writeFileSync(join(__dirname, '..', TEMPLATE_PATH), provisioningTemplateXml());
process.stdout.write(`Wrote ${TEMPLATE_PATH}\n`);
