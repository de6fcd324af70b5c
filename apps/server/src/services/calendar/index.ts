export { loadServerCalendar } from './load.js';
export { listCalendarYears } from './list.js';
export { saveCalendarYear } from './save.js';
