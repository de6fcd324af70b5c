export { loadServerCalendar } from './load.js';
export { listCalendarYears } from './list.js';
export { saveCalendarYear } from './save.js';
export { importCalendarYear, MAX_CALENDAR_FILE_BYTES } from './import.js';
