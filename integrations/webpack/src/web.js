// The browser bundle: one export of the core. Everything else the package exports (the caches'
// LFU order, PromiseChainLock, the sessions, the partition table) must be left out.
import { ClientCacheKey } from 'aws-client-cache'

class DemoClient {
  constructor(config) {
    this.config = config
  }
}

const key = new ClientCacheKey(DemoClient, { region: 'eu-west-1' })
document.body.textContent = `key: ${key.label}`
