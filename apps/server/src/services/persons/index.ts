export { listPersons } from './list.js';
export { getPerson } from './get.js';
export { createPerson } from './create.js';
export { updatePerson } from './update.js';
export { addPersonCategory } from './add-category.js';
export { endPersonCategory } from './end-category.js';
export { ZListPersonsInput } from './list.js';
export { ZGetPersonInput } from './get.js';
export { getPersonFacts, type PersonFacts } from './facts.js';
