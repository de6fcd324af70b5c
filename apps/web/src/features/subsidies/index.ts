export { PremiumsPage } from './premiums-page';
