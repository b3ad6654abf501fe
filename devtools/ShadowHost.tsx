import { useCallback, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { CSS } from './styles.js'

/**
 * A host element with an open shadow root; `children` render inside it (through a portal, so
 * they keep the React tree's context) beneath the panel's one stylesheet. Page CSS does not reach
 * in, and the panel's CSS does not leak out.
 */
export function ShadowHost({
  mode,
  styleNonce,
  children,
}: {
  /** `page`: the whole viewport (the browser extension's panel). */
  mode: 'floating' | 'embedded' | 'page'
  styleNonce: string | undefined
  children: ReactNode
}): ReactNode {
  const [root, setRoot] = useState<ShadowRoot | null>(null)
  const attach = useCallback((host: HTMLDivElement | null) => {
    // StrictMode attaches twice: reuse the root the first pass made.
    if (host !== null) setRoot(host.shadowRoot ?? host.attachShadow({ mode: 'open' }))
  }, [])
  return (
    <div ref={attach} data-aws-client-cache-devtools="" data-mode={mode}>
      {root !== null &&
        createPortal(
          <>
            <style nonce={styleNonce}>{CSS}</style>
            {children}
          </>,
          root,
        )}
    </div>
  )
}
