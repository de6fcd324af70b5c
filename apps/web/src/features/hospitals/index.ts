export { HospitalsPage } from './hospitals-page';
