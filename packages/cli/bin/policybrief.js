#!/usr/bin/env node
// Kept outside dist/ so that npm can link the command before the first build.
import('../dist/bin.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.js')) {
    process.stderr.write('policybrief: the command is not built yet; run `npm run build` first\n')
    process.exit(1)
  }
  throw error
})
