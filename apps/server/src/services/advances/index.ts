export { createAdvanceDeclaration, listAdvanceDeclarations, payAdvanceDeclaration } from './advances.js';
