// `npm run lint:react-advice`: the React Compiler's diagnostics (eslint-plugin-react-hooks 7's
// "recommended" beyond the rules of hooks) over the renderer, as warnings: advice about render
// performance. Kept out of `npm run lint`, where compiling every component cost most of ESLint's
// time for warnings that never fail a run (eslint.config.mjs).
import reactHooks from 'eslint-plugin-react-hooks';
import base from './eslint.config.mjs';

const ADVICE = Object.fromEntries(
  Object.entries(reactHooks.configs.flat.recommended.rules)
    .filter(([name]) => name !== 'react-hooks/rules-of-hooks' && name !== 'react-hooks/exhaustive-deps')
    .map(([name]) => [name, 'warn']),
);

export default [...base, { files: ['renderer/**/*.{ts,tsx,js,jsx}', 'tests/**/*.tsx'], rules: ADVICE }];
