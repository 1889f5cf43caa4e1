import { run } from './program.js'

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // a closed pipe (policybrief parse x | head) is not a failure
  if (error.code === 'EPIPE') process.exit(0)
})

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  () => {
    process.exitCode = 1
  },
)
