export { AdvancesPage } from './advances-page';
