/**
 * Service ids learned from built clients (`client.config.serviceId`), so a class a minifier
 * renamed (`class e`) still gets a readable label (`S3Client`). Weak: no class is kept alive.
 * @internal
 */
const learned = new WeakMap<object, string>()

const READABLE = /^[A-Z][A-Za-z0-9]*Client$/

/** Remembers a client's service id for its class. @internal */
export function learnServiceId(ClientClass: object, client: unknown): void {
  const config = (client as { config?: { serviceId?: unknown } } | null)?.config
  const serviceId = config?.serviceId
  if (typeof serviceId === 'string' && serviceId) learned.set(ClientClass, serviceId)
}

/** The service id learned for a class, if any. @internal */
export function learnedServiceId(ClientClass: object): string | undefined {
  return learned.get(ClientClass)
}

/**
 * The name labels show for a client class: its own name when it reads like an SDK client class
 * name, else the learned service id + `'Client'` (spaces removed), else whatever name it has.
 * @internal
 */
export function clientClassName(ClientClass: object): string {
  const own = (ClientClass as { readonly name?: unknown }).name
  const name = typeof own === 'string' ? own : ''
  if (READABLE.test(name) && name.length > 6) return name
  const serviceId = learned.get(ClientClass)
  if (serviceId !== undefined) return `${serviceId.replace(/[^A-Za-z0-9]/g, '')}Client`
  return name || 'AnonymousClient'
}
