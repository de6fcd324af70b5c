export { ClockBadge } from './clock-badge';
