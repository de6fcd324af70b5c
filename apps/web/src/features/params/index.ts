export { ParamsPage } from './params-page';
