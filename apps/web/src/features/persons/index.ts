export { PersonCreatePage } from './person-create-page';
export { PersonDetailPage } from './person-detail-page';
export { PersonListPage } from './person-list-page';
