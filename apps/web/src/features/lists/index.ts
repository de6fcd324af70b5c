export { ListComparePage } from './list-compare-page';
