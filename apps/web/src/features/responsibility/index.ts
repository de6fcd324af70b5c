export { StatusBadge, StatusCell } from './shared';
