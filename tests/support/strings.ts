import { readLocStrings } from '../../workbench/loc';

// What `import * as strings from 'SocialMediaHubWebPartStrings'` gives the code under test.
module.exports = readLocStrings('en-gb');
