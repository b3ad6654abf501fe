// The devtools panel lands with issue #4.
export {}
