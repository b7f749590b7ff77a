'use strict';

// The SPFx 1.23 gulp rig. Kept behind npm scripts (npm run build / npm run package) so a later move
// to Heft changes package.json and config/, not the code.
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

// Only the shipped web part is type-checked by the rig; the workbench, tests and scripts have their
// own tsconfig (tsconfig.tools.json) and are never part of the SharePoint bundle.
const getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  const result = getTasks.call(build.rig);
  result.set('serve', result.get('serve-deprecated'));
  return result;
};

build.initialize(require('gulp'));
