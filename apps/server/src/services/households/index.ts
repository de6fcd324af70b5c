export { createHousehold } from './create.js';
export { findHouseholds, ZFindHouseholdsInput } from './find.js';
export { moveHouseholdMember, setHouseholdHead } from './move-member.js';
export { describeHousehold } from './internal.js';
