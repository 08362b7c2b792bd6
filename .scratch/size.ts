import { fontFaces } from '../src/pdf/font.ts';
console.log((await fontFaces('/')).length);
