/** A one-line progress bar on a terminal; silent when stderr is piped or --quiet is set. */
export class Progress {
  private done_ = 0
  private readonly active: boolean

  constructor(
    private readonly total: number,
    quiet: boolean,
  ) {
    this.active = !quiet && process.stderr.isTTY === true
  }

  step(label: string): void {
    this.done_++
    if (!this.active) return
    const width = 24
    const filled = Math.round((this.done_ / this.total) * width)
    const columns = process.stderr.columns || 80
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done_}/${this.total} ${label}`
    process.stderr.write(`\r\x1b[K${line.slice(0, columns - 1)}`)
  }

  done(): void {
    if (this.active) process.stderr.write('\r\x1b[K')
  }
}
