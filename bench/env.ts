// Imported first by every entry point: the SDK warns about Node 20 support on each client build,
// which would otherwise clutter stderr between the bench's own lines.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
export {}
