export { adminWorkbench } from './admin.js';
