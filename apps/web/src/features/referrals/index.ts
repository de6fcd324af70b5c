export { OffsiteStatusBadge, ReferralStatusBadge } from './status-badges';
