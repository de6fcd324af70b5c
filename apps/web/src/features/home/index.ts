export { ComingSoonPage } from './coming-soon-page';
export { HomePage } from './home-page';
