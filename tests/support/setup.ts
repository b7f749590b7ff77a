import { setIconOptions } from '@fluentui/react/lib/Styling';

// SharePoint and Teams provide Fluent's icon font; tests don't, and the missing-icon warnings
// would bury real ones.
setIconOptions({ disableWarnings: true });
