export { listPersons } from './list.js';
export { getPerson } from './get.js';
